// Package oserr says in Vietnamese why the operating system refused to read
// or write a file. Every message de06 shows about a file system problem goes
// through Reason, so that a clerk never reads Go's or the system's English
// ("permission denied", "no space left on device") and reading is never
// called writing.
package oserr

import (
	"archive/zip"
	"errors"
	"io/fs"
)

// ErrIsDir says that a folder stands where a file is to be written.
var ErrIsDir = errors.New("oserr: a folder has the file's name")

// Op is what de06 was doing when the error happened; it decides whether a
// refused permission is about reading or writing.
type Op int

const (
	Read  Op = iota // opening or reading a file or folder
	Write           // creating, writing or renaming a file, making a folder
)

// Reason says why err happened, in Vietnamese, without the path (callers
// name the file themselves).
func Reason(err error, op Op) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, fs.ErrNotExist):
		if op == Write {
			return msgNoFolder
		}
		return msgNotExist
	case errors.Is(err, fs.ErrPermission), isReadOnly(err) && op == Read:
		if op == Write {
			return msgNoWrite
		}
		return msgNoRead
	case isReadOnly(err):
		return msgReadOnly
	case isNoSpace(err):
		return msgNoSpace
	case isNotDir(err):
		return msgNotDir
	case isDir(err), errors.Is(err, ErrIsDir):
		return msgIsDir
	case errors.Is(err, fs.ErrExist):
		return msgExists
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return msgNotWorkbook
	case isTooLong(err):
		return msgTooLong
	}
	if op == Write {
		return msgWriteOther
	}
	return msgReadOther
}
