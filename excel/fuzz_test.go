package excel

import (
	"testing"
	"time"

	"de06/report"
)

// FuzzRead feeds arbitrary bytes to the reader: it must never panic, and a
// file it cannot use must always say why. The seed corpus is committed in
// testdata/fuzz/FuzzRead (regenerate with go test -run TestGenerateCorpus -update).
func FuzzRead(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	p, err := defaultPlanErr()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := Reader{}.Read(data, &report.Submission{Name: "fuzz.xlsx", Meta: map[string]string{}})
		if s.Sheet == "" && !s.HasFileError() {
			t.Fatalf("no sheet read and no file error: %+v", s.Findings)
		}
		for _, fd := range s.Findings {
			if fd.Message == "" || fd.Code == "" {
				t.Fatalf("finding without code or message: %+v", fd)
			}
		}
		report.Validate(p, []*report.Submission{s}, w48, time.Time{})
	})
}
