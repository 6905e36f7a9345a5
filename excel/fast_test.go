package excel

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/report"
)

// corpusFiles gathers every workbook the repository has: the samples, the
// malformed corpus, the fuzz seeds, and freshly written templates (blank
// and filled), plan and consolidated workbooks.
func corpusFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, glob := range []string{"../samples/*/*.xlsx", "testdata/malformed/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[p] = b
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzRead/*")
	for _, p := range seeds {
		raw, _ := os.ReadFile(p)
		_, lit, ok := strings.Cut(string(raw), "[]byte(")
		if !ok {
			t.Fatalf("%s: not a fuzz seed", p)
		}
		s, err := strconv.Unquote(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lit), ")")))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		files[p] = []byte(s)
	}
	pl := defaultPlan(t)
	for _, u := range pl.ReportingUnits() {
		files["template/"+u.ID] = writeTemplateBytes(t, pl, u.ID, "2026-W48")
		v := filledValues()
		for _, a := range pl.Assignments(u.ID) {
			if _, ok := v.Rows[a.Model.Number]; !ok {
				v.Rows[a.Model.Number] = formfill.Row{Status: "Đang triển khai", Progress: 0.5, Achieved: "12", Result: "Đã triển khai"}
			}
		}
		files["filled/"+u.ID] = filledTemplate(t, pl, u.ID, v)
	}
	var plb bytes.Buffer
	if err := WritePlan(&plb, pl); err != nil {
		t.Fatal(err)
	}
	files["plan"] = plb.Bytes()
	files["consolidated"] = consolidatedBytes(t, sampleConsolidation(t))
	return files
}

// TestFastEqualsExcelize is the proof that the fast reader is a faster
// excelize: on every workbook it takes, the submission it reads (values,
// types, percent formats, merged ranges, fonts used for legacy text,
// findings) is exactly the one excelize's path reads.
func TestFastEqualsExcelize(t *testing.T) {
	fast, total := 0, 0
	for name, b := range corpusFiles(t) {
		total++
		got, want := readBoth(b, name)
		if got == nil {
			t.Logf("%s: read by excelize", name)
			if strings.HasPrefix(name, "../samples/tuan-48") || strings.HasPrefix(name, "filled/") {
				t.Errorf("%s: an ordinary report should take the fast path", name)
			}
			continue
		}
		fast++
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fast reader differs from excelize:\nfast:     %+v\nexcelize: %+v", name, got, want)
		}
	}
	t.Logf("%d of %d workbooks read by the fast path", fast, total)
}

// readBoth reads b with the fast path alone (nil when it declines) and
// with excelize alone.
func readBoth(b []byte, name string) (fast, slow *report.Submission) {
	sub := func() *report.Submission {
		return &report.Submission{Path: name, Name: filepath.Base(name), Meta: map[string]string{}}
	}
	fast = Reader{path: pathFast}.Read(b, sub())
	slow = Reader{path: pathExcelize}.Read(b, sub())
	return fast, slow
}

// excelizeDecodes reports whether excelize decodes every part the report
// reader uses (workbook, styles, theme, properties, each sheet with its
// shared strings) without an error. The fast reader equals excelize on all
// such workbooks; where excelize rejects a part over a malformed attribute
// it never needs (sort="rue" in a sheet's protection), the fast reader may
// read the report where excelize skips the sheet.
func excelizeDecodes(b []byte) bool {
	f, err := openReader(bytes.NewReader(b))
	if err != nil {
		return false
	}
	defer f.Close()
	if _, err := f.GetCustomProps(); err != nil {
		return false
	}
	for _, sh := range f.GetSheetList() {
		if _, err := f.GetMergeCells(sh); err != nil {
			return false
		}
		rows, err := f.Rows(sh)
		if err != nil {
			return false
		}
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				rows.Close()
				return false
			}
		}
		if rows.Error() != nil || rows.Close() != nil {
			return false
		}
	}
	return true
}

// An attribute written twice is read by encoding/xml, and so by excelize,
// as its last value; the fast reader would find the first, so it declines
// the workbook. (Found while making attributes cheaper to scan: C4 read as
// the unit's name by one reader and as "3" by the other.)
func TestDuplicateAttributeGoesToExcelize(t *testing.T) {
	p, err := defaultPlanErr()
	if err != nil {
		t.Fatal(err)
	}
	base := filledTemplate(t, p, "tram-y-te", filledValues())
	sheet := partOf(t, base, reportSheetPart)
	loc := regexp.MustCompile(`<c r="C4"[^>]* t="s"`).FindIndex(sheet)
	if loc == nil {
		t.Fatal("no shared-string cell C4 in the template")
	}
	x := slices.Concat(sheet[:loc[1]], []byte(` t="str"`), sheet[loc[1]:])
	b := rezip(storedParts(t, base), reportSheetPart, x)
	fast, slow := readBoth(b, "hai-thuoc-tinh.xlsx")
	if fast != nil {
		t.Fatalf("the fast reader read a duplicated attribute: unit %q, excelize %q", fast.Unit.Text, slow.Unit.Text)
	}
	if s := (Reader{}).Read(b, &report.Submission{Path: "hai-thuoc-tinh.xlsx", Name: "hai-thuoc-tinh.xlsx", Meta: map[string]string{}}); !reflect.DeepEqual(s, slow) {
		t.Errorf("read %q, excelize %q", s.Unit.Text, slow.Unit.Text)
	}
}
