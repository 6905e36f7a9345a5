package plan

import (
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
)

// index holds what the plan's look-ups need, every name folded once. It is
// made when the plan is loaded (finish) and only read afterwards, so a
// loaded plan may be shared by goroutines; whoever changes a plan calls
// Finish again, which checks it and makes a new index.
type index struct {
	place      string              // the commune's name, folded
	unitKeys   map[string]string   // every unit's folded id, name and aliases → id
	nameKeys   [][]string          // per unit (plan order): its folded id, name and aliases
	ownNames   map[string][]string // unit id → its name, alone and with the commune's, folded
	collective map[string]bool     // folded collective lead names
	titles     map[string]*Model   // folded titles and full titles, the first model in plan order
	assigned   map[string][]Assignment
	reporters  map[*Model][]string // ids of the units that report on a model
	leadUnit   map[*Model]string   // a model's first lead that is a unit
}

// ix is the plan's index: the one made when it was loaded, or, for a plan
// never finished, one made now and not kept.
func (p *Plan) ix() *index {
	if p.idx != nil {
		return p.idx
	}
	return newIndex(p)
}

func newIndex(p *Plan) *index {
	ix := &index{
		place:      vi.Fold(p.Header.Place),
		unitKeys:   map[string]string{},
		ownNames:   map[string][]string{},
		collective: map[string]bool{},
		titles:     map[string]*Model{},
		assigned:   map[string][]Assignment{},
		reporters:  map[*Model][]string{},
		leadUnit:   map[*Model]string{},
	}
	for _, u := range p.Units {
		var keys []string
		for _, n := range append([]string{u.ID, u.Name}, u.Aliases...) {
			k := ix.unitKey(n)
			keys = append(keys, k)
			if _, taken := ix.unitKeys[k]; k != "" && !taken {
				ix.unitKeys[k] = u.ID
			}
		}
		ix.nameKeys = append(ix.nameKeys, keys)
		if _, seen := ix.ownNames[u.ID]; !seen {
			ix.ownNames[u.ID] = []string{vi.Fold(u.Name), vi.Fold(u.Name + " " + p.Header.Place)}
		}
	}
	for _, c := range p.Collective {
		ix.collective[vi.Fold(c)] = true
	}
	for _, m := range p.Models() {
		for _, t := range []string{m.Title, m.FullTitle} {
			if k := vi.Fold(t); k != "" && ix.titles[k] == nil {
				ix.titles[k] = m
			}
		}
		ix.index(p, m)
	}
	return ix
}

// index records who reports on m and in what role: the units named as its
// lead, or every reporting unit when a lead is collective.
func (ix *index) index(p *Plan, m *Model) {
	collective := false
	var leads []string
	for _, l := range m.Lead {
		id, ok := ix.unitKeys[ix.unitKey(l)]
		if _, set := ix.leadUnit[m]; ok && !set {
			ix.leadUnit[m] = id
		}
		if ix.collective[vi.Fold(l)] {
			collective = true
			continue
		}
		if ok {
			leads = append(leads, id)
		}
	}
	for _, u := range p.ReportingUnits() {
		role := Role("")
		switch {
		case slices.Contains(leads, u.ID):
			role = RoleLead
		case collective:
			role = RoleCollective
		default:
			continue
		}
		ix.assigned[u.ID] = append(ix.assigned[u.ID], Assignment{Model: m, Role: role})
		ix.reporters[m] = append(ix.reporters[m], u.ID)
	}
}

// unitKey folds a unit name for matching: case, diacritics, punctuation and
// spacing are ignored, and so are a trailing "xã"/"thị trấn" (with or without
// the commune's name) and a leading "công chức".
func (ix *index) unitKey(s string) string {
	k := vi.Fold(s)
	for {
		before := k
		if ix.place != "" {
			k = strings.TrimSuffix(k, " "+ix.place)
		}
		for _, suf := range []string{" xa", " thi tran", " cap xa"} {
			k = strings.TrimSuffix(k, suf)
		}
		k = strings.TrimPrefix(k, "cong chuc ")
		if k == before {
			return k
		}
	}
}
