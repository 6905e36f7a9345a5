package report

import "time"

// Signed is the report a consolidation goes with: its number (0 when it is
// filled in by hand) and its date. The consolidated workbook records it, so
// that the level above can cite the commune's report and tell two of its
// workbooks for one period apart.
type Signed struct {
	Number int
	Date   time.Time
}
