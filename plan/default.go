package plan

import (
	"bytes"

	"github.com/caongoc/de06/assets"
)

// Default returns a fresh copy of the embedded plan (Kế hoạch 39/KH-UBND of
// UBND xã Cao Ngọc); callers may change it.
func Default() (*Plan, error) {
	return DecodeJSON(bytes.NewReader(assets.DefaultPlanJSON), "(kế hoạch mặc định)")
}
