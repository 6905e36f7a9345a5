// Command release builds de06's release archives into dist/: a Windows zip
// (de06.exe with its icon and version resource, HUONG-DAN.txt with CRLF
// line ends, the samples), Linux and macOS archives, and a checksums file.
// It publishes nothing. It checks each archive it wrote before it ends.
//
//	go run ./internal/cmd/release -version v1.0.0
//
// Code signing: set DE06_SIGN to a command that signs a Windows exe in
// place, given its path as the last argument, for example a script around
// osslsigncode (osslsigncode sign -pkcs12 cert.p12 -in X -out X.signed &&
// mv X.signed X). Without it the exe is unsigned.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// winres is the pinned go-winres that writes the Windows resource.
const winres = "github.com/tc-hib/go-winres@v0.3.3"

type target struct{ goos, goarch string }

var targets = []target{{"windows", "amd64"}, {"linux", "amd64"}, {"darwin", "amd64"}, {"darwin", "arm64"}}

func main() {
	log.SetFlags(0)
	version := flag.String("version", "", "version, e.g. v1.0.0 (default: git describe)")
	out := flag.String("out", "dist", "output folder")
	flag.Parse()
	if *version == "" {
		*version = gitOr("dev", "describe", "--tags", "--always", "--dirty")
	}
	commit := gitOr("", "rev-parse", "--short", "HEAD")
	date := time.Now().UTC().Format(time.DateOnly)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	var archives []string
	for _, t := range targets {
		name, err := build(t, *version, commit, date, *out)
		if err != nil {
			log.Fatalf("%s/%s: %v", t.goos, t.goarch, err)
		}
		if err := verify(filepath.Join(*out, name), t); err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		archives = append(archives, name)
		log.Printf("built %s", filepath.Join(*out, name))
	}
	if err := checksums(*out, archives); err != nil {
		log.Fatal(err)
	}
}

// build compiles de06 for t and packs it with the guide and the samples.
func build(t target, version, commit, date, out string) (string, error) {
	exe := "de06"
	if t.goos == "windows" {
		exe = "de06.exe"
		syso, err := resource(t, version)
		if err != nil {
			return "", err
		}
		defer os.Remove(syso)
	}
	tmp, err := os.MkdirTemp("", "de06-release-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, exe)
	ldflags := fmt.Sprintf("-s -w -X main.buildVersion=%s -X main.buildCommit=%s -X main.buildDate=%s", version, commit, date)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, "./cmd/de06")
	cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build: %w", err)
	}
	if sign := os.Getenv("DE06_SIGN"); sign != "" && t.goos == "windows" {
		f := strings.Fields(sign)
		c := exec.Command(f[0], append(f[1:], bin)...)
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		if err := c.Run(); err != nil {
			return "", fmt.Errorf("signing: %w", err)
		}
	}
	guide, err := os.ReadFile(filepath.Join("release", "HUONG-DAN.txt"))
	if err != nil {
		return "", err
	}
	guide = bytes.ReplaceAll(guide, []byte("{{VERSION}}"), []byte(version))
	files := map[string][]byte{exe: nil, "HUONG-DAN.txt": guide}
	if t.goos == "windows" {
		// Notepad reads UTF-8 reliably with a byte-order mark and CRLF.
		files["HUONG-DAN.txt"] = append([]byte("\ufeff"), crlf(guide)...)
	}
	if files[exe], err = os.ReadFile(bin); err != nil {
		return "", err
	}
	err = filepath.WalkDir("samples", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if t.goos == "windows" && strings.HasSuffix(p, ".md") {
			b = crlf(b)
		}
		files[filepath.ToSlash(p)] = b
		return err
	})
	if err != nil {
		return "", err
	}
	base := fmt.Sprintf("de06_%s_%s_%s", strings.TrimPrefix(version, "v"), t.goos, t.goarch)
	if t.goos == "windows" {
		return base + ".zip", writeZip(filepath.Join(out, base+".zip"), files)
	}
	return base + ".tar.gz", writeTarGz(filepath.Join(out, base+".tar.gz"), files)
}

// resource writes cmd/de06's Windows resource (icon, version, manifest),
// which go build embeds, and returns its path.
func resource(t target, version string) (string, error) {
	v := numericVersion(version)
	cmd := exec.Command("go", "run", winres, "simply", "--arch", t.goarch, "--out", filepath.Join("cmd", "de06", "rsrc"),
		"--manifest", "cli", "--icon", filepath.Join("release", "icon.png"), "--product-name", "de06",
		"--file-description", "de06 - báo cáo Đề án 06 của xã", "--original-filename", "de06.exe",
		"--product-version", v, "--file-version", v, "--copyright", "de06")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go-winres: %w", err)
	}
	return filepath.Join("cmd", "de06", "rsrc_windows_"+t.goarch+".syso"), nil
}

// numericVersion is the four numbers Windows shows: v1.2.3-4-gabc → 1.2.3.0.
func numericVersion(v string) string {
	m := regexp.MustCompile(`^v?(\d+)\.(\d+)\.(\d+)`).FindStringSubmatch(v)
	if m == nil {
		return "0.0.0.0"
	}
	return m[1] + "." + m[2] + "." + m[3] + ".0"
}

func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

func sortedNames(files map[string][]byte) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func writeZip(name string, files map[string][]byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, n := range sortedNames(files) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			return err
		}
		if _, err := w.Write(files[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func writeTarGz(name string, files map[string][]byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for _, n := range sortedNames(files) {
		mode := int64(0o644)
		if n == "de06" {
			mode = 0o755
		}
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: mode, Size: int64(len(files[n])), ModTime: time.Now()}); err != nil {
			return err
		}
		if _, err := tw.Write(files[n]); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return f.Close()
}

// verify reopens an archive and checks what a user will find in it.
func verify(name string, t target) error {
	files := map[string][]byte{}
	if t.goos == "windows" {
		zr, err := zip.OpenReader(name)
		if err != nil {
			return err
		}
		defer zr.Close()
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			files[f.Name], err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if files[h.Name], err = io.ReadAll(tr); err != nil {
				return err
			}
		}
	}
	exe := "de06"
	if t.goos == "windows" {
		exe = "de06.exe"
		b := files[exe]
		if !bytes.HasPrefix(b, []byte("MZ")) {
			return fmt.Errorf("de06.exe is not a Windows program")
		}
		// The version resource and the icon group, as UTF-16 names.
		for _, want := range []string{"FileVersion", "ProductName", "OriginalFilename"} {
			if !bytes.Contains(b, utf16le(want)) {
				return fmt.Errorf("de06.exe has no %s resource", want)
			}
		}
		g := files["HUONG-DAN.txt"]
		if !bytes.HasPrefix(g, []byte("\ufeff")) || bytes.Count(g, []byte("\n")) != bytes.Count(g, []byte("\r\n")) {
			return fmt.Errorf("HUONG-DAN.txt is not UTF-8 with CRLF line ends")
		}
	}
	if len(files[exe]) < 1<<20 {
		return fmt.Errorf("%s missing or too small", exe)
	}
	if len(files["HUONG-DAN.txt"]) == 0 {
		return fmt.Errorf("HUONG-DAN.txt missing")
	}
	n := 0
	for f := range files {
		if path.Dir(f) == "samples/tuan-48-2026" && strings.HasSuffix(f, ".xlsx") {
			n++
		}
	}
	if n < 8 {
		return fmt.Errorf("%d sample workbooks, want 8", n)
	}
	return nil
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func checksums(out string, names []string) error {
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(data), n)
	}
	return os.WriteFile(filepath.Join(out, "checksums.txt"), []byte(b.String()), 0o644)
}

func gitOr(def string, args ...string) string {
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return def
	}
	return strings.TrimSpace(string(out))
}
