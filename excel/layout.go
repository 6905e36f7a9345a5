package excel

// The layout of a unit's report sheet, shared by the template writer and the
// reader: the reader finds the same fields by their labels, so a column moved
// or a row inserted by hand is still read.

type field int

const (
	fTT field = iota
	fModel
	fRole
	fDeadline
	fStatus
	fProgress
	fIndicator
	fAchieved
	fTotal
	fResult
	fDifficulty
	fProposal
	fTasks // the last: findTable counts fields up to it
)

type column struct {
	field field
	title string
	width float64
	// match holds folded header words the reader accepts for this column.
	match []string
}

// The widths add up to what A4 landscape holds at 80 %: the clerk types in
// tall rows rather than wide ones.
var reportColumns = []column{
	{fTT, "TT", 4, []string{"stt", "tt", "so tt"}},
	{fModel, "Mô hình", 26, []string{"mo hinh", "ten mo hinh"}},
	{fRole, "Vai trò", 10, []string{"vai tro"}},
	{fDeadline, "Thời hạn hoàn thành", 12, []string{"thoi han hoan thanh", "thoi han", "thoi gian hoan thanh"}},
	{fStatus, "Tình trạng", 14, []string{"tinh trang", "trang thai"}},
	{fProgress, "Tiến độ (%)", 7, []string{"tien do", "tien do %", "ti le", "tien do phan tram"}},
	{fIndicator, "Chỉ tiêu", 14, []string{"chi tieu"}},
	{fAchieved, "Đạt", 7, []string{"dat", "so dat", "chi tieu dat", "ket qua dat"}},
	{fTotal, "Tổng số", 7, []string{"tong so", "tong"}},
	{fResult, "Kết quả thực hiện", 26, []string{"ket qua thuc hien", "ket qua"}},
	{fDifficulty, "Khó khăn, vướng mắc", 14, []string{"kho khan vuong mac", "kho khan"}},
	{fProposal, "Đề xuất, kiến nghị", 14, []string{"de xuat kien nghi", "de xuat", "kien nghi"}},
	{fTasks, "Nhiệm vụ kỳ tới", 14, []string{"nhiem vu ky toi", "nhiem vu", "phuong huong nhiem vu", "phuong huong"}},
}

// columnOf is a field's 1-based column in the templates de06 writes.
func columnOf(fl field) int {
	for i, c := range reportColumns {
		if c.field == fl {
			return i + 1
		}
	}
	panic("excel: no column for field") // reportColumns lists every field
}

// Header block labels, matched folded and by prefix.
const (
	lblUnit     = "Đơn vị báo cáo:"
	lblPeriod   = "Kỳ báo cáo:"
	lblDate     = "Ngày báo cáo:"
	lblReporter = "Người báo cáo:"
	lblPhone    = "Số điện thoại:"
)

// Fixed positions in the templates de06 writes. The reader does not rely on
// them: they only place things when writing.
const (
	rowTitle      = 1
	rowSubtitle   = 2
	rowUnit       = 4
	rowPeriod     = 5
	rowDate       = 6
	rowReporter   = 7
	rowPhone      = 8
	rowPrefilled  = 9 // what a pre-filled template says about its values
	rowTableHead  = 10
	rowFirstModel = 11
	colHdrLabel   = 2 // B
	colHdrValue   = 3 // C
)

// Hidden sheets.
const (
	sheetMeta  = "_de06"
	sheetLists = "DanhMuc"
)

// Metadata keys, in custom document properties (prefixed "de06.") and on the
// hidden sheet.
const (
	metaVersion = "template_version"
	metaPlan    = "plan_id"
	metaUnit    = "unit_id"
	metaPeriod  = "period"
)
