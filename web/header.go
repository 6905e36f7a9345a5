package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
)

// The document header is the officer's: the desk's first run asks for it,
// and this page changes it later. It starts from the newest plan's header,
// flags every body that no longer existed today with its successors to
// take in one click, and a confirmation. Saving stores a new plan version
// that differs only in its header, which applies at once to every report
// merged from then on (desk.Plans.For).

// Bounds of what the page keeps: a line of the header, and the lines of
// Kính gửi and Nơi nhận.
const (
	maxHeaderRunes = 200
	maxHeaderLines = 20
)

// headerField is one field of the page: its form name, label, value, and
// the bodies it names that no longer exist.
type headerField struct {
	Name, Label, Hint string
	Value             string
	Lines             bool // one line per recipient (Kính gửi, Nơi nhận)
	Defunct           []defunctView
}

// defunctView is a body a field names that did not exist today, with the
// choice to take a successor: the radio "thay-KEY" (its successor's
// number, or empty to keep the line) and the line as shown ("goc-KEY").
type defunctView struct {
	Key        string
	Text       string
	Ended      string
	Level      string
	Successors []string
}

// headerFields lays h out as the page's fields, each with its defunct
// bodies on day on.
func headerFields(h plan.Header, on time.Time) []headerField {
	fields := []headerField{
		{Name: string(plan.FieldParentAgency), Label: plan.FieldParentAgency.Label(), Hint: hintParent, Value: h.ParentAgency},
		{Name: string(plan.FieldIssuingAgency), Label: plan.FieldIssuingAgency.Label(), Hint: hintIssuing, Value: h.IssuingAgency},
		{Name: fieldPlace, Label: labelPlace, Hint: hintPlace, Value: h.Place},
		{Name: fieldSymbol, Label: labelSymbol, Hint: hintSymbol, Value: h.Symbol},
		{Name: fieldProvince, Label: labelProvince, Hint: hintProvince, Value: h.Province},
		{Name: string(plan.FieldRecipients), Label: plan.FieldRecipients.Label(), Hint: hintLines, Value: strings.Join(h.Recipients, "\n"), Lines: true},
		{Name: string(plan.FieldDistribution), Label: plan.FieldDistribution.Label(), Hint: hintDistribution, Value: strings.Join(h.Distribution, "\n"), Lines: true},
		{Name: string(plan.FieldSignerAuthority), Label: plan.FieldSignerAuthority.Label(), Hint: hintAuthority, Value: h.SignerAuthority},
		{Name: string(plan.FieldSignerPosition), Label: plan.FieldSignerPosition.Label(), Value: h.SignerPosition},
		{Name: fieldSignerName, Label: labelSignerName, Hint: hintSignerName, Value: h.SignerName},
	}
	for _, d := range h.Defunct(on) {
		for i := range fields {
			if fields[i].Name == string(d.Field) {
				level := msgDistrictLevel
				if d.Ended.Equal(plan.DistrictPoliceEnded) {
					level = msgDistrictPolice
				}
				fields[i].Defunct = append(fields[i].Defunct, defunctView{Key: defunctKey(d), Text: d.Text,
					Ended: vi.FormatDate(d.Ended), Level: level, Successors: d.Successors})
			}
		}
	}
	return fields
}

func defunctKey(d plan.DefunctBody) string { return string(d.Field) + "-" + strconv.Itoa(d.Index) }

// Form names of the fields plan.HeaderField does not name.
const (
	fieldPlace      = "place"
	fieldSymbol     = "symbol"
	fieldProvince   = "province"
	fieldSignerName = "signer_name"
	fieldConfirmed  = "xac-nhan"
	fieldFirst      = "dau"
)

// headerOf reads the header the officer typed: every text NFC and trimmed,
// lists one item a line; then the successors taken for the bodies that no
// longer existed on day on. A field too long, or a required one left
// empty, is an error in the page's words.
func headerOf(r *http.Request, on time.Time) (plan.Header, error) {
	var errs []string
	one := func(name, label string, required bool) string {
		v := strings.TrimSpace(vi.NFC(strings.ReplaceAll(r.PostFormValue(name), "\n", " ")))
		switch {
		case required && v == "":
			errs = append(errs, fmt.Sprintf(msgHeaderEmpty, label))
		case utf8.RuneCountInString(v) > maxHeaderRunes:
			errs = append(errs, fmt.Sprintf(msgHeaderLong, label, maxHeaderRunes))
		}
		return v
	}
	lines := func(name, label string) []string {
		ls := vi.ListLines(vi.NFC(r.PostFormValue(name)))
		if len(ls) > maxHeaderLines {
			errs = append(errs, fmt.Sprintf(msgHeaderLines, label, maxHeaderLines))
		}
		for _, l := range ls {
			if utf8.RuneCountInString(l) > maxHeaderRunes {
				errs = append(errs, fmt.Sprintf(msgHeaderLong, label, maxHeaderRunes))
				break
			}
		}
		if len(ls) == 0 {
			errs = append(errs, fmt.Sprintf(msgHeaderEmpty, label))
		}
		return ls
	}
	h := plan.Header{
		ParentAgency:    one(string(plan.FieldParentAgency), plan.FieldParentAgency.Label(), false),
		IssuingAgency:   one(string(plan.FieldIssuingAgency), plan.FieldIssuingAgency.Label(), true),
		Place:           one(fieldPlace, labelPlace, true),
		Symbol:          one(fieldSymbol, labelSymbol, true),
		Province:        one(fieldProvince, labelProvince, false),
		Recipients:      lines(string(plan.FieldRecipients), plan.FieldRecipients.Label()),
		Distribution:    lines(string(plan.FieldDistribution), plan.FieldDistribution.Label()),
		SignerAuthority: one(string(plan.FieldSignerAuthority), plan.FieldSignerAuthority.Label(), false),
		SignerPosition:  one(string(plan.FieldSignerPosition), plan.FieldSignerPosition.Label(), true),
		SignerName:      one(fieldSignerName, labelSignerName, false),
		Confirmed:       r.PostFormValue(fieldConfirmed) == "1",
	}
	if err := takeSuccessors(&h, r, on); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return h, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return h, nil
}

// takeSuccessors replaces each defunct line the officer chose a successor
// for: the line must still read as it did on the page (an edit of the
// line wins over the choice), and the successor is computed again from
// the header as typed (its province).
func takeSuccessors(h *plan.Header, r *http.Request, on time.Time) error {
	for _, d := range h.Defunct(on) {
		key := defunctKey(d)
		pick := r.PostFormValue("thay-" + key)
		if pick == "" || r.PostFormValue("goc-"+key) != d.Text {
			continue
		}
		i, err := strconv.Atoi(pick)
		if err != nil || i < 0 || i >= len(d.Successors) {
			continue
		}
		succ := d.Successors[i]
		if strings.Contains(succ, "…") { // the province is not known yet
			return fmt.Errorf(msgProvinceFirst, labelProvince)
		}
		setLine(h, d.Field, d.Index, succ)
	}
	return nil
}

func setLine(h *plan.Header, f plan.HeaderField, i int, text string) {
	switch f {
	case plan.FieldParentAgency:
		h.ParentAgency = text
	case plan.FieldIssuingAgency:
		h.IssuingAgency = text
	case plan.FieldRecipients:
		h.Recipients[i] = text
	case plan.FieldDistribution:
		h.Distribution[i] = text
	case plan.FieldSignerAuthority:
		h.SignerAuthority = text
	case plan.FieldSignerPosition:
		h.SignerPosition = text
	}
}

func (s *Server) headerPage(w http.ResponseWriter, r *http.Request) {
	s.renderHeader(w, r, http.StatusOK, s.latest().Header, map[string]any{"First": r.FormValue(fieldFirst) == "1"})
}

// renderHeader shows the page for header h: its fields, the bodies no
// longer existing today, and why a report would be a draft.
func (s *Server) renderHeader(w http.ResponseWriter, r *http.Request, code int, h plan.Header, extra map[string]any) {
	now := s.now()
	data := map[string]any{"Title": msgHeaderTitle, "Fields": headerFields(h, now), "Confirmed": h.Confirmed,
		"Reasons": h.DraftReasons(now), "Today": vi.FormatDate(now)}
	for k, v := range extra {
		data[k] = v
	}
	s.renderCode(w, code, "van-ban.html", data)
}

// headerSave stores the header as typed, with the successors taken, as a
// new plan version: it applies at once to every report merged from now
// on. The first run goes on to the board.
func (s *Server) headerSave(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	first := r.PostFormValue(fieldFirst) == "1"
	h, err := headerOf(r, now)
	if err != nil {
		s.renderHeader(w, r, http.StatusBadRequest, h, map[string]any{"Error": err.Error(), "First": first})
		return
	}
	s.plansMu.RLock()
	cur := s.plans.Latest()
	from := s.plans.HeaderFrom(now)
	s.plansMu.RUnlock()
	changes := plan.DiffHeader(cur.Header, h)
	if len(changes) > 0 {
		next := *cur
		next.Header = h
		var b bytes.Buffer
		if err := plan.EncodeJSON(&b, &next); err != nil {
			s.failErr(w, r, err)
			return
		}
		rec := store.PlanVersion{From: from.Format(time.DateOnly), Name: msgHeaderVersion, JSON: b.Bytes(), At: now}
		if _, err := s.store.AddPlan(rec); err != nil {
			s.failErr(w, r, err)
			return
		}
		if err := s.loadPlans(); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	if first {
		http.Redirect(w, r, "/bang", http.StatusSeeOther)
		return
	}
	s.renderHeader(w, r, http.StatusOK, s.latest().Header, map[string]any{"Saved": true, "Changes": changes})
}
