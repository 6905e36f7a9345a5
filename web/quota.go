package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Storage quotas: no link, however used, fills the officer's disk.

// keptPrefix is how much of a file that could not be read at all is
// kept: enough to see what it was. Its record, name, size and hash are
// kept whole.
const keptPrefix = 64 << 10

// kept is what the desk stores of a checked file's bytes: all of it, or
// only its start when the reader could not open it as a workbook (random
// bytes, a file with a password, a zip bomb), since nothing can be done
// with it but see that it came.
func kept(fr *report.FileResult, data []byte) []byte {
	if fr.Accepted || len(data) <= keptPrefix {
		return data
	}
	for _, f := range fr.Findings {
		if f.Severity == report.Error && f.Sheet == "" && f.Cell == "" &&
			(f.Code == report.FileUnreadable || f.Code == report.FileEncrypted || f.Code == report.FileTooLarge) {
			return data[:keptPrefix]
		}
	}
	return data
}

// withinQuota refuses n more bytes when they would take the sender's
// unit past UnitQuota for the period, or the period past PeriodQuota.
func (s *Server) withinQuota(r *http.Request, n int64) error {
	p, err := s.period(r)
	if err != nil {
		return err
	}
	period := p.String()
	if u, ok := r.Context().Value(unitKey{}).(*plan.Unit); ok {
		used, err := s.store.StorageUsed(u.ID, period)
		if err != nil {
			return s.logged(err)
		}
		if used+n > s.cfg.UnitQuota {
			return fmt.Errorf(msgUnitQuota, p.Name(), s.cfg.UnitQuota>>20)
		}
	}
	used, err := s.store.StorageUsed("", period)
	if err != nil {
		return s.logged(err)
	}
	if used+n > s.cfg.PeriodQuota {
		return fmt.Errorf(msgPeriodQuota, p.Name(), s.cfg.PeriodQuota>>20)
	}
	return nil
}

// logged keeps err in the log and returns the message a person is shown
// in its place.
func (s *Server) logged(err error) error {
	ref := s.log.Error("lỗi bên trong", err)
	return errors.New(msgInternal + " " + fmt.Sprintf(msgReference, ref))
}
