package excel

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// Tests that open outputs as a user would, with LibreOffice, poppler or
// openpyxl, skip when the tool is missing and under -short.

func needTool(t *testing.T, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: skipping the test that needs %s", name)
	}
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install libreoffice-calc-nogui poppler-utils python3-openpyxl); skipping", name)
	}
	return path
}

// loProfile is one LibreOffice profile for the whole package run: making a
// profile is most of the time of a first start.
var loProfile struct {
	once sync.Once
	dir  string
	mu   sync.Mutex // one soffice at a time shares a profile
}

func TestMain(m *testing.M) {
	code := m.Run()
	if loProfile.dir != "" {
		os.RemoveAll(loProfile.dir)
	}
	os.Exit(code)
}

// convert runs LibreOffice once to convert every file to format in outDir.
func convert(t *testing.T, format, outDir string, files ...string) {
	t.Helper()
	soffice := needTool(t, "soffice")
	loProfile.once.Do(func() {
		dir, err := os.MkdirTemp("", "de06-lo-")
		if err != nil {
			t.Fatal(err)
		}
		loProfile.dir = dir
	})
	loProfile.mu.Lock()
	defer loProfile.mu.Unlock()
	args := append([]string{"-env:UserInstallation=" + fileURL(filepath.Join(loProfile.dir, "profile")),
		"--headless", "--convert-to", format, "--outdir", outDir}, files...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
}

// openpyxl finds a python3 with openpyxl (Debian's python3-openpyxl).
func openpyxl(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the test that needs openpyxl")
	}
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	t.Skip("openpyxl is not installed (apt-get install python3-openpyxl); skipping")
	return ""
}
