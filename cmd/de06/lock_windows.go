package main

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

const caseInsensitiveFS = true

// lockDir takes an exclusive lock on a file in dir, so that two de06 runs
// writing into one folder do not interleave. Windows drops the lock when the
// process ends, even when it is killed.
func lockDir(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, writeError(path, err)
	}
	p, _ := windows.UTF16PtrFromString(path)
	windows.SetFileAttributes(p, windows.FILE_ATTRIBUTE_HIDDEN)
	h := windows.Handle(f.Fd())
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, &busyError{dir}
		}
		return nil, writeError(path, err)
	}
	return func() {
		windows.UnlockFileEx(h, 0, 1, 0, ol)
		f.Close()
	}, nil
}
