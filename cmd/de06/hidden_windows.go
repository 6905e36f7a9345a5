package main

import "syscall"

// hiddenFile reports whether path has the hidden attribute: Windows hides
// files by attribute, not by name.
func hiddenFile(path string) bool {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return false
	}
	attrs, err := syscall.GetFileAttributes(p)
	return err == nil && attrs&syscall.FILE_ATTRIBUTE_HIDDEN != 0
}
