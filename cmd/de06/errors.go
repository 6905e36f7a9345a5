package main

import (
	"errors"
	"fmt"

	"github.com/caongoc/de06/internal/oserr"
)

// The kinds of error a command returns; exitFor maps each to its exit code.

// errHelp: --help was asked for and printed.
var errHelp = errors.New("help")

// usageError: the command line is wrong (exit 2, with a pointer to --help).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// findingsError: the input files have errors, already reported on stdout
// (exit 1). msg, when set, is printed too.
type findingsError struct{ msg string }

func (e *findingsError) Error() string { return e.msg }

// fileError: the operating system refused to read or write path (exit 2).
// Its message is Vietnamese whatever the system said.
type fileError struct {
	op   oserr.Op
	path string
	err  error
}

func (e *fileError) Error() string {
	format := msgCannotRead
	if e.op == oserr.Write {
		format = msgCannotWrite
	}
	return fmt.Sprintf(format, e.path, oserr.Reason(e.err, e.op))
}

func (e *fileError) Unwrap() error { return e.err }

func readError(path string, err error) error  { return &fileError{oserr.Read, path, err} }
func writeError(path string, err error) error { return &fileError{oserr.Write, path, err} }

// busyError: another de06 is writing into the same folder (exit 2).
type busyError struct{ dir string }

func (e *busyError) Error() string { return fmt.Sprintf(msgBusy, e.dir) }

// lockName is the file in an output folder that de06 locks while it writes.
const lockName = ".de06.lock"
