package store

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// The data folder, the database, its journal and a backup are the
// officer's alone, also when an older desk left them open to all.
func TestPrivateOnDisk(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("modes: the profile's ACLs hold on Windows")
	}
	dir := filepath.Join(t.TempDir(), "du-lieu")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(dir, FileName), nil, 0o644)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddUpload(Upload{UnitID: "u", Period: "p", Name: "f", At: time.Now(), Findings: "{}"}, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("data folder %v, want 0700", m)
	}
	for _, name := range []string{FileName, FileName + "-wal", SecretFile} {
		if _, err := s.LinkSecret(); err != nil {
			t.Fatal(err)
		}
		if m := mode(t, filepath.Join(dir, name)); m != 0o600 {
			t.Errorf("%s %v, want 0600", name, m)
		}
	}
	bk := filepath.Join(t.TempDir(), "sao-luu.sqlite")
	if err := s.Backup(bk, false); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, bk); m != 0o600 {
		t.Errorf("backup %v, want 0600", m)
	}
}

// The link secret lives in its own file: an older desk's is moved out of
// the database once, a backup holds it only when asked, and a desk opened
// on such a backup takes it back out.
func TestLinkSecretOutOfDatabase(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	old := bytes.Repeat([]byte{7}, 32)
	if err := s.SetSetting(settingSecret, old, "desk", time.Now()); err != nil { // as a desk before this kept it
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, _ := s.Setting(settingSecret); ok {
		t.Fatal("the secret is still in the database")
	}
	if got, err := s.LinkSecret(); err != nil || !bytes.Equal(got, old) {
		t.Fatalf("secret after the move: %x, %v", got, err)
	}
	// A backup: no secret anywhere in its bytes, unless asked.
	plain := filepath.Join(t.TempDir(), "a.sqlite")
	if err := s.Backup(plain, false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(plain); bytes.Contains(b, old) {
		t.Fatal("a plain backup holds the link secret")
	}
	withDir := t.TempDir()
	if err := s.Backup(filepath.Join(withDir, FileName), true); err != nil {
		t.Fatal(err)
	}
	r, err := Open(withDir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, _ := r.LinkSecret(); !bytes.Equal(got, old) {
		t.Fatal("a backup with its secret restored without it")
	}
	// Rotated: a new secret.
	if err := s.SetLinkSecret(bytes.Repeat([]byte{9}, 32)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.LinkSecret(); bytes.Equal(got, old) {
		t.Fatal("the secret did not change")
	}
	// A backup never overwrites a file.
	if err := s.Backup(plain, false); err == nil {
		t.Fatal("a backup overwrote a file")
	}
}

func TestSessions(t *testing.T) {
	s, _ := open(t)
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	start := func(h string, exp time.Time) {
		if err := s.StartSession(Session{TokenHash: []byte(h), Created: now, Expires: exp, From: "127.0.0.1", Agent: "Firefox"}, now); err != nil {
			t.Fatal(err)
		}
	}
	start("a", now.Add(time.Hour))
	start("b", now.Add(time.Hour))
	start("old", now.Add(-time.Minute)) // expired already: purged at the next start
	start("c", now.Add(time.Hour))
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM sessions WHERE token_hash = ?`, []byte("old")).Scan(&n); err != nil || n != 0 {
		t.Fatalf("expired session kept: %d, %v", n, err)
	}
	if err := s.EndSession([]byte("a")); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.SessionValid([]byte("a"), now); ok {
		t.Fatal("a session ended by logout still valid")
	}
	list, err := s.Sessions(now)
	if err != nil || len(list) != 2 || list[0].From != "127.0.0.1" || list[0].Agent != "Firefox" {
		t.Fatalf("sessions %+v, %v", list, err)
	}
	if err := s.SetCredential("officer_password", []byte("h"), "officer", now); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.SessionValid([]byte("b"), now); ok {
		t.Fatal("a session outlived a new password")
	}
	start("d", now.Add(time.Hour))
	if n, err := s.EndAllSessions("officer", now); err != nil || n != 1 {
		t.Fatalf("ended %d, %v", n, err)
	}
	start("e", now.Add(time.Minute))
	if n, _ := s.PurgeSessions(now.Add(2 * time.Minute)); n != 1 {
		t.Fatalf("purged %d", n)
	}
}

func TestStorageUsed(t *testing.T) {
	s, _ := open(t)
	at := time.Now()
	add := func(unit, period string, kept, size int) {
		if _, err := s.AddUpload(Upload{UnitID: unit, Period: period, Name: "f", Size: size, At: at, Findings: "{}"}, make([]byte, kept)); err != nil {
			t.Fatal(err)
		}
	}
	add("a", "p1", 100, 0)
	add("a", "p1", 64, 10_000) // an unreadable file: its start only
	add("a", "p2", 7, 0)
	add("b", "p1", 1000, 0)
	for _, c := range []struct {
		unit, period string
		want         int64
	}{{"a", "p1", 164}, {"a", "", 171}, {"", "p1", 1164}, {"", "", 1171}, {"c", "", 0}} {
		if got, err := s.StorageUsed(c.unit, c.period); err != nil || got != c.want {
			t.Errorf("StorageUsed(%q, %q) = %d, %v; want %d", c.unit, c.period, got, err, c.want)
		}
	}
	us, _ := s.Uploads("p1")
	if us[1].Size != 10_000 || us[1].Kept != 64 {
		t.Errorf("size %d kept %d", us[1].Size, us[1].Kept)
	}
	// Every unit of every period in one reading, as kept.
	got, err := s.StorageUse()
	want := []Usage{{"p1", "a", 2, 164}, {"p1", "b", 1, 1000}, {"p2", "a", 1, 7}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("StorageUse = %v, %v; want %v", got, err, want)
	}
}
