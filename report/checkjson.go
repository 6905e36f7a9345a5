package report

import (
	"encoding/json"
	"fmt"
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

// CheckedFile is one file of a check JSON document read back: what the
// desk stored with an upload.
type CheckedFile struct {
	Path     string
	Unit     string // "" when the check knew no unit
	Period   string
	Accepted bool
	Findings []Finding
}

// ReadCheckJSON reads a document WriteCheckJSON wrote; the findings name
// file (the file's name as the person knows it).
func ReadCheckJSON(r io.Reader, file string) ([]CheckedFile, error) {
	var doc jsonCheck
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf(msgCheckJSON, err)
	}
	var out []CheckedFile
	for _, jf := range doc.Files {
		cf := CheckedFile{Path: jf.Path, Accepted: jf.Accepted}
		if jf.Unit != nil {
			cf.Unit = *jf.Unit
		}
		if jf.Period != nil {
			cf.Period = *jf.Period
		}
		for _, f := range jf.Findings {
			cf.Findings = append(cf.Findings, Finding{Severity: Severity(f.Severity), Code: Code(f.Code), File: file, Sheet: f.Sheet,
				Cell: f.Cell, Model: f.Model, Message: f.Message, Hint: f.Hint})
		}
		out = append(out, cf)
	}
	return out, nil
}
