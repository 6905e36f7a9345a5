package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// modelPoint is a model's state in one merged report.
type modelPoint struct {
	Number   int      `json:"n"`
	Status   string   `json:"s"`
	Progress *float64 `json:"p"`
}

// modelsJSON keeps each model's status and progress with a report.
func modelsJSON(cons *report.Consolidation) string {
	var ps []modelPoint
	for _, ms := range cons.Models {
		ps = append(ps, modelPoint{ms.Model.Number, ms.Status.Key(), ms.Progress})
	}
	b, _ := json.Marshal(ps)
	return string(b)
}

// trendRow is one model across the stored periods.
type trendRow struct {
	Number int
	Title  string
	Cells  []trendCell
	Chart  template.HTML
}

type trendCell struct {
	Status   string
	Label    string
	Progress string
}

// trends shows each model's status and progress across the periods that
// have a merged report (the latest merge of each), oldest first, with a
// small chart drawn on the server.
func (s *Server) trends(w http.ResponseWriter, r *http.Request) {
	reps, err := s.store.Reports("")
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	byPeriod := map[plan.Period][]modelPoint{}
	var periods []plan.Period
	for _, rep := range reps { // newest first: the first of a period wins
		p, err := plan.ParsePeriod(rep.Period)
		if _, seen := byPeriod[p]; err != nil || seen {
			continue
		}
		var ps []modelPoint
		json.Unmarshal([]byte(rep.Models), &ps)
		byPeriod[p] = ps
		periods = append(periods, p)
	}
	// In time order, weeks and months together, by the end of their window.
	slices.SortFunc(periods, func(a, b plan.Period) int { return a.End().Compare(b.End()) })
	if len(periods) > 12 {
		periods = periods[len(periods)-12:]
	}
	labels := map[string]string{}
	for _, st := range report.StatusesWithNone {
		labels[st.Key()] = st.String()
	}
	var rows []trendRow
	for _, m := range s.latest().Models() {
		row := trendRow{Number: m.Number, Title: report.ModelTitle(m)}
		var values []*float64
		for _, p := range periods {
			c := trendCell{Status: "none", Label: labels["none"]}
			var v *float64 // one value per period, so the chart's x is the period
			for _, pt := range byPeriod[p] {
				if pt.Number == m.Number {
					c.Status, c.Label, v = pt.Status, labels[pt.Status], pt.Progress
					if pt.Progress != nil {
						c.Progress = vi.FormatNumber(*pt.Progress) + "%"
					}
				}
			}
			values = append(values, v)
			row.Cells = append(row.Cells, c)
		}
		row.Chart = sparkline(values)
		rows = append(rows, row)
	}
	s.render(w, "trends.html", map[string]any{"Periods": periods, "Rows": rows})
}

// sparkline draws progress (0–100) over the periods as a small SVG.
func sparkline(values []*float64) template.HTML {
	const w, h = 120.0, 28.0
	if len(values) == 0 {
		return ""
	}
	var pts, dots []string
	for i, v := range values {
		if v == nil {
			continue
		}
		x := 4 + (w-8)*float64(i)/float64(max(1, len(values)-1))
		y := h - 3 - (h-6)**v/100
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		dots = append(dots, fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="2.5"/>`, x, y))
	}
	if len(pts) == 0 {
		return ""
	}
	// A baseline at 0 and a dot per period, so one period still shows.
	return template.HTML(fmt.Sprintf(`<svg class="spark" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="%s"><line x1="4" y1="%.0f" x2="%.0f" y2="%.0f"/><polyline points="%s"/>%s</svg>`,
		w, h, w, h, msgTrendChart, h-3, w-4, h-3, strings.Join(pts, " "), strings.Join(dots, "")))
}
