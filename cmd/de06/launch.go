package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
)

// Double-click on Windows: de06.exe started from Explorer has a console of
// its own and no arguments. It then starts the desk with its data beside
// the program, opens the browser, and keeps any error on screen until
// Enter is pressed, since the window closes when de06 ends.

// stdin is where the launcher waits for Enter; tests replace it.
var stdin io.Reader = os.Stdin

// launch runs the desk for a double-click and returns the exit code.
func launch(stdout, stderr io.Writer) (code int) {
	exe, err := os.Executable()
	if err != nil {
		exe = "."
	}
	dir := chooseDataDir(filepath.Dir(exe), os.Getenv("LOCALAPPDATA"), dirWritable)
	fmt.Fprintf(stdout, msgLaunch, version())
	code = exitUsage
	defer func() {
		// Whatever ends the desk, even a fault in de06 itself, the window
		// stays until the officer has read why.
		if v := recover(); v != nil {
			// The technical detail goes to a file for whoever maintains
			// de06; the window says what to do.
			detail := filepath.Join(dir, "loi-de06.txt")
			os.MkdirAll(dir, 0o755)
			os.WriteFile(detail, fmt.Appendf(nil, "%v\n\n%s", v, debug.Stack()), 0o644)
			fmt.Fprintf(stderr, msgCrashed, detail)
			code = exitUsage
		}
		if code != exitOK {
			fmt.Fprint(stderr, msgPressEnter)
			bufio.NewReader(stdin).ReadString('\n')
		}
	}()
	code = run([]string{"serve", "--data", dir, "--open"}, stdout, stderr)
	return code
}

// chooseDataDir is the desk's data folder for a double-click: beside the
// program, unless that folder cannot be written (under Program Files),
// then the user's local application data.
func chooseDataDir(exeDir, localAppData string, writable func(string) bool) string {
	if writable(exeDir) || localAppData == "" {
		return filepath.Join(exeDir, defaultData)
	}
	return filepath.Join(localAppData, "de06", defaultData)
}

// dirWritable reports whether a file can be created in dir.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".de06-thu-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
