package excel

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/report"
)

// benchFiles writes n filled templates (units in turn) into a folder.
func benchFiles(b *testing.B, n int) []string {
	b.Helper()
	p := defaultPlan(b)
	dir := b.TempDir()
	units := p.ReportingUnits()
	data := map[string][]byte{}
	for _, u := range units {
		v := filledValues()
		for _, a := range p.Assignments(u.ID) {
			if _, ok := v.Rows[a.Model.Number]; !ok {
				v.Rows[a.Model.Number] = formfill.Row{Status: "Đang triển khai", Progress: 50, Result: "Đã triển khai theo kế hoạch"}
			}
		}
		data[u.ID] = filledTemplate(b, p, u.ID, v)
	}
	var paths []string
	for i := range n {
		u := units[i%len(units)]
		path := filepath.Join(dir, u.ID+"-"+itoa(i)+".xlsx")
		if err := os.WriteFile(path, data[u.ID], 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// BenchmarkRead500 reads 500 filled templates in parallel and validates them.
func BenchmarkRead500(b *testing.B) {
	paths := benchFiles(b, 500)
	p := defaultPlan(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		subs := Reader{}.ReadAll(paths)
		c := report.Validate(p, subs, w48, time.Time{})
		if len(c.Entries()) == 0 {
			b.Fatal("nothing read")
		}
	}
}

func BenchmarkReadOne(b *testing.B) {
	paths := benchFiles(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		if s := (Reader{}).ReadFile(paths[0]); s.HasFileError() {
			b.Fatal(s.Findings)
		}
	}
}
