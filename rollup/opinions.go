package rollup

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// What the communes' units say: the difficulties and proposals each
// commune's workbook keeps whole in "Dữ liệu", carried up to the province
// attributed to the commune, the same words from several communes said
// once with all of them.

// OpinionKind is what a text is: a difficulty or a proposal.
type OpinionKind int

const (
	Difficulty OpinionKind = iota
	Proposal
)

// Opinion is one unit's difficulty or proposal about one model, in a
// commune's workbook.
type Opinion struct {
	Kind  OpinionKind
	Model int
	Unit  string // the commune's unit, as its workbook names it
	Text  string
	// Context is, for a proposal, the same unit's difficulty about the
	// same model: what "các đối tượng này" points back to.
	Context string
}

// Voiced is a text as the province reports it: the model, the words, and
// every commune whose units wrote them (in the communes' order).
type Voiced struct {
	Kind     OpinionKind
	Model    int
	Text     string
	Context  string // the first commune's (Opinion.Context)
	Communes []string
}

// readOpinions takes the units' difficulties and proposals from "Dữ
// liệu". A proposal to the commune's own standing body ("Đề nghị Công an
// xã phối hợp …") is the commune's own task, not a proposal to the
// province: it is counted in OwnProposals, not carried up.
func (c *Commune) readOpinions(wb *Workbook) {
	c.OpinionsRead = wb.HasOpinions
	own := ownBodies(c.header.IssuingAgency, c.header.Place)
	for _, d := range wb.Data {
		n, ok := modelNumber(d.Model)
		if !ok {
			continue
		}
		unit := intern(d.UnitName)
		if t := strings.TrimSpace(d.Difficulty); t != "" {
			c.Opinions = append(c.Opinions, Opinion{Kind: Difficulty, Model: n, Unit: unit, Text: intern(t)})
		}
		if t := strings.TrimSpace(d.Proposal); t != "" {
			if toOwnBody(t, own) {
				c.OwnProposals++
				continue
			}
			c.Opinions = append(c.Opinions, Opinion{Kind: Proposal, Model: n, Unit: unit, Text: intern(t), Context: intern(strings.TrimSpace(d.Difficulty))})
		}
	}
}

// ownBody is the commune's issuing body without its place, folded: "cong
// an xa" for "Công an xã Minh Sơn" in Minh Sơn; "" when it cannot tell.
func ownBody(issuing, place string) string {
	f, p := vi.Fold(issuing), vi.Fold(place)
	if f == "" || p == "" || !strings.HasSuffix(f, " "+p) {
		return ""
	}
	return strings.TrimSpace(strings.TrimSuffix(f, p))
}

// levelWords name a commune-level unit: a commune's own body is written
// with any of them ("Công an xã" in a ward's plan made from the commune
// template), so a proposal to it is the commune's own whatever the word.
var levelWords = []string{"xa", "phuong", "thi tran", "dac khu"}

// ownBodies is the commune's own body under every level word, folded:
// "cong an xa", "cong an phuong", … for "Công an phường Hạc Thành". A
// workbook that does not say who issued it (made before "Thông tin chung")
// is a commune's all the same: its own police.
func ownBodies(issuing, place string) []string {
	f := ownBody(issuing, place)
	if f == "" {
		f = "cong an xa"
	}
	for _, lv := range levelWords {
		if base, ok := strings.CutSuffix(f, " "+lv); ok {
			out := make([]string, len(levelWords))
			for i, w := range levelWords {
				out[i] = base + " " + w
			}
			return out
		}
	}
	return []string{f}
}

// toOwnBody reports whether a proposal names the commune's own body, as
// whole words ("cong an xa" is not in "cong an xac minh").
func toOwnBody(text string, own []string) bool {
	t := vi.Fold(text)
	return slices.ContainsFunc(own, func(o string) bool {
		for rest := t; ; {
			i := strings.Index(rest, o)
			if i < 0 {
				return false
			}
			after, _ := utf8.DecodeRuneInString(rest[i+len(o):])
			if after == utf8.RuneError || !unicode.IsLetter(after) && !unicode.IsDigit(after) {
				return true
			}
			rest = rest[i+len(o):]
		}
	})
}

// voiced groups the counting communes' opinions of one kind: one entry a
// model and text (compared folded, without the closing stop), the texts
// most communes share first (a report that quotes only the first still
// says what most communes say), then in the plan's order of models.
func voiced(communes []*CommuneLine, kind OpinionKind, order map[int]int) (out []*Voiced, total int) {
	type key struct {
		model int
		text  string
	}
	at := map[key]*Voiced{}
	for _, cl := range communes {
		if !cl.Sent() {
			continue
		}
		for _, o := range cl.Commune.Opinions {
			if o.Kind != kind {
				continue
			}
			total++
			k := key{o.Model, vi.Fold(strings.TrimRight(o.Text, ". ;"))}
			v := at[k]
			if v == nil {
				v = &Voiced{Kind: kind, Model: o.Model, Text: o.Text, Context: o.Context}
				at[k] = v
				out = append(out, v)
			}
			if !slices.Contains(v.Communes, cl.Unit.Name) {
				v.Communes = append(v.Communes, cl.Unit.Name)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *Voiced) int {
		if len(a.Communes) != len(b.Communes) {
			return len(b.Communes) - len(a.Communes)
		}
		return order[a.Model] - order[b.Model]
	})
	return out, total
}

// Standalone is the opinion's text as a table quotes it, alone: a proposal
// that points back to its difficulty ("… cho các đối tượng này") is
// preceded by it, as the report's body says it.
func (v *Voiced) Standalone() string {
	if v.Kind != Proposal || v.Context == "" || !report.RefersBack(v.Text) {
		return v.Text
	}
	ctx := strings.TrimRight(strings.TrimSpace(v.Context), ". ;")
	return fmt.Sprintf(msgBecause, report.LowerFirst(ctx), report.LowerFirst(strings.TrimSpace(v.Text)))
}
