package errlog

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// An error is kept with its reference and cause, no link token in it, and
// read back newest first; the file is the officer's alone.
func TestLogKeepsErrors(t *testing.T) {
	dir := t.TempDir()
	l := Open(dir)
	defer l.Close()
	token := "abcdefghijklmnopqrstuvwxyz"[:26]
	ref1 := l.Error("yêu cầu lỗi", errors.New("database is locked"), "path", "/u/"+token+"/mau", "status", 500)
	ref2 := l.Error("yêu cầu lỗi", errors.New("open /tmp/x: no space left on device; token "+strings.Repeat("q", 26)), "path", "/bang")
	got, err := l.Recent(10)
	if err != nil || len(got) != 2 {
		t.Fatalf("Recent = %v, %v", got, err)
	}
	if got[0].Ref != ref2 || got[1].Ref != ref1 || got[1].Cause != "database is locked" || got[1].Path != "/u/[ẩn]/mau" {
		t.Fatalf("entries %+v", got)
	}
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if strings.Contains(string(b), token) || strings.Contains(string(b), strings.Repeat("q", 26)) {
		t.Fatalf("a link token in the log: %s", b)
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(filepath.Join(dir, FileName)); st.Mode().Perm() != 0o600 {
			t.Errorf("log mode %v", st.Mode().Perm())
		}
	}
	if got, _ := l.Recent(1); len(got) != 1 || got[0].Ref != ref2 {
		t.Fatalf("Recent(1) = %v", got)
	}
}

func TestRef(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		r := NewRef()
		if len(r) != 6 || strings.ContainsAny(r, "01IO") || seen[r] {
			t.Fatalf("ref %q", r)
		}
		seen[r] = true
	}
}
