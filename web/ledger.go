package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/slots"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// The desk's records, turned into the desk package's terms, and the one
// path by which a file is received: read, filed under its period, checked,
// admitted for a unit, stored.

// sendOf is a stored upload in the desk's terms.
func sendOf(up store.Upload) (desk.Send, error) {
	p, err := plan.ParsePeriod(up.Period)
	if err != nil {
		return desk.Send{}, fmt.Errorf(msgStoredPeriod, up.ID, up.Period)
	}
	via := desk.Via(up.Via)
	if via == "" {
		via = desk.ViaLink
		if up.ByOfficer {
			via = desk.ViaOfficer
		}
	}
	return desk.Send{ID: up.ID, UnitID: up.UnitID, Period: p, Name: up.Name, At: up.At, Via: via, Usable: up.Accepted,
		Errors: up.Errors, Warnings: up.Warnings, Reporter: up.Reporter, Phone: up.Phone, Size: up.Size,
		Withdrawn: !up.WithdrawnAt.IsZero(), WithdrawnAt: up.WithdrawnAt}, nil
}

func sendsOf(ups []store.Upload) ([]desk.Send, error) {
	out := make([]desk.Send, 0, len(ups))
	for _, up := range ups {
		s, err := sendOf(up)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func choicesOf(cs []store.Choice) ([]desk.Choice, error) {
	out := make([]desk.Choice, 0, len(cs))
	for _, c := range cs {
		p, err := plan.ParsePeriod(c.Period)
		if err != nil {
			return nil, fmt.Errorf(msgStoredPeriod, c.UploadID, c.Period)
		}
		out = append(out, desk.Choice{UnitID: c.UnitID, Period: p, SendID: c.UploadID, At: c.At})
	}
	return out, nil
}

// ledger reads what the store holds about the periods that decide p: of
// every unit, or (unitID not "") of that unit alone.
func (s *Server) ledger(p plan.Period, unitID string) (desk.Ledger, error) {
	var names []string
	for _, q := range desk.Concerned(p) {
		names = append(names, q.String())
	}
	var ups []store.Upload
	var err error
	if unitID == "" {
		ups, err = s.store.Uploads(names...)
	} else {
		ups, err = s.store.UnitUploads(unitID)
		ups = slices.DeleteFunc(ups, func(up store.Upload) bool { return !slices.Contains(names, up.Period) })
	}
	if err != nil {
		return desk.Ledger{}, err
	}
	cs, err := s.store.Choices(names...)
	if err != nil {
		return desk.Ledger{}, err
	}
	if unitID != "" {
		cs = slices.DeleteFunc(cs, func(c store.Choice) bool { return c.UnitID != unitID })
	}
	reps, err := s.store.Reports(p.String())
	if err != nil {
		return desk.Ledger{}, err
	}
	var l desk.Ledger
	if l.Sends, err = sendsOf(ups); err != nil {
		return l, err
	}
	if l.Choices, err = choicesOf(cs); err != nil {
		return l, err
	}
	for _, r := range reps {
		rec, err := mergeRecordOf(r)
		if err != nil {
			return l, err
		}
		l.Merges = append(l.Merges, rec)
	}
	return l, nil
}

// mergeRecordOf is a stored report in the desk's terms.
func mergeRecordOf(r store.Report) (desk.MergeRecord, error) {
	rec := desk.MergeRecord{ID: r.ID, At: r.At, Used: r.Used}
	if err := desk.DecodeMergeDoc(&rec, r.Header, r.Draft); err != nil {
		return rec, fmt.Errorf("report %d: %w", r.ID, err)
	}
	return rec, nil
}

// boardOf is every unit's state for p, by the desk's one rule.
func (s *Server) boardOf(p plan.Period) (*desk.Board, error) {
	l, err := s.ledger(p, "")
	if err != nil {
		return nil, err
	}
	return desk.Status(s.planFor(p), p, l), nil
}

// unitStatusOf is one unit's state for p, by the same rule, read from that
// unit's records alone: what a send changes, at the cost of the unit's own
// sends however many units the desk has (a province's thousands of
// communes). Nil when the unit does not report for p.
func (s *Server) unitStatusOf(p plan.Period, unitID string) (*desk.UnitStatus, error) {
	l, err := s.ledger(p, unitID)
	if err != nil {
		return nil, err
	}
	return desk.Status(s.planFor(p), p, l).Unit(unitID), nil
}

// maxCellStored bounds a cell's text kept beside a send (the reporter, the
// phone): the cell may hold 32,767 characters.
const maxCellStored = 100

// received is what receiving one file did.
type received struct {
	Upload  store.Upload
	Result  *report.FileResult
	Period  plan.Period
	Verdict desk.Verdict
	Err     string // why the file could not be checked (busy, too slow); nothing stored
}

// receive reads a file under the desk's budget, files it under the period
// it declares (requested when it declares none, or one not open), checks
// it under that period's plan, admits it for linkUnit ("" for the
// officer's drop: the unit it names) and stores it.
func (s *Server) receive(ctx context.Context, from, linkUnit string, via desk.Via, f File, requested plan.Period) (received, error) {
	ex, err := s.examine(ctx, linkUnit, f, requested)
	if err != nil {
		return received{}, err
	}
	return s.keep(ex, from, via, f)
}

// examined is a file as receive reads, files, checks and admits it, before
// it is stored.
type examined struct {
	sub    *report.Submission
	check  *report.Checked
	period plan.Period
	unit   string
	at     time.Time
}

// result is the file's check.
func (ex examined) result() *report.FileResult { return ex.check.Files[0] }

// examine is receive up to storing: what the desk makes of f, sent through
// linkUnit's link for period requested. The desk's level reads and checks
// it; the desk's rules file it and admit it.
func (s *Server) examine(ctx context.Context, linkUnit string, f File, requested plan.Period) (examined, error) {
	rd, err := s.read(ctx, f)
	if err != nil {
		return examined{}, err
	}
	sub := rd.Submission()
	now := s.now()
	p, notOpen := desk.Period(s.latest(), sub, requested, now)
	pl := s.planFor(p)
	c := s.level.Check(pl, []Reading{rd}, p, now)
	fr := c.Files[0]
	if notOpen != nil {
		desk.RefusePeriod(fr, notOpen, pl.Level)
	}
	return examined{sub: sub, check: c, period: p, unit: desk.Admit(pl, linkUnit, fr), at: now}, nil
}

// keep stores an examined file, held to the storage quotas, and says what
// it did to the unit's state.
func (s *Server) keep(ex examined, from string, via desk.Via, f File) (received, error) {
	p, unit, fr, sub := ex.period, ex.unit, ex.result(), ex.sub
	var before *desk.UnitStatus
	if unit != "" {
		if st, err := s.unitStatusOf(p, unit); err == nil {
			before = st
		}
	}
	var js bytes.Buffer
	if err := report.WriteCheckJSON(&js, ex.check, nil); err != nil {
		return received{}, s.logged(err)
	}
	keep := kept(fr, f.Data)
	errs, warns := fr.Counts()
	sum := sha256.Sum256(f.Data)
	up := store.Upload{UnitID: unit, Period: p.String(), Name: fileName(f.Name), SHA256: hex.EncodeToString(sum[:]), Size: len(f.Data), At: ex.at,
		From: from, ByOfficer: via == desk.ViaOfficer, Via: string(via), Accepted: fr.Accepted, Errors: errs, Warnings: warns,
		Findings: js.String(), Reporter: vi.Shorten(sub.Reporter.Text, maxCellStored), Phone: vi.Shorten(sub.Phone.Text, maxCellStored)}
	var err error
	// What is kept of the file, held to the storage quotas (the check and
	// the insert one transaction).
	if up.ID, err = s.store.AddUploadWithin(up, keep, s.quota()); err != nil {
		return received{}, s.quotaRefusal(err, p, msgFileNotKept)
	}
	rec := received{Upload: up, Result: fr, Period: p}
	if before != nil {
		after, err := s.unitStatusOf(p, unit)
		if err != nil {
			return rec, s.logged(err)
		}
		rec.Verdict = desk.VerdictOf(before, after, up.ID)
	}
	return rec, nil
}

// read reads one file under the desk's budget: in the shared work pool
// (at most MaxChecks at once), within CheckTimeout and while the sender
// waits, so one hostile file costs only its sender. The reader and
// LibreOffice stop with the context.
func (s *Server) read(ctx context.Context, f File) (Reading, error) {
	rd, err := slots.Do(ctx, s.work, s.cfg.CheckTimeout, func(ctx context.Context) Reading {
		return s.level.Read(ctx, f)
	})
	var pe *slots.PanicError
	switch {
	case errors.Is(err, slots.ErrTimeout):
		return nil, refuse(http.StatusUnprocessableEntity, msgCheckTimeout)
	case errors.As(err, &pe):
		return nil, s.logged(err)
	case errors.Is(err, context.Canceled):
		return nil, err
	case err != nil:
		return nil, refuse(http.StatusServiceUnavailable, msgBusy)
	}
	return rd, nil
}

// File stores a file read and checked elsewhere as the officer's drop (the
// demo's sample week).
func (s *Server) File(ctx context.Context, f File, requested plan.Period) error {
	_, err := s.receive(ctx, "", "", desk.ViaOfficer, f, requested)
	return err
}

// findingsOf reads a stored upload's findings back.
func findingsOf(up store.Upload) ([]report.Finding, error) {
	files, err := report.ReadCheckJSON(bytes.NewReader([]byte(up.Findings)), up.Name)
	if err != nil || len(files) == 0 {
		return nil, err
	}
	return files[0].Findings, nil
}

// sentAt formats the time of a send as the pages show it.
func sentAt(t time.Time) string { return t.Local().Format("15:04 02/01/2006") }
