package plan

import (
	"bytes"

	"de06/templates"
)

// Default returns a fresh copy of the embedded plan (Kế hoạch 39/KH-UBND of
// UBND xã Cao Ngọc); callers may change it.
func Default() (*Plan, error) {
	return DecodeJSON(bytes.NewReader(templates.DefaultPlanJSON), "(kế hoạch mặc định)")
}
