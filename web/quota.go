package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// Storage quotas: no link, however used, fills the officer's disk.

// keptPrefix is how much of a file that could not be read at all is
// kept: enough to see what it was. Its record, name, size and hash are
// kept whole.
const keptPrefix = 64 << 10

// kept is what the desk stores of a checked file's bytes: all of it, or
// only its start when nothing can be done with it but see that it came:
// the reader could not open it as a workbook (random bytes, a file with a
// password, a zip bomb), or it is no report template and has not one row
// of a report (any workbook padded with megabytes). Its findings are kept
// whole.
func kept(fr *report.FileResult, data []byte) []byte {
	if fr.Accepted || len(data) <= keptPrefix {
		return data
	}
	noRows := fr.Sub == nil || len(fr.Sub.Rows) == 0
	for _, f := range fr.Findings {
		if f.Severity != report.Error || f.Sheet != "" || f.Cell != "" {
			continue
		}
		switch f.Code {
		case report.FileUnreadable, report.FileEncrypted, report.FileTooLarge:
			return data[:keptPrefix]
		case report.FileNotTemplate:
			if noRows {
				return data[:keptPrefix]
			}
		}
	}
	return data
}

// quota is the store's bounds from the desk's settings.
func (s *Server) quota() store.Quota {
	return store.Quota{UnitPeriod: s.cfg.UnitQuota, Unit: s.cfg.UnitTotalQuota, Period: s.cfg.PeriodQuota, Desk: s.cfg.DeskQuota}
}

// quotaRefusal turns a write the store refused for its quota into what the
// sender reads: a unit's bound 413, the desk's storage 507; what names the
// thing not kept (a file, a draft). Any other error is logged.
func (s *Server) quotaRefusal(err error, p plan.Period, what string) error {
	var qe *store.QuotaError
	if !errors.As(err, &qe) {
		return s.logged(err)
	}
	switch qe.Kind {
	case store.QuotaUnitPeriod:
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf(msgUnitQuota, p.Name(), size(qe.Max), what))
	case store.QuotaUnit:
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf(msgUnitTotalQuota, size(qe.Max), what))
	case store.QuotaPeriod:
		return refuse(http.StatusInsufficientStorage, fmt.Sprintf(msgPeriodQuota, p.Name(), size(qe.Max), what))
	}
	return refuse(http.StatusInsufficientStorage, fmt.Sprintf(msgDeskQuota, size(qe.Max), what))
}
