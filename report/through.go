package report

import "time"

// DataThrough is the last day the report's figures cover when it is signed
// before its period ends: the signing day, or the end of the latest period
// the used files are of (a month made of one week: that week's last day),
// whichever comes first. ok is false for a report signed once its period
// is over, or not yet dated.
func (c *Consolidation) DataThrough() (day time.Time, ok bool) {
	d := c.Signed.Date
	if d.IsZero() || !d.Before(c.Period.End()) {
		return time.Time{}, false
	}
	notReported := map[string]bool{}
	for _, u := range c.NotReported {
		notReported[u.ID] = true
	}
	var last time.Time
	for _, u := range c.Expected {
		if notReported[u.ID] {
			continue
		}
		p := c.Period
		if s, ok := c.Sources[u.ID]; ok {
			p = s
		}
		if p.End().After(last) {
			last = p.End()
		}
	}
	if !last.IsZero() && last.Before(d) {
		d = last
	}
	return d, true
}
