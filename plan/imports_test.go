package plan_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/caongoc/de06"

// deps lists pkg's dependencies, each with whether it is in the standard
// library.
func deps(t *testing.T, pkg string) map[string]bool {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", module+"/"+pkg).CombinedOutput()
	if err != nil {
		t.Skipf("go list unavailable: %v\n%s", err, out)
	}
	m := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		m[path] = std == "true"
	}
	return m
}

// The domain packages and the text helpers stay free of file formats,
// storage and the web: only the standard library, x/text and each other.
func TestDomainImportsNoFormats(t *testing.T) {
	allowed := func(path string) bool {
		return strings.HasPrefix(path, "golang.org/x/text/") ||
			path == module+"/plan" || path == module+"/report" || path == module+"/internal/vi" || path == module+"/assets"
	}
	for _, pkg := range []string{"plan", "report", "internal/vi"} {
		for path, std := range deps(t, pkg) {
			if !std && !allowed(path) && path != module+"/"+pkg {
				t.Errorf("%s depends on %s", pkg, path)
			}
		}
	}
}

// Adapters never import each other, nor each other's libraries: the
// command wires them.
func TestAdaptersStayApart(t *testing.T) {
	banned := map[string][]string{
		"excel":       {module + "/pdf", module + "/store", module + "/web", "fpdf", "sqlite"},
		"pdf":         {module + "/excel", module + "/store", module + "/web", "excelize", "sqlite"},
		"internal/vi": {"excelize", "fpdf", "pflag", "sqlite"},
	}
	for pkg, bad := range banned {
		for path := range deps(t, pkg) {
			for _, b := range bad {
				if strings.Contains(path, b) {
					t.Errorf("%s depends on %s", pkg, path)
				}
			}
		}
	}
}
