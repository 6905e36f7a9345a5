package main

import (
	"syscall"
	"unsafe"
)

var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole reports whether de06 runs in a console window of its own, as
// when double-clicked in Explorer: the console then lists one process.
// Started from cmd.exe or PowerShell, the shell is listed too.
func ownConsole() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	ids := make([]uint32, 4)
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
