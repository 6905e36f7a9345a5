package excel

import (
	"errors"
	"slices"
	"testing"
)

func TestSofficeCandidates(t *testing.T) {
	env := map[string]string{"ProgramFiles": `C:\Program Files`, "ProgramW6432": `C:\Program Files`, "ProgramFiles(x86)": `C:\Program Files (x86)`}
	got := sofficeCandidates("windows", func(k string) string { return env[k] })
	want := []string{`C:\Program Files\LibreOffice\program\soffice.exe`, `C:\Program Files (x86)\LibreOffice\program\soffice.exe`}
	if !slices.Equal(got, want) {
		t.Errorf("windows candidates %q, want %q", got, want)
	}
	if got := sofficeCandidates("linux", func(string) string { return "" }); got != nil {
		t.Errorf("linux candidates %q", got)
	}
}

func TestFindSoffice(t *testing.T) {
	none := func(string) (string, error) { return "", errors.New("not found") }
	onPath := func(name string) (string, error) {
		if name == "soffice" {
			return "/usr/bin/soffice", nil
		}
		return "", errors.New("not found")
	}
	cands := []string{`C:\Program Files\LibreOffice\program\soffice.exe`, `C:\Program Files (x86)\LibreOffice\program\soffice.exe`}
	for _, tc := range []struct {
		name   string
		look   func(string) (string, error)
		exists []string
		want   string
	}{
		{"PATH first", onPath, cands, "/usr/bin/soffice"},
		{"Program Files", none, cands[:1], cands[0]},
		{"Program Files (x86)", none, cands[1:], cands[1]},
		{"not installed", none, nil, ""},
	} {
		got := findSoffice(tc.look, cands, func(p string) bool { return slices.Contains(tc.exists, p) })
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
