package report

// Every text of this package that a person reads, in one place.
// msgCheckJSON reports a stored check that cannot be read back.
const msgCheckJSON = "kết quả kiểm tra đã lưu không đọc được: %v"

const (
	msgUnknownUnitID = "không có đơn vị mã %q trong kế hoạch"
	msgNoAssignments = "đơn vị %q không phải báo cáo mô hình nào"
	msgPlanName      = "Kế hoạch số %s của %s"
)

// Findings: messages say what is wrong, hints say how to fix it.
const (
	msgUnitMissing          = "không ghi tên đơn vị báo cáo"
	msgUnitUnknown          = "không nhận ra đơn vị %q"
	msgUnitFromMeta         = "tên đơn vị %q không khớp kế hoạch; chương trình dùng đơn vị ghi trong tệp mẫu: %s"
	msgUnitNoReport         = "%s không phải gửi báo cáo theo kế hoạch"
	msgDupIdentical         = "%s gửi hai tệp có nội dung giống hệt nhau; dùng tệp %s, tệp này không dùng"
	msgDupLaterDate         = "%s đã gửi tệp khác cho kỳ này: dùng tệp %s vì ngày báo cáo muộn hơn (%s, tệp này ghi %s); tệp này không dùng"
	msgDupNoDate            = "%s đã gửi tệp khác cho kỳ này: dùng tệp %s vì có ngày báo cáo (%s), tệp này không ghi ngày; tệp này không dùng"
	msgDupLaterSaved        = "%s đã gửi tệp khác cho kỳ này, cùng ngày báo cáo (%s): dùng tệp %s vì được lưu sau (lúc %s; tệp này lưu lúc %s); tệp này không dùng"
	msgDupUndecided         = "%s gửi hai tệp khác nhau, cùng ngày báo cáo, cùng thời điểm lưu: không biết tệp nào mới hơn; tạm dùng tệp %s"
	msgNoDate               = "không ghi ngày"
	msgPeriodMissing        = "không ghi kỳ báo cáo"
	msgPeriodUnreadable     = "không đọc được kỳ báo cáo %q"
	msgPeriodFromMeta       = "không đọc được kỳ báo cáo %q; chương trình dùng kỳ ghi trong tệp mẫu: %s"
	msgPeriodMismatch       = "tệp báo cáo %s, không phải kỳ đang tổng hợp: %s"
	msgWeekForMonth         = "tệp báo cáo %s được dùng cho báo cáo %s (tuần nằm trong kỳ tháng)"
	msgDateMissing          = "chưa ghi ngày báo cáo"
	msgDateInvalid          = "ngày báo cáo %q không đúng dạng ngày/tháng/năm"
	msgDateOutside          = "ngày báo cáo %s nằm ngoài kỳ %s"
	msgModelUnknownNum      = "kế hoạch không có mô hình %d"
	msgModelUnknown         = "không nhận ra mô hình ở dòng này (%q)"
	msgModelDuplicate       = "mô hình %d được báo cáo hai lần (đã có ở dòng %d); dòng này bị bỏ qua"
	msgModelNotAssigned     = "mô hình %d không thuộc các mô hình %s phải báo cáo; vẫn được tổng hợp"
	msgModelMissing         = "thiếu dòng báo cáo mô hình %d (%s)"
	msgStatusMissing        = "mô hình %d: chưa chọn tình trạng"
	msgStatusInvalid        = "tình trạng %q của mô hình %d không hợp lệ"
	msgStatusRead           = "tình trạng %q được hiểu là \"%s\""
	msgProgressNaN          = "tiến độ %q của mô hình %d không phải là số"
	msgProgressRange        = "tiến độ %s%% của mô hình %d phải từ 0 đến 100"
	msgProgressFraction     = "tiến độ của mô hình %d ghi %s, đã hiểu là %s%%"
	msgDoneBelow            = "mô hình %d ghi \"Đã hoàn thành\" nhưng tiến độ chỉ %s%%"
	msgFullNotDone          = "mô hình %d có tiến độ 100%% nhưng tình trạng là \"%s\""
	msgIndicatorNone        = "mô hình %d không có chỉ tiêu; số liệu ở cột Đạt/Tổng số được bỏ qua"
	msgIndicatorNaN         = "%s %q của mô hình %d không phải là số"
	msgIndicatorNeg         = "%s %s của mô hình %d là số âm"
	msgIndicatorOver        = "số đạt %s lớn hơn tổng số %s (mô hình %d)"
	msgIndicatorOverFixed   = "mô hình %d: các đơn vị báo cáo tổng cộng %s, vượt quá %s %s của kế hoạch (%s)"
	hintIndicatorOverFixed  = "mỗi đơn vị chỉ ghi phần của mình; đề nghị đơn vị ghi cả phần của đơn vị khác sửa lại"
	msgDoneModelBelowTarget = "mô hình %d được các đơn vị ghi đã hoàn thành nhưng chỉ tiêu mới đạt %s; báo cáo tính mô hình là đang triển khai"
	msgIndicatorLeadOnly    = "chỉ tiêu của mô hình %d do %s báo cáo; số liệu ở ô này không được cộng"
	msgIndicatorNoTotal     = "mô hình %d: chỉ tiêu tính theo tỷ lệ, cần ghi cả tổng số để tính %%"
	msgNothingFilled        = "tệp chưa được điền: mọi dòng mô hình đều trống"
	wordAchieved            = "số đạt"
	wordTotal               = "tổng số"

	msgNotStartedProgress = "mô hình %d ghi \"Chưa triển khai\" nhưng có tiến độ %s%%"
	msgNotStartedAchieved = "mô hình %d ghi \"Chưa triển khai\" nhưng đã có kết quả chỉ tiêu: đạt %s"
	msgDoneBelowTarget    = "mô hình %d ghi \"Đã hoàn thành\" nhưng chỉ tiêu mới đạt %s/%s (%s%%), chưa đạt mức %s%% của kế hoạch"
	msgDateFuture         = "ngày báo cáo %s là ngày trong tương lai (hôm nay là %s)"
	hintDoneBelowTarget   = "chọn \"Đang triển khai\" cho đến khi đạt chỉ tiêu, hoặc kiểm tra lại số liệu"

	hintUnitName         = "ghi đúng tên đơn vị như trong tệp mẫu"
	hintUnitUnknown      = "ghi tên đơn vị như trong kế hoạch, ví dụ: %s"
	hintUnitDuplicate    = "mỗi đơn vị chỉ giữ một tệp trong thư mục: xóa tệp không đúng"
	hintPeriodForm       = "ghi kỳ theo dạng 2026-W48 (tuần) hoặc 2026-11 (tháng), hoặc dùng tệp mẫu của kỳ này"
	hintPeriodMismatch   = "dùng tệp mẫu báo cáo %s"
	hintWeekForMonth     = "nếu đơn vị có số liệu cả tháng, gửi báo cáo tháng để thay"
	hintDate             = "ghi ngày theo dạng ngày/tháng/năm, ví dụ %s"
	hintDateBare         = "ghi ngày theo dạng ngày/tháng/năm"
	hintModelDuplicate   = "xóa dòng thừa, mỗi mô hình chỉ một dòng"
	hintModelNotAssigned = "kiểm tra lại; nếu đúng thì không cần sửa"
	hintModelMissing     = "dùng lại tệp mẫu, không xóa dòng mô hình"
	hintModelUnknown     = "giữ nguyên cột Mô hình của tệp mẫu (\"Mô hình N: …\")"
	hintStatus           = "chọn một trong: Chưa triển khai, Đang triển khai, Đã hoàn thành, Thực hiện thường xuyên"
	hintProgress         = "ghi số nguyên từ 0 đến 100, ví dụ 80"
	hintMismatch         = "kiểm tra lại tình trạng và tiến độ cho khớp nhau"
	hintNothingFilled    = "điền tình trạng, tiến độ, kết quả cho từng mô hình rồi gửi lại"
	hintIndicator        = "ghi một số không âm, chỉ gồm chữ số (ví dụ 1250)"
	hintIndicatorOver    = "kiểm tra lại hai số: số đạt không lớn hơn tổng số"
	hintIndicatorNoTotal = "ghi tổng số ở cột \"Tổng số\""
)

// Consolidation.
const (
	msgNotSubmitted          = "%s chưa gửi báo cáo kỳ này"
	msgNotSubmittedRejected  = "%s có gửi báo cáo nhưng tệp bị loại (%s)"
	hintNotSubmitted         = "nhắc đơn vị gửi báo cáo (hoặc gửi lại tệp đúng)"
	msgOverdue               = "mô hình %d quá hạn: thời hạn \"%s\" (đến %s), tình trạng hiện nay: %s"
	hintOverdue              = "đôn đốc đơn vị chủ trì hoàn thành hoặc đề xuất điều chỉnh thời hạn"
	msgPreviousNotEarlier    = "bảng tổng hợp đưa vào --previous là của %s, không phải kỳ trước của %s; chọn bảng tổng hợp của một kỳ trước đó"
	msgPreviousNotPreceding  = "so sánh với %s, không phải kỳ liền trước của %s (%s)"
	hintPreviousNotPreceding = "nếu muốn so với kỳ liền trước, dùng bảng tổng hợp của kỳ đó"
	msgStatusBackwards       = "mô hình %d ghi \"%s\", trong khi %s đã ghi \"%s\""
	msgProgressDropped       = "tiến độ mô hình %d giảm: %s%% ở %s, nay %s%%"
	msgUnchanged             = "mô hình %d: số liệu gửi giống hệt số liệu %s điền sẵn trong tệp mẫu, trong khi thời hạn \"%s\" đã qua"
	msgUnchangedPrevious     = "mô hình %d: số liệu gửi giống hệt báo cáo %s, trong khi thời hạn \"%s\" đã qua"
	msgNotUpdated            = "tệp gửi lại nguyên số liệu kỳ trước (%s) điền sẵn trong tệp mẫu, chưa cập nhật, chưa ghi ngày báo cáo; không được tổng hợp"
	hintNotUpdated           = "cập nhật số liệu kỳ này và ghi ngày báo cáo (ví dụ %s) rồi gửi lại"
	msgNoChange              = "mọi số liệu gửi giống hệt số liệu %s điền sẵn trong tệp mẫu: đơn vị báo kỳ này không có thay đổi; vẫn được tổng hợp"
	hintNoChange             = "nếu có thay đổi, đề nghị đơn vị cập nhật và gửi lại; nếu đúng là không thay đổi thì không cần sửa"
	hintUnchanged            = "cập nhật tình trạng, tiến độ, kết quả của kỳ này; nếu thật sự không có gì thay đổi, ghi rõ lý do ở cột Khó khăn"
	hintBackwards            = "kiểm tra lại; nếu đúng là lùi lại thì ghi rõ lý do ở cột Khó khăn"
	msgCellTextCut           = "ô %s của mô hình %d dài %d ký tự; một ô Excel chỉ giữ %d ký tự nên bảng tổng hợp, tệp mẫu kỳ sau và biểu mẫu điền trực tiếp chỉ còn phần đầu"
	hintCellTextCut          = "viết gọn lại cho vừa một ô; tài liệu dài xin gửi riêng cho nơi nhận báo cáo"
	msgTextTooLong           = "%s của mô hình %d dài %d ký tự; bảng Tổng hợp và báo cáo PDF chỉ in phần đầu, toàn văn trong tệp của đơn vị"
	hintTextTooLong          = "đề nghị đơn vị viết gọn, chỉ nêu kết quả chính của kỳ"
	msgInWeek                = "trong %s"
	msgTextCut               = " … [còn %d ký tự, xem tệp của đơn vị]"
	msgOtherUnits            = "Các đơn vị khác"
	msgTextsOmitted          = "còn %02d ý kiến, toàn văn trong tệp của các đơn vị"
	msgDocumentDate          = "ngày ký báo cáo %s nằm ngoài khoảng hợp lý của %s (từ %s đến %s)"
	hintDocumentDate         = "kiểm tra lại ngày ký; nếu đúng thì không cần sửa"
	msgDocumentEarly         = "ngày ký báo cáo %s trước ngày kết thúc %s (%s): số liệu chưa đủ cả kỳ"
	hintDocumentEarly        = "ký báo cáo từ ngày %s, khi các đơn vị đã có số liệu cả kỳ; nếu cần báo cáo sớm thì ghi rõ số liệu tính đến ngày ký"
	hintDocumentDistrict     = "sửa phần thông tin văn bản (trang \"Thông tin chung\" của kế hoạch); đến khi sửa, báo cáo in chữ DỰ THẢO"
	msgDocumentUnconfirmed   = "thông tin văn bản (cơ quan chủ quản, cơ quan ban hành, Kính gửi, Nơi nhận, người ký) lấy từ kế hoạch, chưa được cán bộ xác nhận; báo cáo in chữ DỰ THẢO"
	hintDocumentUnconfirmed  = "xem lại phần thông tin văn bản (trang \"Thông tin chung\" của kế hoạch), sửa nếu cần rồi xác nhận"
	wordResult               = "Kết quả"
	wordDifficulty           = "Khó khăn"
	wordProposal             = "Đề xuất"
	wordTasks                = "Nhiệm vụ kỳ tới"
	msgChangeStatus          = "%s → %s"
	msgChangeUp              = "tiến độ tăng %s điểm %%"
	msgChangeDown            = "tiến độ giảm %s điểm %%"
	msgChangeNone            = "không đổi"
	msgGeneral               = "(tổng hợp)"
)

// The consolidated table's headings.
var columnTitles = map[Column]string{
	ColTT: "TT", ColModel: "Mô hình", ColLead: "Chủ trì", ColCoordinate: "Phối hợp", ColSupport: "Đơn vị hỗ trợ",
	ColDeadline: "Thời gian hoàn thành", ColPlatforms: "Nền tảng", ColStatus: "Tình trạng", ColProgress: "Tiến độ tự đánh giá (%)",
	ColIndicator: "Chỉ tiêu (đạt/tổng, %)", ColResult: "Kết quả thực hiện",
	ColIssues: "Khó khăn, đề xuất", ColStanding: "Tiến độ, chỉ tiêu", ColOverdue: "Quá hạn", ColChange: "Thay đổi so với kỳ trước",
}

// AssignmentTitle heads the three columns of who carries a model out.
const AssignmentTitle = "Phân công thực hiện"

const colChangeSince = "Thay đổi so với "

// codeLabels name each kind of finding for a person: the "Kiểm tra" sheet
// shows them, and the code only in its last column.
var codeLabels = map[Code]string{
	FileUnreadable: "Tệp không đọc được", FileEncrypted: "Tệp có mật khẩu", FileLegacyXLS: "Tệp Excel cũ (.xls)",
	FileODS: "Tệp LibreOffice (.ods)", FileTooLarge: "Tệp quá lớn hoặc bất thường", FileNotTemplate: "Không phải tệp mẫu báo cáo",
	SheetExtra: "Trang thừa", UnitUnknown: "Không rõ đơn vị", UnitNotReporting: "Đơn vị không phải báo cáo",
	UnitDuplicate: "Đơn vị gửi nhiều tệp", UnitNotSubmitted: "Đơn vị chưa gửi báo cáo", UnitOther: "Tệp của đơn vị khác", PeriodNotOpen: "Kỳ chưa nhận báo cáo", PeriodMissing: "Thiếu kỳ báo cáo",
	PeriodMismatch: "Sai kỳ báo cáo", WeekForMonth: "Dùng báo cáo tuần cho tháng", DateMissing: "Thiếu ngày báo cáo", DateInvalid: "Ngày báo cáo sai dạng",
	DateOutside: "Ngày báo cáo ngoài kỳ", DateFuture: "Ngày báo cáo ở tương lai", ModelUnknown: "Không rõ mô hình",
	ModelMissing: "Thiếu dòng mô hình", ModelDuplicate: "Mô hình báo cáo hai lần", ModelNotAssigned: "Mô hình không được giao",
	ModelOverdue: "Mô hình quá hạn", StatusMissing: "Chưa chọn tình trạng", StatusInvalid: "Tình trạng không hợp lệ",
	ProgressInvalid: "Tiến độ không hợp lệ", ProgressMismatch: "Tình trạng và tiến độ không khớp",
	IndicatorInvalid: "Chỉ tiêu không hợp lệ", IndicatorNotApplied: "Mô hình không có chỉ tiêu",
	IndicatorMismatch: "Tình trạng và chỉ tiêu không khớp", ProgressBackwards: "Lùi so với kỳ trước",
	PreviousNotPreceding: "Không so với kỳ liền trước", TextLegacy: "Chữ gõ bằng bảng mã cũ", TextTooLong: "Nội dung quá dài",
	DocumentDate: "Ngày ký báo cáo", DocumentDistrict: "Cơ quan không còn hoạt động", DocumentUnconfirmed: "Văn bản chưa xác nhận",
	ReportUnchanged: "Số liệu không đổi so với kỳ trước", ReportNotUpdated: "Gửi lại số liệu kỳ trước, chưa cập nhật",
	FileNotConsolidated: "Không phải bảng tổng hợp của xã", ConsolidationErrors: "Bảng tổng hợp của xã còn lỗi",
	IndicatorNotComparable: "Chỉ tiêu khác nghĩa, không cộng", DocumentBlankHeader: "Phần đầu văn bản để trống",
}

// Cells of the consolidated table (cells.go).
const (
	cellModel       = "Mô hình %d: %s"
	cellNotReported = "Chưa báo cáo: %s"
	cellReturned    = "Có lỗi, cần sửa và gửi lại: %s"
	cellFixing      = "Có lỗi, cần lập lại: %s"
	cellProposes    = "%s đề nghị %s."
	cellFrom        = "%s (báo cáo %s)"
	cellClaimedDone = "đơn vị báo đã hoàn thành; chỉ tiêu đạt %s"
	// phraseClaimedDone is the same within a sentence.
	phraseClaimedDone = "đơn vị báo đã hoàn thành nhưng chỉ tiêu mới đạt %s"
	rowNotReported    = "Chưa báo cáo"
	rowReturned       = "Có lỗi, cần sửa và gửi lại"
	rowFixing         = "Có lỗi, cần lập lại"
	cellProgress      = "Tiến độ tự đánh giá: %s"
	cellIndicator     = "Chỉ tiêu: %s"
	cellUnassessed    = "chưa đủ số liệu để đánh giá (mới có số liệu của %02d/%02d đơn vị: %s)"
	cellOverTarget    = "đạt %s, vượt chỉ tiêu (%s)"
	cellAtTarget      = "đạt %s, bằng chỉ tiêu"
	cellRoleLead      = "Chủ trì"
	cellRoleShared    = "Cùng thực hiện (mọi đơn vị)"
)

// OverdueMark follows the status of an overdue model in tables.
const OverdueMark = "(quá hạn)"

// cellNoteOverdue is the note and the overdue mark in one parenthesis.
const (
	overdueClose    = "; quá hạn)"
	cellNoteOverdue = "(%s" + overdueClose
)

// pointers are words by which a text points back to something said before
// it (RefersBack).
var pointers = []string{" này", "nói trên", "kể trên", "trên đây", " đó "}
