package report

import (
	"encoding/json"
	"io"
)

// FileCounts counts the files used, not used (another file of the same
// unit was) and rejected.
func (c *Checked) FileCounts() (accepted, notUsed, rejected int) {
	for _, fr := range c.Files {
		switch {
		case fr.Accepted:
			accepted++
		case fr.UsedInstead != "":
			notUsed++
		default:
			rejected++
		}
	}
	return
}

type jsonFinding struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Model    int    `json:"model,omitempty"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

type jsonFile struct {
	Path        string        `json:"path"`
	Unit        *string       `json:"unit"`
	Period      *string       `json:"period"`
	Accepted    bool          `json:"accepted"`
	UsedInstead string        `json:"used_instead,omitempty"`
	Annotated   string        `json:"annotated,omitempty"`
	Findings    []jsonFinding `json:"findings"`
}

type jsonCheck struct {
	Period  string     `json:"period"`
	Files   []jsonFile `json:"files"`
	Summary struct {
		Files    int `json:"files"`
		Accepted int `json:"accepted"`
		NotUsed  int `json:"not_used"`
		Rejected int `json:"rejected"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	} `json:"summary"`
}

// WriteCheckJSON writes a check as one JSON document, the contract other
// programs read (de06 check --format json, the desk's upload answer);
// annotated gives each file's annotated copy, when one was written.
func WriteCheckJSON(w io.Writer, c *Checked, annotated map[*FileResult]string) error {
	out := jsonCheck{Period: c.Period.String(), Files: []jsonFile{}}
	for _, fr := range c.Files {
		jf := jsonFile{Path: fr.Sub.Path, Accepted: fr.Accepted, UsedInstead: fr.UsedInstead, Annotated: annotated[fr], Findings: []jsonFinding{}}
		if fr.Unit != nil {
			jf.Unit = &fr.Unit.ID
		}
		if !fr.Period.IsZero() {
			s := fr.Period.String()
			jf.Period = &s
		}
		fs := append([]Finding(nil), fr.Findings...)
		SortFindings(fs)
		for _, f := range fs {
			jf.Findings = append(jf.Findings, jsonFinding{string(f.Severity), string(f.Code), f.Sheet, f.Cell, f.Model, f.Message, f.Hint})
		}
		out.Files = append(out.Files, jf)
	}
	out.Summary.Files = len(c.Files)
	out.Summary.Accepted, out.Summary.NotUsed, out.Summary.Rejected = c.FileCounts()
	out.Summary.Errors, out.Summary.Warnings = Count(c.Findings())
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
