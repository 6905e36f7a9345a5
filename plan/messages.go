package plan

// Every text of this package that a person reads, in one place.
const (
	msgNoGroups       = "kế hoạch không có nhóm mô hình nào"
	msgGroupNoCode    = "nhóm %q thiếu mã nhóm (I, II, …)"
	msgModelNumber    = "mô hình %q thiếu số hiệu (số nguyên dương)"
	msgModelDuplicate = "mô hình %d xuất hiện hai lần"
	msgModelNoTitle   = "mô hình %d thiếu tên"
	msgModelNoLead    = "mô hình %d chưa có đơn vị chủ trì"
	msgLeadUnknown    = "mô hình %d: đơn vị chủ trì %q không có trong danh sách đơn vị (trang/khóa units) và không phải tên tập thể (collective)"
	msgUnitID         = "đơn vị %q (%s): mã đơn vị phải là chữ thường không dấu, nối bằng dấu gạch ngang, ví dụ tram-y-te"
	msgUnitDuplicate  = "mã đơn vị %q xuất hiện hai lần"
	msgNoReporters    = "kế hoạch không có đơn vị nào phải báo cáo (reports = true)"
	msgLevelUnknown   = "không hiểu cấp của kế hoạch %q; ghi %q (kế hoạch của xã) hoặc %q (kế hoạch của tỉnh)"

	msgDeadlineEmpty      = "thời gian hoàn thành để trống"
	msgDeadlineUnreadable = "không hiểu thời hạn %q; hãy viết theo một trong các dạng: 30/9/2024, Quý II/2024, Năm 2024, Giai đoạn 2023 - 2025, Thường xuyên, Theo tiến độ …"

	msgPeriodForm  = "kỳ báo cáo %q không hợp lệ; dùng dạng 2026-W48 (báo cáo tuần) hoặc 2026-11 (báo cáo tháng)"
	msgPeriodWeek  = "kỳ báo cáo %q không hợp lệ: năm %d có các tuần từ 1 đến %d; dùng dạng 2026-W48 (báo cáo tuần) hoặc 2026-11 (báo cáo tháng)"
	msgPeriodMonth = "kỳ báo cáo %q không hợp lệ: tháng phải từ 1 đến 12; dùng dạng 2026-W48 (báo cáo tuần) hoặc 2026-11 (báo cáo tháng)"
	msgPeriodLabel = "%s (từ ngày %s đến ngày %s)"
	msgWeekName    = "Tuần %d năm %d"
	msgMonthName   = "Tháng %d năm %d"
	msgWeekShort   = "tuần %d/%d"
	msgMonthShort  = "tháng %d/%d"

	msgJSONSyntax = "tệp kế hoạch %s: lỗi cú pháp JSON ở dòng %d, cột %d (thiếu hoặc thừa dấu phẩy, ngoặc, dấu nháy)"
	msgJSONType   = "tệp kế hoạch %s: trường %q phải là %s (dòng %d, cột %d)"
	msgJSONOther  = "tệp kế hoạch %s không phải JSON hợp lệ (có thể bị cắt cụt)"
	msgModelField = "mô hình %d, trường %s: %v"
	msgPlanErrors = "kế hoạch %s có lỗi:\n  - %s"
)

// levelWords are the levels as the plan workbook writes them (level.go).
var levelWords = map[Level]string{LevelCommune: "Xã", LevelProvince: "Tỉnh"}

// The report header (header.go).
const (
	msgDefunct             = "%s ghi “%s”, nhưng %s đã kết thúc hoạt động từ ngày %s; có thể sửa thành %s"
	msgLevelDistrict       = "cấp huyện"
	msgLevelDistrictPolice = "Công an cấp huyện"
	msgOr                  = " hoặc "
	msgUnconfirmed         = "thông tin văn bản (cơ quan chủ quản, cơ quan ban hành, Kính gửi, Nơi nhận, người ký) chưa được cán bộ xác nhận"
	msgNoSigner            = "chưa ghi họ tên người ký (Nghị định 30/2020 yêu cầu ghi họ tên người ký dưới chữ ký)"
	wordProvinceUnknown    = "tỉnh (thành phố) …"
)

var headerFieldLabels = map[HeaderField]string{
	FieldParentAgency: "Cơ quan chủ quản", FieldIssuingAgency: "Cơ quan ban hành báo cáo", FieldRecipients: "Kính gửi",
	FieldDistribution: "Nơi nhận", FieldSignerAuthority: "Thẩm quyền ký", FieldSignerPosition: "Chức vụ người ký",
}

// What changed between two plans (diff.go).
const (
	diffDocument     = "văn bản: %s của %s → %s của %s"
	diffUnitAdded    = "thêm đơn vị: %s"
	diffUnitRemoved  = "bỏ đơn vị: %s"
	diffUnitRenamed  = "đổi tên đơn vị: %s → %s"
	diffUnitReports  = "%s nay phải gửi báo cáo"
	diffUnitShort    = "%s, viết tắt: %s → %s"
	diffUnitStops    = "%s nay không phải gửi báo cáo"
	diffModelAdded   = "thêm mô hình %d: %s"
	diffModelRemoved = "bỏ mô hình %d: %s"
	diffModelField   = "mô hình %d, %s: %s → %s"
	diffTitle        = "tên"
	diffLead         = "chủ trì"
	diffCoordinate   = "phối hợp"
	diffSupport      = "đơn vị hỗ trợ"
	diffDeadline     = "thời gian hoàn thành"
	diffPlatforms    = "nền tảng"
	diffIndicator    = "chỉ tiêu"
	diffByLead       = " (theo đơn vị chủ trì)"
	diffNone         = "(không có)"
	diffHeaderField  = "văn bản báo cáo, %s: %s → %s"
	diffConfirmed    = "văn bản báo cáo: đã được xác nhận"
	diffUnconfirmed  = "văn bản báo cáo: bỏ xác nhận"
	diffPlace        = "Địa danh"
	diffSymbol       = "Ký hiệu"
	diffSignerName   = "Họ tên người ký"
	diffProvince     = "Tỉnh"
	diffLevel        = "cấp của kế hoạch: %s → %s"
)
