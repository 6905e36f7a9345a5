package plan_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The domain packages stay free of file formats: excel and pdf are adapters
// around them, never the other way round.
func TestDomainImportsNoFormats(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "de06/plan", "de06/report").CombinedOutput()
	if err != nil {
		t.Skipf("go list unavailable: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"excelize", "fpdf", "de06/excel", "de06/pdf", "pflag"} {
			if strings.Contains(dep, banned) {
				t.Errorf("a domain package depends on %s", dep)
			}
		}
	}
}

func TestAdaptersDoNotImportEachOther(t *testing.T) {
	for pkg, banned := range map[string]string{"de06/excel": "de06/pdf", "de06/pdf": "de06/excel"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Skipf("go list unavailable: %v\n%s", err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == banned {
				t.Errorf("%s imports %s", pkg, banned)
			}
		}
	}
}
