package web

import (
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

// withinQuota refuses n more bytes for unit ("" for a file of no known
// unit) in period p when they would take the unit past UnitQuota (413), or
// the period past PeriodQuota (507: the desk's storage).
func (s *Server) withinQuota(unit string, p plan.Period, n int64) error {
	if unit != "" {
		used, err := s.store.StorageUsed(unit, p.String())
		if err != nil {
			return s.logged(err)
		}
		if used+n > s.cfg.UnitQuota {
			return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf(msgUnitQuota, p.Name(), size(s.cfg.UnitQuota)))
		}
	}
	used, err := s.store.StorageUsed("", p.String())
	if err != nil {
		return s.logged(err)
	}
	if used+n > s.cfg.PeriodQuota {
		return refuse(http.StatusInsufficientStorage, fmt.Sprintf(msgPeriodQuota, p.Name(), size(s.cfg.PeriodQuota)))
	}
	return nil
}
