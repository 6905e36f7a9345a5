//go:build !windows

package main

// hiddenFile reports whether the file system marks path hidden beyond a
// leading dot: on Unix, a leading dot is all there is.
func hiddenFile(path string) bool { return false }
