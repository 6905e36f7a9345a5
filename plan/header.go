package plan

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

// The report header is the officer's: de06 never decides which body a
// commune reports to. It only says when the header cannot be signed as it
// stands: until the officer has confirmed it, or while it names a body that
// no longer existed on the report's date (district police ended on 1 March
// 2025, the district level on 1 July 2025), the report is a draft.

// When district-level bodies ceased to exist.
var (
	DistrictPoliceEnded = vi.Day(2025, time.March, 1) // Công an cấp huyện
	DistrictsEnded      = vi.Day(2025, time.July, 1)  // chính quyền cấp huyện
)

// HeaderField names a field of the header, as the JSON does.
type HeaderField string

const (
	FieldParentAgency    HeaderField = "parent_agency"
	FieldIssuingAgency   HeaderField = "issuing_agency"
	FieldRecipients      HeaderField = "recipients"
	FieldDistribution    HeaderField = "distribution"
	FieldSignerAuthority HeaderField = "signer_authority"
	FieldSignerPosition  HeaderField = "signer_position"
)

// Label is the field as the plan workbook's "Thông tin chung" names it.
func (f HeaderField) Label() string { return headerFieldLabels[f] }

// DefunctBody is a body the header names that did not exist on a date.
type DefunctBody struct {
	Field HeaderField
	Index int    // the line of a list field (Kính gửi, Nơi nhận); 0 otherwise
	Text  string // the line as written
	Ended time.Time
	// Successors are what the line might say instead, the likeliest first:
	// the province's body, then the commune's.
	Successors []string
}

// reDistrict finds a district-level unit and its name in a body's name:
// "huyện Ngọc Lặc", "thị xã Bỉm Sơn", "quận Ba Đình". Matched with
// diacritics, so "cơ quan" is not "quận".
var reDistrict = regexp.MustCompile(`(?i)(^|\s)(huyện|quận|thị xã)\s+([^\s(;,.][^(;,]*?)\s*($|[(;,.])`)

// Defunct lists the bodies the header names that did not exist on day on:
// a district's police after 1 March 2025, any district body after 1 July
// 2025, each with the successors to suggest.
func (h Header) Defunct(on time.Time) []DefunctBody {
	var out []DefunctBody
	check := func(f HeaderField, i int, text string) {
		loc := reDistrict.FindStringSubmatchIndex(text)
		if loc == nil {
			return
		}
		police := strings.HasPrefix(vi.Fold(text), "cong an ")
		ended := DistrictsEnded
		if police {
			ended = DistrictPoliceEnded
		}
		if on.Before(ended) {
			return
		}
		before, after := text[:loc[4]], text[loc[7]:]
		var succ []string
		if police {
			succ = append(succ, strings.TrimSpace("Công an "+h.provinceOr())+after)
		} else {
			succ = append(succ, before+h.provinceOr()+after)
			if h.Place != "" {
				succ = append(succ, before+"xã "+h.Place+after)
			}
		}
		out = append(out, DefunctBody{Field: f, Index: i, Text: text, Ended: ended, Successors: succ})
	}
	check(FieldParentAgency, 0, h.ParentAgency)
	check(FieldIssuingAgency, 0, h.IssuingAgency)
	for i, r := range h.Recipients {
		check(FieldRecipients, i, r)
	}
	for i, d := range h.Distribution {
		check(FieldDistribution, i, d)
	}
	check(FieldSignerAuthority, 0, h.SignerAuthority)
	check(FieldSignerPosition, 0, h.SignerPosition)
	return out
}

// provinceOr is the header's province, or a placeholder to fill in.
func (h Header) provinceOr() string {
	if h.Province != "" {
		return h.Province
	}
	return wordProvinceUnknown
}

// Message says what is wrong with the line and what it might say instead.
func (d DefunctBody) Message() string {
	level := msgLevelDistrict
	if d.Ended.Equal(DistrictPoliceEnded) {
		level = msgLevelDistrictPolice
	}
	return fmt.Sprintf(msgDefunct, d.Field.Label(), d.Text, level, vi.FormatDate(d.Ended), strings.Join(quoteAll(d.Successors), msgOr))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "“" + s + "”"
	}
	return out
}

// DraftReasons says why a report dated on cannot go out under this header
// as it stands, one reason a line: the header is not confirmed, or it names
// a body that did not exist that day. None means a clean document; any
// means the document is marked "DỰ THẢO".
func (h Header) DraftReasons(on time.Time) []string {
	var out []string
	if !h.Confirmed {
		out = append(out, msgUnconfirmed)
	}
	for _, d := range h.Defunct(on) {
		out = append(out, d.Message())
	}
	return out
}

// DraftReasonsSigned is DraftReasons for a report signed by signer, or by
// the header's signer when signer is empty: a report without its signer's
// full name (Decree 30/2020) is a draft too, whatever the header says.
func (h Header) DraftReasonsSigned(on time.Time, signer string) []string {
	out := h.DraftReasons(on)
	if strings.TrimSpace(signer) == "" && strings.TrimSpace(h.SignerName) == "" {
		out = append(out, msgNoSigner)
	}
	return out
}
