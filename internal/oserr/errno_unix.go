//go:build !windows

package oserr

import (
	"errors"
	"syscall"
)

func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
func isReadOnly(err error) bool { return errors.Is(err, syscall.EROFS) }
func isNotDir(err error) bool   { return errors.Is(err, syscall.ENOTDIR) }
func isDir(err error) bool      { return errors.Is(err, syscall.EISDIR) }
func isTooLong(err error) bool  { return errors.Is(err, syscall.ENAMETOOLONG) }
