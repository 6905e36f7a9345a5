package oserr

import (
	"errors"
	"syscall"
)

// Windows error numbers (winerror.h) that syscall.Errno.Is does not map.
const (
	errorWriteProtect   syscall.Errno = 19
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
	errorDirectory      syscall.Errno = 267 // "the directory name is invalid"
	errorFilenameExced  syscall.Errno = 206
)

func isNoSpace(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}
func isReadOnly(err error) bool { return errors.Is(err, errorWriteProtect) }
func isNotDir(err error) bool   { return errors.Is(err, errorDirectory) }

// Windows reports a folder opened as a file as access denied, which the
// permission case already names.
func isDir(err error) bool     { return false }
func isTooLong(err error) bool { return errors.Is(err, errorFilenameExced) }
