// Package pdf is de06's PDF adapter, built on codeberg.org/go-pdf/fpdf: it
// lays out the consolidated report as a Vietnamese administrative document
// (Decree 30/2020/NĐ-CP, Appendix I) with the plan's appendix table, then
// draws it. It never imports the excel adapter.
package pdf
