package oserr

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"syscall"
	"testing"
)

// english catches words of Go's and the system's messages.
var english = regexp.MustCompile(`(?i)\b(no such|permission|denied|not a|file|directory|exists|space|device|invalid|error|read-only|zip)\b`)

func TestReason(t *testing.T) {
	dir := t.TempDir()
	afile := filepath.Join(dir, "afile")
	if err := os.WriteFile(afile, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errNotDir := os.Create(filepath.Join(afile, "x.xlsx"))
	_, errNotExist := os.Open(filepath.Join(dir, "missing.xlsx"))
	_, errZip := zip.NewReader(bytes.NewReader([]byte("not a zip")), 9)
	errIsDir := os.WriteFile(dir, nil, 0o644)
	type test struct {
		name string
		err  error
		op   Op
		want string
	}
	tests := []test{
		{"not found", errNotExist, Read, msgNotExist},
		{"folder missing on write", errNotExist, Write, msgNoFolder},
		{"permission read", &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, Read, msgNoRead},
		{"permission write", &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, Write, msgNoWrite},
		{"not a zip", errZip, Read, msgNotWorkbook},
		{"exists", &os.LinkError{Op: "rename", Old: "a", New: "b", Err: fs.ErrExist}, Write, msgExists},
		{"wrapped", fmt.Errorf("ghi: %w", &fs.PathError{Op: "write", Path: "x", Err: fs.ErrPermission}), Write, msgNoWrite},
		{"unknown", fmt.Errorf("something odd"), Write, msgWriteOther},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests,
			test{"not a directory", errNotDir, Write, msgNotDir},
			test{"is a directory", errIsDir, Write, msgIsDir},
			test{"no space", &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, Write, msgNoSpace},
			test{"read-only", &fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, Write, msgReadOnly},
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Reason(tt.err, tt.op)
			if got != tt.want {
				t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
			}
			if english.MatchString(got) {
				t.Errorf("Reason(%v) = %q holds English", tt.err, got)
			}
		})
	}
}
