// Package scale makes many communes' consolidated workbooks out of a few,
// to measure the roll-up at a province's size and at the country's: each
// copy is another commune (the place name, in every part of the workbook,
// followed by a number), with the plan and statuses of the workbook it was
// copied from. The benchmark and `gensamples -only scale` use it.
package scale

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// rePlace finds a consolidated workbook's place in its custom properties.
var rePlace = regexp.MustCompile(`name="de06\.place"[^>]*>\s*<vt:lpwstr>([^<]+)</vt:lpwstr>`)

// Communes writes n workbooks into dir, copied in turn from the
// consolidated workbooks in src, and list.txt naming them and, beside them,
// one commune in fifty that sent nothing. It returns the list's path.
func Communes(src, dir string, n int) (string, error) {
	paths, err := filepath.Glob(filepath.Join(src, "*.xlsx"))
	if err != nil || len(paths) == 0 {
		return "", fmt.Errorf("scale: no workbooks in %s", src)
	}
	sort.Strings(paths)
	type source struct {
		place string
		data  []byte
	}
	var sources []source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		place, err := placeOf(b)
		if err != nil {
			return "", fmt.Errorf("scale: %s: %w", p, err)
		}
		sources = append(sources, source{place, b})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var list []string
	for i := range n {
		s := sources[i%len(sources)]
		name := fmt.Sprintf("%s %04d", s.place, i+1)
		b, err := rename(s.data, s.place, name)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("xa-%04d.xlsx", i+1)), b, 0o644); err != nil {
			return "", err
		}
		list = append(list, name) // without its kind: a ward matches too
		if i%50 == 49 {
			list = append(list, fmt.Sprintf("Xã Chưa Gửi %04d", i+1))
		}
	}
	listPath := filepath.Join(dir, "list.txt")
	return listPath, os.WriteFile(listPath, []byte(strings.Join(list, "\n")+"\n"), 0o644)
}

func placeOf(b []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", err
	}
	for _, f := range zr.File {
		if f.Name != "docProps/custom.xml" {
			continue
		}
		data, err := read(f)
		if err != nil {
			return "", err
		}
		if m := rePlace.FindSubmatch(data); m != nil {
			return string(m[1]), nil
		}
	}
	return "", fmt.Errorf("no de06.place property")
}

func read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// rename copies a workbook with every from in its XML parts made to.
func rename(b []byte, from, to string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		data, err := read(f)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(f.Name, ".xml") {
			data = bytes.ReplaceAll(data, []byte(from), []byte(to))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return out.Bytes(), err
}
