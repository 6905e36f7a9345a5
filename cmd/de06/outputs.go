package main

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/caongoc/de06/internal/oserr"
)

// output is one file a command writes: its path and what goes in it.
type output struct {
	path  string
	write func(io.Writer) error
}

// tmpPattern names de06's temporary files; staleAfter is when one left by a
// killed run is removed.
const (
	tmpPattern = ".de06-*.tmp"
	staleAfter = 24 * time.Hour
)

// writeOutputs writes outs as one set: every file goes to a temporary file
// beside it and is synced, and only when all are written are they renamed
// into place. On any failure the temporaries are removed and the files
// already there stay as they were, so an xlsx and a PDF always come from
// the same run. A lock on each folder keeps two runs from interleaving.
func writeOutputs(outs []output) error {
	var dirs []string
	for _, o := range outs {
		dirs = append(dirs, filepath.Dir(o.path))
	}
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return writeError(d, err)
		}
		unlock, err := lockDir(d)
		if err != nil {
			return err
		}
		defer unlock()
		removeStale(d, time.Now())
	}

	tmps := make([]string, len(outs))
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	for i, o := range outs {
		wg.Go(func() { tmps[i], errs[i] = writeTemp(o) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		removeAll(tmps)
		return err
	}
	if err := commit(outs, tmps); err != nil {
		removeAll(tmps)
		return err
	}
	for _, d := range dirs {
		syncDir(d)
	}
	return nil
}

// writeTemp renders o into a synced temporary file in o's folder.
func writeTemp(o output) (_ string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(o.path), tmpPattern)
	if err != nil {
		return "", writeError(o.path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := o.write(bw); err != nil {
		return "", writeError(o.path, err)
	}
	if err := bw.Flush(); err != nil {
		return "", writeError(o.path, err)
	}
	if err := tmp.Sync(); err != nil {
		return "", writeError(o.path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", writeError(o.path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return "", writeError(o.path, err)
	}
	return name, nil
}

// commit renames the temporaries into place. A file already there is kept
// as a backup until every rename has worked, and put back if one fails.
func commit(outs []output, tmps []string) error {
	type done struct{ path, backup string }
	var renamed []done
	rollback := func() {
		for _, d := range slices.Backward(renamed) {
			if d.backup != "" {
				os.Rename(d.backup, d.path)
			} else {
				os.Remove(d.path)
			}
		}
	}
	var backups []string
	for i, o := range outs {
		backup, err := backupOf(o.path)
		if err != nil {
			rollback()
			removeAll(backups)
			return writeError(o.path, err)
		}
		if backup != "" {
			backups = append(backups, backup)
		}
		if err := os.Rename(tmps[i], o.path); err != nil {
			rollback()
			removeAll(backups)
			return writeError(o.path, err)
		}
		tmps[i] = ""
		renamed = append(renamed, done{o.path, backup})
	}
	removeAll(backups)
	return nil
}

// backupOf makes a second name for the file at path (a hard link, or a
// copy where links are not supported), "" when there is no such file.
func backupOf(path string) (string, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return "", oserr.ErrIsDir
	}
	f, err := os.CreateTemp(filepath.Dir(path), tmpPattern)
	if err != nil {
		return "", err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	if os.Link(path, name) == nil {
		return name, nil
	}
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.Create(name)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		os.Remove(name)
		return "", err
	}
	return name, dst.Close()
}

func removeAll(names []string) {
	for _, n := range names {
		if n != "" {
			os.Remove(n)
		}
	}
}

// removeStale deletes temporary files that a killed run left in dir.
func removeStale(dir string, t time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, en := range entries {
		if ok, _ := filepath.Match(tmpPattern, en.Name()); !ok || en.IsDir() {
			continue
		}
		if info, err := en.Info(); err == nil && t.Sub(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, en.Name()))
		}
	}
}

// syncDir makes the renames durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// sameFile reports whether a and b are the same file on disk, whatever
// links, case or relative paths name them. Paths where no file is yet are
// compared by their resolved absolute names.
func sameFile(a, b string) bool { return placeOf(a).is(placeOf(b)) }

// place is what sameFile compares a path by: the file there, or, when
// there is none, the path's resolved name.
type place struct {
	st  os.FileInfo // nil when no file is there
	abs string      // when st is nil
}

func placeOf(path string) place {
	if st, err := os.Stat(path); err == nil {
		return place{st: st}
	}
	return place{abs: resolved(path)}
}

func (p place) is(q place) bool {
	switch {
	case p.st != nil && q.st != nil:
		return os.SameFile(p.st, q.st)
	case p.st == nil && q.st == nil:
		return p.abs == q.abs
	}
	return false // a file is at one and none at the other
}

// resolved is path made absolute with the links in its folder followed.
func resolved(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		abs = filepath.Join(d, base)
	}
	if caseInsensitiveFS {
		abs = strings.ToLower(abs)
	}
	return abs
}

// refuseInputs makes sure no output is one of the inputs (an input is never
// overwritten) and no two outputs are the same file. Each path is looked
// at once, however many there are (a merge has thousands of inputs).
func refuseInputs(inputs []string, outputs ...string) error {
	var ins []place
	var inNames []string
	for _, in := range inputs {
		if in != "" {
			ins, inNames = append(ins, placeOf(in)), append(inNames, in)
		}
	}
	outs := make([]place, len(outputs))
	for i, o := range outputs {
		outs[i] = placeOf(o)
		for j, in := range ins {
			if in.is(outs[i]) {
				return usagef(msgOutputInput, o, inNames[j])
			}
		}
		for _, o2 := range outs[:i] {
			if o2.is(outs[i]) {
				return usagef(msgOutputTwice, o)
			}
		}
	}
	return nil
}
