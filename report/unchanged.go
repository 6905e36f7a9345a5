package report

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// A pre-filled template starts from last period's values; a unit that sends
// them back unchanged for a model past its deadline has probably not looked.
// The template records a fingerprint of each pre-filled row (MetaPrefill)
// and the period it came from (MetaPrefillPeriod); a row read back with the
// same fingerprint is warned about. With --previous the same is judged
// against the previous report's data.

// Metadata keys a pre-filled template carries.
const (
	MetaPrefillPeriod = "prefill_period"
	MetaPrefill       = "prefill" // "37=1a2b…;24=…": model = fingerprint
)

// fingerprint sums up what a unit says about a model: status, figures and
// texts.
func fingerprint(st Status, progress, achieved, total *float64, texts ...string) string {
	num := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	h := fnv.New64a()
	fmt.Fprint(h, st.Key(), "\x00", num(progress), "\x00", num(achieved), "\x00", num(total))
	for _, t := range texts {
		fmt.Fprint(h, "\x00", strings.TrimSpace(t))
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

func (e Entry) fingerprint() string {
	return fingerprint(e.Status, e.Progress, e.Achieved, e.Total, e.Result, e.Difficulty, e.Proposal, e.Tasks)
}

// PrefillMeta is the metadata of a form's pre-filled rows: the period they
// come from and each row's fingerprint as written (the indicator cells only
// where the unit's figures count), or nil when nothing was pre-filled.
func (f *Form) PrefillMeta() map[string]string {
	var parts []string
	for _, r := range f.Rows {
		e := r.Last
		if e == nil {
			continue
		}
		var a, t *float64
		if r.Indicator {
			a = e.Achieved
			if r.Model.Indicator.Ratio() {
				t = e.Total
			}
		}
		parts = append(parts, fmt.Sprintf("%d=%s", r.Model.Number, fingerprint(e.Status, e.Progress, a, t, e.Result, e.Difficulty, e.Proposal, e.Tasks)))
	}
	if len(parts) == 0 {
		return nil
	}
	return map[string]string{MetaPrefillPeriod: f.PrefilledFrom.String(), MetaPrefill: strings.Join(parts, ";")}
}

// stale reports whether an entry that repeats an earlier period's values
// deserves a warning: the model is past its deadline on day and the unit
// still says it is under way or not started.
func stale(e Entry, day time.Time) bool {
	d := e.Model.Deadline.Due
	return d != nil && d.Before(day) && (e.Status == StatusInProgress || e.Status == StatusNotStarted)
}

func unchangedFinding(e Entry, from plan.Period) Finding {
	return Finding{Severity: Warning, Code: ReportUnchanged, File: e.File, Sheet: e.Sheet, Cell: e.StatusCell, Model: e.Model.Number,
		Message: fmt.Sprintf(msgUnchanged, e.Model.Number, from.Name(), e.Model.Deadline.Text), Hint: hintUnchanged}
}

// checkPrefill judges a pre-filled template read back. Every row as it was
// filled in, and no report date: the unit sent last period's figures back
// without looking, an error that keeps the file out of the report. Every
// row as filled in, dated: the unit says nothing changed, one warning, the
// file counts. Otherwise each unchanged row past its deadline is warned
// about.
func (fc *fileChecker) checkPrefill() {
	from, err := plan.ParsePeriod(fc.s.Meta[MetaPrefillPeriod])
	if err != nil {
		return
	}
	written := map[string]string{}
	for _, part := range strings.Split(fc.s.Meta[MetaPrefill], ";") {
		if n, fp, ok := strings.Cut(part, "="); ok {
			written[n] = fp
		}
	}
	same := 0
	for _, e := range fc.fr.Entries {
		if fp, ok := written[strconv.Itoa(e.Model.Number)]; ok && fp == e.fingerprint() {
			same++
		}
	}
	if same > 0 && same == len(written) && same == len(fc.fr.Entries) {
		cell := fc.s.ReportDate.Cell
		if fc.fr.ReportDate == nil && strings.TrimSpace(fc.s.ReportDate.Text) == "" {
			fc.add(Error, ReportNotUpdated, cell, 0, fmt.Sprintf(msgNotUpdated, from.Short()),
				fmt.Sprintf(hintNotUpdated, vi.FormatDate(fc.exampleDay())))
			fc.fr.Accepted = false
			fc.fr.Entries = nil
			return
		}
		fc.add(Warning, ReportUnchanged, cell, 0, fmt.Sprintf(msgNoChange, from.Short()), hintNoChange)
		return
	}
	for _, e := range fc.fr.Entries {
		if fp, ok := written[strconv.Itoa(e.Model.Number)]; ok && fp == e.fingerprint() && stale(e, fc.per.ReportDay()) {
			fc.fr.Findings = append(fc.fr.Findings, unchangedFinding(e, from))
		}
	}
}
