package plan

import (
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
)

// MatchUnit finds the unit a typed name refers to ("tram y te",
// "TRẠM Y TẾ XÃ", "tram-y-te" all find tram-y-te).
func (p *Plan) MatchUnit(name string) (string, bool) {
	ix := p.ix()
	id, ok := ix.unitKeys[ix.unitKey(name)]
	return id, ok
}

// SuggestUnits returns the units ordered by how close their names are to a
// typed name, the closest first, for "did you mean" messages.
func (p *Plan) SuggestUnits(name string) []*Unit {
	ix := p.ix()
	k := ix.unitKey(name)
	type scored struct {
		u *Unit
		d int
	}
	var ss []scored
	for i := range p.Units {
		u := &p.Units[i]
		best := -1
		for _, ck := range ix.nameKeys[i] {
			d := levenshtein(k, ck)
			if k != "" && (strings.Contains(ck, k) || strings.Contains(k, ck)) {
				d /= 4
			}
			if best < 0 || d < best {
				best = d
			}
		}
		ss = append(ss, scored{u, best})
	}
	slices.SortStableFunc(ss, func(a, b scored) int { return a.d - b.d })
	out := make([]*Unit, len(ss))
	for i, s := range ss {
		out[i] = s.u
	}
	return out
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Label is how a unit named in a model's lists is written where space is
// tight: the unit's Short name, with the unit it stands for, when the plan
// gives one and the text names exactly that unit ("Công an xã", or "Công an
// xã Cao Ngọc"); otherwise the text as written, and nil. A name that only
// resembles the unit keeps its own words: "Tổ công tác Đề án 06 các cấp" is
// not the commune's team, and its label must not say so.
func (p *Plan) Label(name string) (string, *Unit) {
	id, ok := p.MatchUnit(name)
	if !ok {
		return name, nil
	}
	u := p.Unit(id)
	if u == nil || u.Short == "" {
		return name, nil
	}
	if slices.Contains(p.ix().ownNames[id], vi.Fold(name)) {
		return u.Short, u
	}
	return name, nil
}
