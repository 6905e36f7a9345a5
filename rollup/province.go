package rollup

import (
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// Province is what a roll-up is for: the plan (the province's models,
// numbered as in its list, and its report's header) and the communes it
// expects to report.
type Province struct {
	Plan *plan.Plan
	// Communes expected to report; empty when the province gave no list,
	// and every commune that sends is then taken.
	Communes []*plan.Unit
	// Derived is set when no plan was given: its models come from the
	// communes' workbooks and its header is left blank to fill by hand.
	Derived bool
}

// NewProvince is the province of plan pl (a plan whose reporting units are
// communes). list, when not empty, is the communes the province expects
// (one name each, as a list it keeps); a name the plan knows is that unit.
func NewProvince(pl *plan.Plan, list []string) *Province {
	pv := &Province{Plan: pl}
	if len(list) == 0 {
		pv.Communes = pl.ReportingUnits()
		return pv
	}
	pv.Communes = listUnits(pl.Units, list)
	return pv
}

// listUnits makes the communes of a list, each the plan's unit when one
// has that name, else a new one; a name given twice counts once.
func listUnits(known []plan.Unit, list []string) []*plan.Unit {
	var out []*plan.Unit
	seen := map[string]bool{}
	ix := newIndex(unitPtrs(known))
	for _, name := range list {
		u := ix.match([]string{name})
		if u == nil {
			u = &plan.Unit{ID: vi.Slug(name), Name: name, Reports: true}
		}
		if u.ID == "" || seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		out = append(out, u)
	}
	return out
}

func unitPtrs(us []plan.Unit) []*plan.Unit {
	out := make([]*plan.Unit, len(us))
	for i := range us {
		out[i] = &us[i]
	}
	return out
}

// The words that name a body rather than a commune, and the kinds of
// commune-level unit, dropped when names are compared: "UBND xã Minh
// Sơn", "Công an xã Minh Sơn" and "Minh Sơn" are one commune.
var (
	bodyWords    = []string{"uy ban nhan dan", "ubnd", "cong an", "dang uy", "hdnd", "hoi dong nhan dan", "to cong tac de an 06"}
	communeKinds = []string{"xa", "phuong", "thi tran", "dac khu"}
)

// communeKeys folds a name into the keys it is known by: with its kind
// ("xa minh son") when it says one, and without ("minh son").
func communeKeys(name string) (kinded, bare string) {
	k := vi.Fold(name)
	for changed := true; changed; {
		changed = false
		for _, w := range bodyWords {
			if rest, ok := strings.CutPrefix(k, w+" "); ok {
				k, changed = rest, true
			}
		}
	}
	for _, kind := range communeKinds {
		if rest, ok := strings.CutPrefix(k, kind+" "); ok {
			return k, rest
		}
	}
	return "", k
}

// index finds communes by name: by the bare key of every name, alias and
// id of each, with the kinded key beside it.
type index map[string][]indexed

type indexed struct {
	kinded string
	u      *plan.Unit
}

func newIndex(units []*plan.Unit) index {
	ix := index{}
	for _, u := range units {
		for _, n := range append([]string{u.Name, u.ID}, u.Aliases...) {
			if kk, bk := communeKeys(n); bk != "" {
				ix[bk] = append(ix[bk], indexed{kk, u})
			}
		}
	}
	return ix
}

// match finds the commune that one of names names: a name with its kind
// ("xã", "phường") matches one with the same kind or none; the first name
// that one commune answers decides.
func (ix index) match(names []string) *plan.Unit {
	for _, name := range names {
		kk, bk := communeKeys(name)
		var found *plan.Unit
		ambiguous := false
		for _, c := range ix[bk] {
			if kk == "" || c.kinded == "" || c.kinded == kk {
				ambiguous = ambiguous || (found != nil && found != c.u)
				found = c.u
			}
		}
		if found != nil && !ambiguous { // two communes answering is no answer
			return found
		}
	}
	return nil
}

func match(units []*plan.Unit, names []string) *plan.Unit { return newIndex(units).match(names) }

// communeName is how a commune names itself, from the first of its names
// that says its kind ("UBND xã Minh Sơn" → "Xã Minh Sơn"), else the first
// less the body it names ("Công an Minh Sơn" → "Minh Sơn").
func communeName(names []string) string {
	for _, n := range names {
		words := strings.Fields(n)
		for i := range words {
			k := vi.Fold(strings.Join(words[i:], " "))
			for _, kind := range communeKinds {
				if strings.HasPrefix(k, kind+" ") {
					return upperFirst(strings.Join(words[i:], " "))
				}
			}
		}
	}
	for _, n := range names {
		words := strings.Fields(n)
		for stripped := true; stripped && len(words) > 0; {
			stripped = false
			k := vi.Fold(strings.Join(words, " "))
			for _, w := range bodyWords {
				if strings.HasPrefix(k, w+" ") {
					words, stripped = words[len(strings.Fields(w)):], true
					break
				}
			}
		}
		if len(words) > 0 {
			return upperFirst(strings.Join(words, " "))
		}
	}
	return ""
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}
