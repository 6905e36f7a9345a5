package excel

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/caongoc/de06/report"
)

// FuzzRead feeds arbitrary bytes to the reader: it must never panic, a
// file it cannot use must always say why, and whatever the fast reader
// accepts it reads exactly as excelize does (where excelize decodes it:
// see excelizeDecodes). The seed corpus is committed in
// testdata/fuzz/FuzzRead (regenerate with go test -run TestGenerateCorpus -update).
func FuzzRead(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	p, err := defaultPlanErr()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		s := Reader{}.Read(data, &report.Submission{Name: "fuzz.xlsx", Meta: map[string]string{}})
		// A hang, not a speed measure: an ordinary report reads in a
		// millisecond, the worst known file in thirty.
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("reading took %v", d)
		}
		if s.Sheet == "" && !s.HasFileError() {
			t.Fatalf("no sheet read and no file error: %+v", s.Findings)
		}
		for _, fd := range s.Findings {
			if fd.Message == "" || fd.Code == "" {
				t.Fatalf("finding without code or message: %+v", fd)
			}
		}
		report.Validate(p, []*report.Submission{s}, w48, time.Time{})
		if fast, slow := readBoth(data, "fuzz.xlsx"); fast != nil && !reflect.DeepEqual(fast, slow) && excelizeDecodes(data) {
			t.Fatalf("fast reader differs from excelize:\nfast:     %+v\nexcelize: %+v", fast, slow)
		}
	})
}

// FuzzSheetXML mutates the report sheet's XML of a real filled report (not
// the zip bytes, which mostly break the archive's checksums): no panic, no
// hang, and the fast reader, when it takes the result, reads it exactly as
// excelize does.
func FuzzSheetXML(f *testing.F) {
	p, err := defaultPlanErr()
	if err != nil {
		f.Fatal(err)
	}
	base := filledTemplate(f, p, "tram-y-te", filledValues())
	sheet := partOf(f, base, reportSheetPart)
	f.Add(sheet)
	for _, c := range hostileCases(f) {
		// Small ones only: the mutator crawls on megabytes.
		if x := partOf(f, c.b, reportSheetPart); len(x) < 64<<10 {
			f.Add(x)
		}
	}
	parts := storedParts(f, base)
	f.Fuzz(func(t *testing.T, x []byte) {
		b := rezip(parts, reportSheetPart, x)
		start := time.Now()
		s := Reader{}.Read(b, &report.Submission{Name: "fuzz.xlsx", Meta: map[string]string{}})
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("reading took %v", d)
		}
		if s.Sheet == "" && !s.HasFileError() {
			t.Fatalf("no sheet read and no file error: %+v", s.Findings)
		}
		start = time.Now()
		fast, slow := readBoth(b, "fuzz.xlsx")
		if d := time.Since(start); d > 4*time.Second {
			t.Fatalf("reading with each reader took %v", d)
		}
		if fast != nil && !reflect.DeepEqual(fast, slow) && excelizeDecodes(b) {
			t.Fatalf("fast reader differs from excelize:\nfast:     %+v\nexcelize: %+v", fast, slow)
		}
	})
}

type namedPart struct {
	name string
	data []byte
}

// storedParts lists a workbook's parts in order.
func storedParts(t testing.TB, b []byte) []namedPart {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []namedPart
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, namedPart{f.Name, data})
	}
	return out
}

// rezip writes the parts, uncompressed (quick), with part name replaced.
func rezip(parts []namedPart, name string, data []byte) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if p.name == name {
			w.Write(data)
		} else {
			w.Write(p.data)
		}
	}
	zw.Close()
	return out.Bytes()
}
