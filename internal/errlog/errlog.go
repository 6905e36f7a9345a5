// Package errlog keeps the desk's errors: each is written as one JSON line
// (log/slog) to a log file in the data folder, rotated by size
// (gopkg.in/natefinch/lumberjack.v2: a few files of 1 MB, the officer's
// alone), under a reference number the person who met the error is shown.
// Nothing secret goes in: unit link tokens are cut out of paths and
// messages, and no password, cookie or request body is ever logged.
package errlog

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/natefinch/lumberjack.v2"
)

// FileName is the log's name in the data folder; rotated copies get a
// date before ".log".
const FileName = "nhat-ky-loi.log"

// Log is the desk's error log.
type Log struct {
	logger *slog.Logger
	file   *lumberjack.Logger // nil: discard
	mu     sync.Mutex
}

// Open logs to FileName in dir (made on the first error).
func Open(dir string) *Log {
	lj := &lumberjack.Logger{Filename: filepath.Join(dir, FileName), MaxSize: 1, MaxBackups: 4, MaxAge: 180}
	return &Log{file: lj, logger: slog.New(slog.NewJSONHandler(lj, nil))}
}

// Discard is a log that keeps nothing.
func Discard() *Log { return &Log{logger: slog.New(slog.DiscardHandler)} }

// Close closes the file.
func (l *Log) Close() error {
	if l.file == nil {
		return nil
	}
	return l.file.Close()
}

// Error logs an error under a new reference number and returns the number.
// attrs are key, value pairs (the route, the status); every string among
// them, and the cause, are redacted.
func (l *Log) Error(msg string, cause error, attrs ...any) string {
	ref := NewRef()
	args := []any{"ref", ref}
	for i, a := range attrs {
		if s, ok := a.(string); ok && i%2 == 1 {
			a = Redact(s)
		}
		args = append(args, a)
	}
	if cause != nil {
		args = append(args, "cause", Redact(cause.Error()))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.logger.Log(context.Background(), slog.LevelError, msg, args...)
	return ref
}

// NewRef is a reference number: short, unambiguous when read aloud over
// the phone (no 0/O, 1/I), unique enough to find one line.
func NewRef() string {
	const digits = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := make([]byte, 6)
	rand.Read(b) // never fails (crypto/rand)
	for i := range b {
		b[i] = digits[int(b[i])%len(digits)]
	}
	return string(b)
}

// links are unit link tokens in a path ("/u/<token>") and bare tokens of
// the links' form (26 letters of base32); sessions' tokens never reach
// the log.
var links = regexp.MustCompile(`/u/[^/?#\s"]+|\b[a-z2-7]{26}\b`)

// Redact cuts link tokens out of s.
func Redact(s string) string {
	return links.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "/u/") {
			return "/u/[ẩn]"
		}
		return "[ẩn]"
	})
}

// Entry is one logged error.
type Entry struct {
	Time  time.Time `json:"time"`
	Ref   string    `json:"ref"`
	Msg   string    `json:"msg"`
	Cause string    `json:"cause"`
	Path  string    `json:"path"`
}

// Recent reads back the last n errors, newest first, from the log and its
// rotated copies.
func (l *Log) Recent(n int) ([]Entry, error) {
	if l.file == nil || n <= 0 {
		return nil, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	name := l.file.Filename
	ext := filepath.Ext(name)
	older, err := filepath.Glob(strings.TrimSuffix(name, ext) + "-*" + ext)
	if err != nil {
		return nil, err
	}
	slices.Sort(older) // rotated names carry their time: oldest first
	var out []Entry
	for _, path := range append(older, name) {
		es, err := readEntries(path)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	slices.Reverse(out)
	return out[:min(n, len(out))], nil
}

func readEntries(path string) ([]Entry, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Ref != "" {
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil && !errors.Is(err, io.EOF) {
		return out, nil // a torn last line: what was read stands
	}
	return out, nil
}
