//go:build !windows

package main

// ownConsole is false outside Windows: a terminal always has its shell.
func ownConsole() bool { return false }
