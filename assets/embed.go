// Package assets holds the files de06 carries inside its binary: the
// default plan (Kế hoạch 39/KH-UBND of UBND xã Cao Ngọc) and the Liberation
// Serif fonts used by the PDF report. The fonts' SIL Open Font License is
// fonts/LICENSE-OFL.txt beside them; it goes into every release archive.
package assets

import _ "embed"

// DefaultPlanJSON is the embedded default plan, in the format that
// `de06 plan --format json` prints.
//
//go:embed plan-cao-ngoc-39.json
var DefaultPlanJSON []byte

// Liberation Serif 2.1.5 (OFL 1.1, see fonts/LICENSE-OFL.txt).
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	FontRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	FontBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	FontItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	FontBoldItalic []byte
)
