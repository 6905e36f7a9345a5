package rollup

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// DerivedProvince is the province when no plan is given: its models are
// the communes' (numbered as in the province's list, so that model N is
// the same model everywhere), each with the title and group the first
// commune by name gives it; its header is blank, to fill in by hand. list
// is the communes expected, as for NewProvince.
func DerivedProvince(cs []*Commune, list []string) *Province {
	type seen struct {
		m     *plan.Model
		group string
	}
	var order []*Commune
	for _, c := range cs {
		if c.Kind == KindConsolidated && len(c.Lines) > 0 {
			order = append(order, c)
		}
	}
	slices.SortStableFunc(order, func(a, b *Commune) int { return cmp.Compare(vi.Fold(a.Name), vi.Fold(b.Name)) })
	models := map[int]seen{}
	groupName := map[string]string{}
	for _, c := range order {
		for _, l := range c.Lines {
			if _, ok := models[l.Model]; ok {
				continue
			}
			models[l.Model] = seen{&plan.Model{Number: l.Model, Title: l.Title, FullTitle: l.Title}, l.GroupCode}
			if _, ok := groupName[l.GroupCode]; !ok {
				groupName[l.GroupCode] = l.GroupName
			}
		}
	}
	byGroup := map[string][]*plan.Model{}
	for _, s := range models {
		byGroup[s.group] = append(byGroup[s.group], s.m)
	}
	p := &plan.Plan{Header: blankHeader()}
	for code, ms := range byGroup {
		slices.SortFunc(ms, func(a, b *plan.Model) int { return a.Number - b.Number })
		p.Groups = append(p.Groups, plan.Group{Code: code, Name: groupName[code], Models: ms})
	}
	// Groups in the order of their first model.
	slices.SortFunc(p.Groups, func(a, b plan.Group) int { return a.Models[0].Number - b.Models[0].Number })
	tt := 0
	for _, g := range p.Groups {
		for _, m := range g.Models {
			tt++
			m.TT, m.Group = tt, g.Code
		}
	}
	return &Province{Plan: p, Communes: listUnits(nil, list), Derived: true}
}

// blankHeader leaves every field of the letterhead and closing to write by
// hand.
func blankHeader() plan.Header {
	return plan.Header{ParentAgency: blank, IssuingAgency: blank, Place: blank, Symbol: blank,
		Recipients: []string{blank}, Distribution: []string{blank, "Lưu: VT"}, SignerPosition: blank}
}

var (
	reNumbering = regexp.MustCompile(`^\s*(?:\d+\s*[.)]|[-–•*])\s*`)
	listHeads   = []string{"stt", "tt", "xa", "phuong", "xa phuong", "xa phuong thi tran", "xa phuong dac khu", "don vi", "ten"}
)

// CleanList turns the lines of a province's list of communes (a text file,
// or a sheet's first column) into names: blank lines, comments (#…),
// numbering ("1.", "2)", "- ") and a heading line ("Tên xã, phường") left
// out; NFC, trimmed.
func CleanList(lines []string) []string {
	var out []string
	for i, l := range lines {
		l = strings.TrimSpace(vi.NFC(strings.TrimPrefix(l, "\ufeff")))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		l = strings.TrimSpace(reNumbering.ReplaceAllString(l, ""))
		k := vi.Fold(l)
		if k == "" {
			continue
		}
		if len(out) == 0 && i < 3 && (slices.Contains(listHeads, k) || strings.HasPrefix(k, "ten ") || strings.HasPrefix(k, "danh sach")) {
			continue
		}
		out = append(out, l)
	}
	return out
}
