package excel

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// kind is what a file really is, whatever its name says.
type kind int

const (
	kindEmpty kind = iota
	kindXLSX
	kindODS
	kindXLS       // BIFF, inside an OLE container
	kindEncrypted // OOXML encrypted with a password, also in an OLE container
	kindOther
)

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
	// Stream names in an OLE directory are UTF-16LE.
	encryptedStream = utf16le("EncryptedPackage")
	odsMime         = []byte("application/vnd.oasis.opendocument.spreadsheet")
)

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

func sniff(b []byte) kind {
	k, _ := sniffZip(b)
	return k
}

// sniffZip is sniff, with the zip's directory when b is one, read once for
// the reader too.
func sniffZip(b []byte) (kind, *zip.Reader) {
	switch {
	case len(b) == 0:
		return kindEmpty, nil
	case bytes.HasPrefix(b, oleMagic):
		if bytes.Contains(b, encryptedStream) {
			return kindEncrypted, nil
		}
		return kindXLS, nil
	case bytes.HasPrefix(b, zipMagic):
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err == nil {
			for _, f := range zr.File {
				if f.Name == "mimetype" && f.UncompressedSize64 < 200 {
					rc, err := f.Open()
					if err == nil {
						var mb bytes.Buffer
						mb.ReadFrom(rc)
						rc.Close()
						if bytes.HasPrefix(mb.Bytes(), odsMime) {
							return kindODS, nil
						}
					}
				}
			}
		}
		return kindXLSX, zr
	}
	return kindOther, nil
}

// Soffice converts legacy spreadsheets (.xls, .ods) to .xlsx with
// LibreOffice, when it is installed.
type Soffice struct {
	Path    string // empty: not installed
	Timeout time.Duration
}

// FindSoffice looks for LibreOffice on PATH.
func FindSoffice() Soffice {
	p := findSoffice(exec.LookPath, sofficeCandidates(runtime.GOOS, os.Getenv), func(p string) bool {
		st, err := os.Stat(p)
		return err == nil && !st.IsDir()
	})
	if p == "" {
		return Soffice{}
	}
	return Soffice{Path: p, Timeout: 2 * time.Minute}
}

// findSoffice is LibreOffice on PATH, else the first candidate that exists.
func findSoffice(lookPath func(string) (string, error), candidates []string, exists func(string) bool) string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := lookPath(name); err == nil {
			return p
		}
	}
	for _, c := range candidates {
		if exists(c) {
			return c
		}
	}
	return ""
}

// sofficeCandidates are LibreOffice's default install places, which the
// Windows installer does not put on PATH.
func sofficeCandidates(goos string, getenv func(string) string) []string {
	switch goos {
	case "windows":
		var out []string
		for _, env := range []string{"ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"} {
			if dir := getenv(env); dir != "" {
				p := dir + `\LibreOffice\program\soffice.exe`
				if !slices.Contains(out, p) {
					out = append(out, p)
				}
			}
		}
		return out
	case "darwin":
		return []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice"}
	}
	return nil
}

// convert writes b (named name) to a temporary folder, converts it to .xlsx
// and returns the converted bytes. Each call uses its own LibreOffice
// profile, so conversions may run side by side. LibreOffice is stopped
// (its whole process group) after s.Timeout, or as soon as ctx ends.
func (s Soffice) convert(ctx context.Context, b []byte, name string) ([]byte, error) {
	if ctx.Err() != nil {
		return nil, errors.New(msgStopped)
	}
	dir, err := os.MkdirTemp("", "de06-soffice-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	base := "input" + strings.ToLower(filepath.Ext(name))
	in := filepath.Join(dir, base)
	if err := os.WriteFile(in, b, 0o600); err != nil {
		return nil, err
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.Path, "-env:UserInstallation="+fileURL(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "out"), in)
	// soffice is a launcher that starts soffice.bin: on time-out the whole
	// process group goes, and Wait does not wait on a grandchild that still
	// holds the output pipe.
	ownGroup(cmd)
	cmd.Cancel = func() error { return killGroup(cmd) }
	cmd.WaitDelay = 2 * time.Second
	if _, err := cmd.CombinedOutput(); err != nil {
		if parent.Err() != nil {
			return nil, errors.New(msgStopped)
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf(msgSofficeTimeout, int(s.Timeout.Seconds()))
		}
		return nil, fmt.Errorf(msgSofficeFailed)
	}
	out, err := os.ReadFile(filepath.Join(dir, "out", "input.xlsx"))
	if err != nil {
		return nil, fmt.Errorf(msgSofficeFailed)
	}
	return out, nil
}

// fileURL is the file:// URL of an absolute path, as LibreOffice takes it:
// "file:///tmp/p" or, on Windows, "file:///C:/Users/…", with spaces and
// Vietnamese letters escaped.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
