package report

// Column is a column of the consolidated table: the plan's appendix layout
// (TT | Mô hình | Phân công thực hiện: Chủ trì, Phối hợp, Đơn vị hỗ trợ |
// Thời gian hoàn thành | Nền tảng) followed by the progress columns. The
// workbook and the PDF both draw the table from these, each choosing its
// columns and widths, so that neither counts columns by number.
type Column string

const (
	ColTT         Column = "tt"
	ColModel      Column = "model"
	ColLead       Column = "lead"
	ColCoordinate Column = "coordinate"
	ColSupport    Column = "support"
	ColDeadline   Column = "deadline"
	ColPlatforms  Column = "platforms"
	ColStatus     Column = "status"
	ColProgress   Column = "progress"
	ColIndicator  Column = "indicator"
	ColResult     Column = "result"
	ColIssues     Column = "issues"   // difficulty and proposal in one, for narrow pages
	ColStanding   Column = "standing" // progress and indicator in one, labelled
	ColOverdue    Column = "overdue"
	ColChange     Column = "change"
)

// Title is the column's heading.
func (c Column) Title() string { return columnTitles[c] }

// Assignment reports whether the column sits under "Phân công thực hiện".
func (c Column) Assignment() bool { return c == ColLead || c == ColCoordinate || c == ColSupport }

// ChangeTitle heads the change column: the period compared with, when known.
func (c *Consolidation) ChangeTitle() string {
	if c.Previous.IsZero() {
		return ColChange.Title()
	}
	return colChangeSince + c.Previous.Name()
}
