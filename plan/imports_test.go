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

// The domain: only the standard library, x/text and each other.
var domain = []string{"plan", "report", "desk", "rollup", "internal/vi", "assets"}

// rules say, for every package of the module, what it must not import
// (substrings of import paths); "domain" packages may import nothing but
// the standard library, x/text and the domain. A package without a rule
// fails TestEveryPackageHasARule.
var rules = map[string][]string{
	"plan":        {"domain"},
	"report":      {"domain"},
	"desk":        {"domain"},
	"rollup":      {"domain"},
	"internal/vi": {"domain"},
	"assets":      {"domain"},
	// Adapters never import each other, nor each other's libraries: the
	// command wires them.
	"excel": {module + "/pdf", module + "/store", module + "/web", module + "/desk", "fpdf", "sqlite"},
	"pdf":   {module + "/excel", module + "/store", module + "/web", module + "/desk", "excelize", "sqlite", "net/http"},
	// The web layer parses, asks the domain and renders: workbooks and
	// documents reach it only through the Engine the command gives it.
	"web": {module + "/excel", module + "/pdf", "excelize", "fpdf"},
	// The store persists; it holds no rule of the domain.
	"store": {module + "/plan", module + "/report", module + "/desk", module + "/web", module + "/excel", module + "/pdf", "excelize", "fpdf", "net/http"},
	// Helpers stay small.
	"internal/metrics":        {module + "/excel", module + "/pdf", module + "/store", module + "/web", "excelize", "fpdf", "sqlite"},
	"internal/oserr":          {module + "/", "excelize", "fpdf", "sqlite"},
	"internal/formfill":       {module + "/pdf", module + "/store", module + "/web", "fpdf", "sqlite"},
	"internal/scale":          {module + "/", "excelize", "fpdf", "sqlite"},
	"internal/cmd/release":    {module + "/excel", module + "/pdf", module + "/store", module + "/web", "sqlite"},
	"internal/cmd/gensamples": {module + "/store", module + "/web", "sqlite"},
	// The desk's slot pool and error log: the standard library (and the
	// log's rotating writer) alone.
	"internal/slots":  {module + "/", "excelize", "fpdf", "sqlite", "lumberjack"},
	"internal/errlog": {module + "/", "excelize", "fpdf", "sqlite"},
	// The floors a merge is measured against use the standard library
	// only: they never gain from de06's own code.
	"internal/floor":          {module + "/", "excelize", "fpdf", "sqlite", "golang.org/x/"},
	"internal/cmd/mergebench": {module + "/excel", module + "/pdf", module + "/report", module + "/plan", module + "/desk", module + "/store", module + "/web", module + "/internal/vi", "excelize", "fpdf", "sqlite"},
	// The command wires everything.
	"cmd/de06": {},
}

func TestImportRules(t *testing.T) {
	isDomain := func(path string) bool {
		if strings.HasPrefix(path, "golang.org/x/text/") {
			return true
		}
		for _, d := range domain {
			if path == module+"/"+d {
				return true
			}
		}
		return false
	}
	for pkg, banned := range rules {
		for path, std := range deps(t, pkg) {
			if path == module+"/"+pkg {
				continue
			}
			for _, b := range banned {
				if b == "domain" {
					if !std && !isDomain(path) {
						t.Errorf("%s depends on %s", pkg, path)
					}
				} else if strings.Contains(path, b) {
					t.Errorf("%s depends on %s", pkg, path)
				}
			}
		}
	}
}

// Every package of the module has a rule, so a new one is thought about.
func TestEveryPackageHasARule(t *testing.T) {
	out, err := exec.Command("go", "list", module+"/...").CombinedOutput()
	if err != nil {
		t.Skipf("go list unavailable: %v\n%s", err, out)
	}
	for _, path := range strings.Fields(string(out)) {
		pkg := strings.TrimPrefix(path, module+"/")
		if _, ok := rules[pkg]; !ok {
			t.Errorf("package %s has no import rule in plan/imports_test.go", pkg)
		}
	}
}
