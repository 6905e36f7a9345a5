package plan

import (
	"fmt"
	"strings"

	"github.com/caongoc/de06/internal/vi"
)

// Diff says, one line each, how plan b differs from plan a in what the
// reports depend on: the report's header, units, models, who carries a
// model out, deadlines, platforms and indicators. An empty result means no
// such difference.
func Diff(a, b *Plan) []string { return diff(a, b, true) }

// DiffContent is Diff without the header's changes: what a plan governs
// from the period it applies to (the desk applies a header at once).
func DiffContent(a, b *Plan) []string { return diff(a, b, false) }

func diff(a, b *Plan, header bool) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	if a.Level.Or() != b.Level.Or() {
		add(diffLevel, a.Level.Word(), b.Level.Word())
	}
	if a.Document.Number != b.Document.Number || a.Document.Issuer != b.Document.Issuer {
		add(diffDocument, a.Document.Number, a.Document.Issuer, b.Document.Number, b.Document.Issuer)
	}
	if header {
		out = append(out, DiffHeader(a.Header, b.Header)...)
	}
	for _, u := range b.Units {
		old := a.Unit(u.ID)
		switch {
		case old == nil:
			add(diffUnitAdded, u.Name)
		case old.Name != u.Name:
			add(diffUnitRenamed, old.Name, u.Name)
		}
		if old != nil && old.Short != u.Short {
			add(diffUnitShort, u.Name, orNone(old.Short), orNone(u.Short))
		}
		if old != nil && old.Reports != u.Reports {
			if u.Reports {
				add(diffUnitReports, u.Name)
			} else {
				add(diffUnitStops, u.Name)
			}
		}
	}
	for _, u := range a.Units {
		if b.Unit(u.ID) == nil {
			add(diffUnitRemoved, u.Name)
		}
	}
	for _, m := range b.Models() {
		old := a.Model(m.Number)
		if old == nil {
			add(diffModelAdded, m.Number, m.Title)
			continue
		}
		field := func(name, x, y string) {
			if x != y {
				add(diffModelField, m.Number, name, orNone(x), orNone(y))
			}
		}
		field(diffTitle, old.Title, m.Title)
		field(diffLead, strings.Join(old.Lead, "; "), strings.Join(m.Lead, "; "))
		field(diffCoordinate, strings.Join(old.Coordinate, "; "), strings.Join(m.Coordinate, "; "))
		field(diffSupport, strings.Join(old.Support, "; "), strings.Join(m.Support, "; "))
		field(diffDeadline, old.Deadline.Text, m.Deadline.Text)
		field(diffPlatforms, strings.Join(old.Platforms, "; "), strings.Join(m.Platforms, "; "))
		field(diffIndicator, indicatorText(old.Indicator), indicatorText(m.Indicator))
	}
	for _, m := range a.Models() {
		if b.Model(m.Number) == nil {
			add(diffModelRemoved, m.Number, m.Title)
		}
	}
	return out
}

// DiffHeader lists the header's changes, field by field, then whether it
// became confirmed or stopped being so.
func DiffHeader(a, b Header) []string {
	var out []string
	field := func(label, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf(diffHeaderField, label, orNone(x), orNone(y)))
		}
	}
	list := func(label string, x, y []string) { field(label, strings.Join(x, "; "), strings.Join(y, "; ")) }
	field(FieldParentAgency.Label(), a.ParentAgency, b.ParentAgency)
	field(FieldIssuingAgency.Label(), a.IssuingAgency, b.IssuingAgency)
	field(diffPlace, a.Place, b.Place)
	field(diffSymbol, a.Symbol, b.Symbol)
	list(FieldRecipients.Label(), a.Recipients, b.Recipients)
	list(FieldDistribution.Label(), a.Distribution, b.Distribution)
	field(FieldSignerAuthority.Label(), a.SignerAuthority, b.SignerAuthority)
	field(FieldSignerPosition.Label(), a.SignerPosition, b.SignerPosition)
	field(diffSignerName, a.SignerName, b.SignerName)
	field(diffProvince, a.Province, b.Province)
	switch {
	case b.Confirmed && !a.Confirmed:
		out = append(out, diffConfirmed)
	case a.Confirmed && !b.Confirmed:
		out = append(out, diffUnconfirmed)
	}
	return out
}

func indicatorText(ind *Indicator) string {
	if ind == nil {
		return ""
	}
	s := fmt.Sprintf("%s: %s %s", ind.Name, vi.FormatNumber(ind.Target), ind.Unit)
	if ind.Counted != "" {
		s += " " + ind.Counted
	}
	if ind.Combine == CombineLead {
		s += diffByLead
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return diffNone
	}
	return s
}
