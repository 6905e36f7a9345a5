package excel

import (
	"fmt"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Every text of this package that a person reads, in one place.

// Plan workbook.
const (
	sheetPlan   = "Kế hoạch"
	sheetUnits  = "Đơn vị"
	sheetHeader = "Thông tin chung"

	colTT           = "TT"
	colNumber       = "Số mô hình"
	colTitle        = "Mô hình"
	colFullTitle    = "Tên đầy đủ"
	colObjective    = "Mục tiêu"
	colTasks        = "Nhiệm vụ"
	colLead         = "Chủ trì"
	colCoordinate   = "Phối hợp"
	colSupport      = "Đơn vị hỗ trợ"
	colDeadline     = "Thời gian hoàn thành"
	colPlatforms    = "Nền tảng"
	colIndName      = "Chỉ tiêu"
	colIndUnit      = "Đơn vị tính"
	colIndTarget    = "Mức chỉ tiêu"
	colIndCounted   = "Đối tượng đếm (chỉ tiêu %)"
	colIndCombine   = "Cách cộng chỉ tiêu"
	colIndFixed     = "Tổng cố định"
	wordCombineSum  = "Cộng các đơn vị"
	wordCombineLead = "Chỉ đơn vị chủ trì"
	colNote         = "Ghi chú"
	colLocation     = "Địa điểm"
	colUnitID       = "Mã đơn vị"
	colUnitName     = "Tên đơn vị"
	colUnitAliases  = "Tên gọi khác (mỗi tên một dòng)"
	colUnitReports  = "Phải báo cáo"
	colUnitShort    = "Viết tắt (in ở phụ lục)"
	colField        = "Mục"
	colValue        = "Nội dung (danh sách: mỗi mục một dòng)"
	wordYes         = "Có"
	wordNo          = "Không"

	hdrPlanID       = "Mã kế hoạch"
	hdrLevel        = "Cấp của kế hoạch (Xã/Tỉnh)"
	hdrIssuer       = "Cơ quan ban hành kế hoạch"
	hdrNumber       = "Số kế hoạch"
	hdrDate         = "Ngày ban hành"
	hdrTitle        = "Tên kế hoạch"
	hdrStanding     = "Cơ quan thường trực"
	hdrParent       = "Cơ quan chủ quản (báo cáo)"
	hdrIssuing      = "Cơ quan ban hành báo cáo"
	hdrPlace        = "Địa danh"
	hdrSymbol       = "Ký hiệu báo cáo"
	hdrRecipients   = "Kính gửi"
	hdrDistribution = "Nơi nhận"
	hdrAuthority    = "Thẩm quyền ký (KT., TM., …)"
	hdrPosition     = "Chức vụ người ký"
	hdrSignerName   = "Họ tên người ký"
	hdrCollective   = "Tên chủ trì chung (mọi đơn vị báo cáo)"
	hdrProvince     = "Tỉnh (thành phố) của xã"
	hdrConfirmed    = "Cán bộ đã xác nhận thông tin văn bản (Có/Không)"

	msgPlanNotWorkbook  = "tệp kế hoạch %s không phải tệp Excel đọc được"
	msgPlanNoSheet      = "tệp kế hoạch %s không có trang %q"
	msgPlanNoSheetShort = "thiếu trang %q"
	msgPlanNoHeader     = "tệp kế hoạch %s, trang %q: không tìm thấy dòng tiêu đề có cột %q"
	msgPlanModelNoGroup = "trang %q, dòng %d: mô hình đứng trước mọi dòng nhóm (I, II, …)"
	msgPlanBadCell      = "trang %q, ô %s (%s): giá trị %q không hợp lệ"
	msgPlanErrorsIn     = "tệp kế hoạch %s có lỗi:\n  - %s"
)

// Unit template.
const (
	sheetReport    = "Báo cáo"
	sheetGuide     = "Hướng dẫn"
	tplTitle       = "BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC MÔ HÌNH ĐỀ ÁN 06"
	tplSubtitle    = "(Thực hiện %s)"
	tplTarget      = "%s: %s"
	tplNoTarget    = "—"
	tplLeadReports = "Do đơn vị chủ trì báo cáo"
	tplDateHint    = "(ngày/tháng/năm)"
	tplInputHint   = "Chỉ điền vào các ô màu vàng. Các ô màu trắng, xám đã khóa."
	tplPrefilled   = "Các ô màu vàng đã điền sẵn số liệu đơn vị báo cáo %s. Sửa lại theo tình hình kỳ này trước khi gửi; mô hình đã quá thời hạn mà số liệu để nguyên như kỳ trước sẽ bị cảnh báo."
	tplStatusErrT  = "Tình trạng không hợp lệ"
	tplStatusErr   = "Hãy chọn một tình trạng trong danh sách: Chưa triển khai, Đang triển khai, Đã hoàn thành, Thực hiện thường xuyên."
	tplStatusPT    = "Tình trạng"
	tplStatusP     = "Bấm vào mũi tên để chọn tình trạng thực hiện mô hình."
	tplPctErrT     = "Tiến độ không hợp lệ"
	tplPctErr      = "Tiến độ là số nguyên từ 0 đến 100 (phần trăm), ví dụ 80."
	tplNumErrT     = "Số không hợp lệ"
	tplNumErr      = "Hãy nhập một số không âm, ví dụ 12."
	tplDateErrT    = "Ngày không hợp lệ"
	tplDateErr     = "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ %s."
	tplMetaNote    = "Trang này do chương trình de06 dùng để nhận biết tệp. Xin đừng sửa."
)

// guideLines is the "Hướng dẫn" sheet, one paragraph a row: for unit, the
// period's label and report day (also the date's example), the standing
// agency. The hour units send by is plan.DeadlineHour, as the desk and the
// link slips say.
var guideTitle = "HƯỚNG DẪN ĐIỀN BÁO CÁO"

// guideStatuses marks where the writer lists the statuses and their meaning.
const guideStatuses = "\x00statuses"

func guideLines(unit, period, reportDay, agency string) []string {
	return []string{
		"Tệp này dành cho: " + unit + ".",
		"Kỳ báo cáo: " + period + ".",
		"",
		"1. Chỉ điền vào các ô màu vàng trên trang \"Báo cáo\". Các ô khác đã khóa để giữ đúng mẫu; không cần mật khẩu để mở.",
		"2. Ngày báo cáo: ghi theo dạng ngày/tháng/năm (ví dụ " + reportDay + "). Ghi họ tên và số điện thoại người báo cáo để " + agency + " liên hệ khi cần.",
		"3. Mỗi dòng là một mô hình đơn vị phải báo cáo. Không xóa, không thêm, không đổi thứ tự dòng. Mô hình không có việc gì trong kỳ: vẫn chọn tình trạng và ghi \"Không phát sinh\" ở cột Kết quả.",
		"4. Tình trạng: bấm vào ô, chọn trong danh sách:",
		guideStatuses,
		"   Quá hạn không phải chọn: chương trình tự tính theo thời hạn của kế hoạch.",
		"5. Tiến độ (%): số nguyên từ 0 đến 100, không cần gõ dấu %. Đã hoàn thành là 100; Chưa triển khai là 0.",
		"6. Chỉ tiêu: mô hình có chỉ tiêu thì ghi số đã đạt ở cột \"Đạt\". Chỉ tiêu tính theo tỷ lệ % thì ghi thêm tổng số ở cột \"Tổng số\" (ví dụ: 1.250 người đủ điều kiện có tài khoản VNeID trên tổng số 1.400 người đủ điều kiện: Đạt 1250, Tổng số 1400). Mỗi đơn vị chỉ ghi phần việc của đơn vị mình (ví dụ số DVC do chính đơn vị triển khai): chương trình cộng số liệu các đơn vị, nên ghi cả phần của đơn vị khác sẽ bị tính hai lần. Ô màu xám: mô hình không có chỉ tiêu, hoặc chỉ tiêu do đơn vị chủ trì báo cáo.",
		"7. Kết quả thực hiện, Khó khăn vướng mắc, Đề xuất kiến nghị: viết ngắn gọn, cụ thể (số liệu, việc đã làm). Gõ chữ có dấu bằng bảng mã Unicode (phông Times New Roman, Arial…); không dùng phông .VnTime, VNI.",
		"8. Lưu tệp dạng Excel (.xlsx), giữ nguyên tên tệp, gửi cho " + agency + " qua thư điện tử, Zalo hoặc USB:",
		fmt.Sprintf("   - Báo cáo tuần: trước %d giờ thứ Tư hằng tuần (kỳ này: %s).", plan.DeadlineHour, reportDay),
		fmt.Sprintf("   - Báo cáo tháng: trước %d giờ ngày 15 hằng tháng (số liệu từ ngày 15 tháng trước đến ngày 14 tháng báo cáo).", plan.DeadlineHour),
		"9. Nếu tệp bị trả lại kèm bản có tô màu: ô tô đỏ là lỗi phải sửa, ô tô cam là điểm cần xem lại; đưa chuột vào ô để đọc ghi chú cách sửa.",
	}
}

// Reading filled reports.
const (
	msgOpenFailed          = "không mở được tệp: %s"
	msgFileTooLarge        = "tệp quá lớn (%d MB; tệp báo cáo thường dưới 1 MB, tối đa %d MB)"
	msgEmptyFile           = "tệp rỗng (0 byte)"
	msgEncrypted           = "tệp được đặt mật khẩu nên không đọc được"
	msgNotWorkbook         = "không phải tệp Excel (.xlsx)"
	msgLegacyNoSoffice     = "tệp dạng %s cũ; máy này chưa cài LibreOffice để tự chuyển đổi"
	msgLegacyConvertFailed = "không chuyển được tệp %s sang .xlsx bằng LibreOffice: %v"
	msgSofficeTimeout      = "LibreOffice chạy quá %d giây, đã dừng"
	msgSofficeFailed       = "LibreOffice báo lỗi khi chuyển tệp"
	msgStopped             = "đã dừng đọc tệp: hết thời gian cho phép hoặc người gửi đã rời đi"
	msgLegacyConverted     = "tệp dạng %s đã được tự chuyển sang .xlsx bằng LibreOffice để đọc"
	msgZipBomb             = "tệp giải nén ra quá lớn (có thể tệp hỏng hoặc không an toàn)"
	msgCorrupt             = "tệp bị hỏng hoặc không phải tệp Excel, không đọc được"
	msgIsConsolidated      = "đây là bảng tổng hợp do de06 merge ghi ra, không phải báo cáo của đơn vị"
	msgNoSheets            = "tệp không có trang tính nào"
	msgTooManyRows         = "trang có hơn %d dòng, không phải tệp báo cáo"
	msgTooManyMerges       = "tệp có %d vùng gộp ô, quá giới hạn %d của một tệp báo cáo (có thể tệp hỏng hoặc không an toàn)"
	msgTooManyCells        = "tệp có khoảng %d ô, quá giới hạn %d của một tệp báo cáo (có thể tệp hỏng hoặc không an toàn)"
	msgTooManyStrings      = "tệp có hơn %d đoạn chữ, quá giới hạn của một tệp báo cáo (có thể tệp hỏng hoặc không an toàn)"
	msgTooManyStyles       = "tệp có hơn %d kiểu định dạng ô, quá giới hạn của một tệp báo cáo (có thể tệp hỏng hoặc không an toàn)"
	msgPartTooLarge        = "một phần của tệp giải nén ra hơn 16 MB, quá lớn cho một tệp báo cáo (có thể tệp hỏng hoặc không an toàn)"
	msgCellTooLong         = "ô có %d ký tự, quá giới hạn %d ký tự của một ô Excel (có thể tệp hỏng hoặc không an toàn)"
	msgNotTemplate         = "không phải tệp báo cáo Đề án 06: không tìm thấy bảng có các cột \"Mô hình\", \"Tình trạng\""
	msgExtraSheet          = "trang %q không thuộc mẫu báo cáo; nội dung trang này không được đọc"
	msgLegacyText          = "chữ gõ bằng bảng mã cũ %s, đã tự chuyển sang Unicode: %q"
	msgLegacyKept          = "chữ có vẻ gõ bằng bảng mã cũ %s (nếu chuyển sẽ là %q); chưa tự chuyển sang Unicode"

	hintResend         = "mở lại tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại"
	hintEncrypted      = "bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại"
	hintSaveXLSX       = "mở tệp bằng Excel, chọn Tệp › Lưu thành, ở ô Kiểu tệp chọn Sổ làm việc Excel (*.xlsx), lưu rồi gửi lại tệp .xlsx"
	hintUseTemplate    = "dùng tệp mẫu do nơi tổng hợp gửi, điền vào các ô màu vàng"
	hintIsConsolidated = "để riêng bảng tổng hợp ra khỏi thư mục báo cáo của các đơn vị"
	hintExtraSheet     = "chỉ điền vào trang \"Báo cáo\"; có thể xóa trang này"
	hintLegacyText     = "lần sau hãy gõ bằng bảng mã Unicode (Unikey: bảng mã Unicode; phông Times New Roman)"
	hintLegacyKept     = "gõ lại bằng bảng mã Unicode (Unikey: bảng mã Unicode; phông Times New Roman) rồi gửi lại"
)

// Annotated copies.
const (
	sheetFindings  = "Lỗi cần sửa"
	annError       = "LỖI"
	annWarning     = "Cảnh báo"
	annHint        = "Cách sửa"
	annColSeverity = "Mức độ"
	annColWhere    = "Vị trí"
	annColModel    = "Mô hình"
	annColMessage  = "Nội dung"
	annColHint     = "Cách sửa"
)

// Consolidated workbook.
const (
	sheetSummary       = "Tổng hợp"
	sheetStats         = "Thống kê"
	sheetChecks        = "Kiểm tra"
	sheetData          = "Dữ liệu"
	sumTitle           = "TỔNG HỢP TIẾN ĐỘ THỰC HIỆN CÁC MÔ HÌNH ĐỀ ÁN 06"
	sumSubtitle        = "%s — %s tổng hợp theo Kế hoạch số %s của %s"
	sumGroup           = "%s (%02d mô hình)"
	sumContinued       = "Mô hình %d (tiếp theo)"
	footerPages        = "&CTrang &P/&N"
	statTitle          = "THỐNG KÊ — %s"
	statGroup          = "Nhóm"
	statModels         = "Số mô hình"
	statTotal          = "Cộng"
	statChart          = "Tình trạng các mô hình theo nhóm"
	statOverdueTitle   = "Mô hình quá hạn"
	statOverdueLine    = "- Mô hình %d: %s – thời hạn %s – hiện %s" // the body's words (pdf overdueItem)
	statNone           = "Không có mô hình nào quá thời hạn hoàn thành theo kế hoạch."
	statUnitsTitle     = "Đơn vị đã gửi báo cáo được dùng để tổng hợp (%02d/%02d)"
	statUnitsTitleV1   = "Đơn vị đã báo cáo: %d/%d." // as workbooks written before 2027 say it, for the roll-up
	statUnitSent       = "- %s: người báo cáo %s, điện thoại %s, tệp %s"
	statUnitFrom       = ", báo cáo %s"
	statUnitReturned   = "; %02d dòng có lỗi (mô hình %s), cần sửa và gửi lại"
	statUnitFixing     = "; %02d dòng có lỗi (mô hình %s), cần lập lại"
	statNotGiven       = "(không ghi)"
	statMissingTitle   = "Đơn vị chưa có báo cáo dùng được (%02d)"
	statRejected       = "- %s: tệp %s %s"
	chkSeverity        = "Mức độ"
	chkKind            = "Loại"
	chkFile            = "Tệp"
	chkWhere           = "Trang › ô"
	chkMessage         = "Nội dung"
	chkHint            = "Cách sửa"
	chkCode            = "Mã"
	chkNone            = "Không có lỗi hay cảnh báo nào."
	msgPrevNotWorkbook = "tệp %s không phải tệp Excel (.xlsx) đọc được: --previous chỉ nhận bảng tổng hợp do de06 merge ghi ra"
	msgPrevNoData      = "tệp %s không có trang %q: chỉ dùng được bảng tổng hợp do de06 merge ghi ra"
	msgPrevColumn      = "tệp %s, trang %q: thiếu cột %s"
	msgPrevRow         = "tệp %s, trang %q, dòng %d: %s"
	msgPrevModel       = "số mô hình %q không phải là số"
	sheetInfo          = "Thông tin chung"
	infoPeriod         = "Kỳ báo cáo"
	infoReportNumber   = "Số báo cáo"
	infoReportDate     = "Ngày báo cáo"
)

// Province workbook (the roll-up of communes' workbooks).
const (
	sheetCommunes = "Các xã"
	sheetModels   = "Các mô hình"
	sheetMissing  = "Xã chưa gửi"
	// sheetOpinions is named by the province's report (pdf/province.tmpl).
	sheetOpinions       = "Ý kiến các xã"
	provOpinionsTitle   = "KHÓ KHĂN, ĐỀ XUẤT CỦA CÁC XÃ, PHƯỜNG"
	provColKind         = "Loại"
	provColText         = "Nội dung (đơn vị của xã, phường nêu)"
	provColCount        = "Số xã, phường"
	provKindDifficulty  = "Khó khăn"
	provKindProposal    = "Đề xuất"
	provNoOpinions      = "Bảng tổng hợp của các xã, phường không nêu khó khăn, đề xuất nào."
	provOpinionsMissing = "Bảng tổng hợp của %s không có cột khó khăn, đề xuất (mẫu cũ)."
	kindProvince        = "tong-hop-cac-xa"
	provTitle           = "TỔNG HỢP TIẾN ĐỘ THỰC HIỆN CÁC MÔ HÌNH ĐỀ ÁN 06 CỦA CÁC XÃ, PHƯỜNG"
	provSubtitle        = "%s — %s tổng hợp theo Kế hoạch số %s của %s"
	provSubtitleBare    = "%s — tổng hợp từ bảng tổng hợp của các xã, phường"
	provModelsTitle     = "CÁC MÔ HÌNH TRÊN ĐỊA BÀN CÁC XÃ, PHƯỜNG — %s"
	provMissingTitle    = "XÃ, PHƯỜNG CHƯA GỬI BẢNG TỔNG HỢP"
	provColTT           = "TT"
	provColCommune      = "Xã, phường"
	provColSent         = "Tình hình gửi"
	provColReport       = "Báo cáo số, ngày"
	provColUnits        = "Đơn vị đã báo cáo"
	provColModels       = "Số mô hình"
	provColOwn          = "Lỗi, cảnh báo trong bảng của xã"
	provColFile         = "Tệp"
	provColModel        = "Mô hình"
	provColHave         = "Số xã có mô hình"
	provColProgress     = "Tiến độ tự đánh giá bình quân (%)"
	provColIndicator    = "Chỉ tiêu (cộng các xã)"
	provColSummed       = "Số xã được cộng chỉ tiêu"
	provColOverdueN     = "Số xã quá hạn"
	provColOverdue      = "Xã quá hạn"
	provColNote         = "Ghi chú"
	provColReason       = "Ghi chú"
	provSent            = "Đã gửi"
	provNotSent         = "Chưa gửi"
	provUnusable        = "Tệp không dùng được"
	provReportNo        = "Số %s"
	provReportDate      = "ngày %s"
	provUnitsOf         = "%d/%d"
	provOwn             = "%d lỗi, %d cảnh báo"
	provGroup           = "%s (%02d mô hình)"
	provMore            = "… và %d xã khác (xem trang Dữ liệu)"
	provNotSummed       = "Chưa cộng số liệu của %s: chỉ tiêu %s."
	provUnusableFiles   = "Có gửi nhưng tệp không dùng được: %s"
	provNoList          = "Không có danh sách xã của tỉnh (--communes hoặc kế hoạch của tỉnh): chưa biết xã nào chưa gửi."
	provAllSent         = "Tất cả các xã trong danh sách đã gửi."
	provTotal           = "Cộng"
	msgListNotWorkbook  = "không đọc được danh sách xã %s: không phải tệp Excel (.xlsx) đọc được"
)

// summaryOldTitles are the headings earlier versions of de06 gave the
// consolidated workbook's columns, which communes' workbooks still carry.
var summaryOldTitles = map[report.Column][]string{report.ColProgress: {"Tiến độ (%)"}}
