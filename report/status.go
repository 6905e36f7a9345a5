// Package report is the reporting domain: what a unit submits (Submission,
// Entry), what is wrong with it (Finding), how submissions are checked
// against the plan (Validate) and merged into the commune's report
// (Consolidate). It knows no file format.
package report

import (
	"strings"

	"github.com/caongoc/de06/internal/vi"
)

// Status is a model's state, in the words real reports use.
type Status int

const (
	StatusNone       Status = iota // no usable data: "Chưa có số liệu"
	StatusNotStarted               // Chưa triển khai
	StatusInProgress               // Đang triển khai
	StatusDone                     // Đã hoàn thành
	StatusRecurring                // Thực hiện thường xuyên
)

// Statuses lists the statuses a unit may choose, in drop-down order.
var Statuses = []Status{StatusNotStarted, StatusInProgress, StatusDone, StatusRecurring}

// String is the status as written in reports.
func (s Status) String() string {
	switch s {
	case StatusNotStarted:
		return "Chưa triển khai"
	case StatusInProgress:
		return "Đang triển khai"
	case StatusDone:
		return "Đã hoàn thành"
	case StatusRecurring:
		return "Thực hiện thường xuyên"
	}
	return "Chưa có số liệu"
}

// Meaning explains the status for the template's instructions.
func (s Status) Meaning() string {
	switch s {
	case StatusNotStarted:
		return "Chưa bắt đầu thực hiện mô hình trong kỳ này (tiến độ 0%)."
	case StatusInProgress:
		return "Đã bắt đầu nhưng chưa xong; ghi tiến độ ước tính từ 1% đến 99%."
	case StatusDone:
		return "Đã hoàn thành mô hình theo kế hoạch (tiến độ 100%)."
	case StatusRecurring:
		return "Mô hình đã đưa vào vận hành, duy trì thực hiện thường xuyên (dùng cho mô hình có thời hạn \"thường xuyên\")."
	}
	return ""
}

// Key is a stable ASCII name for data files and styles.
func (s Status) Key() string {
	switch s {
	case StatusNotStarted:
		return "notyet"
	case StatusInProgress:
		return "progress"
	case StatusDone:
		return "done"
	case StatusRecurring:
		return "recurring"
	}
	return "none"
}

// statusWords maps folded words people type to a status. A cell is matched
// whole first; failing that, the longest phrase it starts with wins, so
// "chưa hoàn thành (…)" is read as not started, not as done.
var statusWords = []struct {
	words  []string
	status Status
}{
	{[]string{"chua trien khai", "chua thuc hien", "chua bat dau", "chua lam", "chua hoan thanh", "chua xong", "chua", "ctk", "cth", "khong", "0"}, StatusNotStarted},
	{[]string{"thuc hien thuong xuyen", "thuong xuyen", "duy tri thuong xuyen", "duy tri", "dang van hanh", "txx", "tx", "thtx"}, StatusRecurring},
	{[]string{"dang trien khai", "dang thuc hien", "dang lam", "dang", "dtk", "dth", "trien khai", "thuc hien"}, StatusInProgress},
	{[]string{"da hoan thanh", "hoan thanh", "da xong", "xong", "hoan tat", "da thuc hien xong", "ht", "dht", "done"}, StatusDone},
}

// ParseStatus reads a status as people type it: any case, with or without
// diacritics, abbreviated ("HT"), or in other common words ("Đã xong",
// "đang thực hiện").
func ParseStatus(s string) (Status, bool) { return parseStatusKey(vi.Fold(s)) }

// statusKeys are the statuses' own words, folded.
var statusKeys = func() map[Status]string {
	m := map[Status]string{}
	for _, s := range append(Statuses, StatusNone) {
		m[s] = vi.Fold(s.String())
	}
	return m
}()

// parseStatusKey is ParseStatus of a folded text.
func parseStatusKey(k string) (Status, bool) {
	if k == "" {
		return StatusNone, false
	}
	for _, sw := range statusWords {
		for _, w := range sw.words {
			if k == w {
				return sw.status, true
			}
		}
	}
	// A known phrase followed by detail: "Đã hoàn thành (tháng 10)".
	best, bestLen := StatusNone, 0
	for _, sw := range statusWords {
		for _, w := range sw.words {
			if len(w) > 3 && len(w) > bestLen && strings.HasPrefix(k, w+" ") {
				best, bestLen = sw.status, len(w)
			}
		}
	}
	return best, bestLen > 0
}

// rank orders statuses by how far a model has come, to tell when a unit's
// report went backwards; done and routine are equally far.
func (s Status) rank() int {
	switch s {
	case StatusNotStarted:
		return 1
	case StatusInProgress:
		return 2
	case StatusDone, StatusRecurring:
		return 3
	}
	return 0
}
