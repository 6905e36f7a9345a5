package store

import (
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// The desk's secrets on disk. The data folder is the officer's alone
// (0700), and so are the database, its journal files, its backups, the
// error log and the link secret (0600). On Windows the modes mean little:
// there the folder lives in the officer's profile (beside de06.exe in a
// folder the user made, or under %LOCALAPPDATA%), whose ACLs already give
// the user, SYSTEM and Administrators alone access to it.

// SecretFile holds the secret the units' link tokens are derived from,
// in the data folder. It is kept out of the database, so that a backup
// (or a copy of the database) cannot mint links; Backup adds it only
// when asked.
const SecretFile = "link-secret"

const settingSecret = "link_secret" // where a desk before this kept it

// privateDir makes dir (and its parents) and narrows dir to its owner.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if runtime.GOOS == "windows" {
		return nil
	}
	return os.Chmod(dir, 0o700)
}

// privateFile makes path, empty, readable by its owner only, unless it
// exists; an existing one is narrowed.
func privateFile(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err == nil {
		return f.Close()
	}
	if !errors.Is(err, fs.ErrExist) {
		return err
	}
	return narrow(path)
}

// narrow makes an existing file its owner's alone; a missing one is fine.
func narrow(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	err := os.Chmod(path, 0o600)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// writePrivate replaces path with b atomically, readable by its owner only.
func writePrivate(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".de06-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	err = errors.Join(err, f.Close())
	if err == nil && runtime.GOOS != "windows" {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return nil
}

// LinkSecret is the secret the units' links are derived from, made on
// first use.
func (s *Store) LinkSecret() ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, SecretFile))
	switch {
	case err == nil && len(b) >= 32:
		return b, nil
	case err == nil:
		return nil, fmt.Errorf("store: %s: %d bytes, too short", SecretFile, len(b))
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	b = make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return b, s.SetLinkSecret(b)
}

// SetLinkSecret replaces the link secret (a rotation: every link derived
// from the old one stops working once the desk has it).
func (s *Store) SetLinkSecret(b []byte) error {
	if len(b) < 32 {
		return errors.New("store: a link secret needs 32 bytes")
	}
	return writePrivate(filepath.Join(s.dir, SecretFile), b)
}

// moveSecretOut moves a secret that an older desk kept in the settings
// table to its own file, once; a file already there wins.
func (s *Store) moveSecretOut() error {
	b, ok, err := s.Setting(settingSecret)
	if err != nil || !ok {
		return err
	}
	path := filepath.Join(s.dir, SecretFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := writePrivate(path, b); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM settings WHERE key = ?`, settingSecret); err != nil {
			return err
		}
		return audit(tx, time.Now(), "desk", "setting", "link secret moved to "+SecretFile)
	})
}

// Backup writes a consistent copy of the database to path, readable by its
// owner only. The link secret is not in it unless withSecret: then the
// copy carries it, and a desk opened on the copy takes it back out.
func (s *Store) Backup(path string, withSecret bool) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if _, err := s.db.Exec(`VACUUM INTO ?`, path); err != nil {
		return errors.Join(err, os.Remove(path))
	}
	if !withSecret {
		return nil
	}
	secret, err := s.LinkSecret()
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		return err
	}
	_, err = db.Exec(`INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, settingSecret, secret)
	return errors.Join(err, db.Close())
}
