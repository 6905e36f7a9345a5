//go:build !windows

package main

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

const caseInsensitiveFS = false

// lockDir takes an exclusive lock on a file in dir, so that two de06 runs
// writing into one folder do not interleave. The system drops the lock when
// the process ends, even when it is killed.
func lockDir(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, writeError(path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &busyError{dir}
		}
		return nil, writeError(path, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
