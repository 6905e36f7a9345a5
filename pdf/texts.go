package pdf

import "github.com/caongoc/de06/report"

// Every text of this package that a person reads, in one place.
const (
	txtNation           = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	txtMotto            = "Độc lập - Tự do - Hạnh phúc"
	txtNumber           = "Số: %s/%s"
	txtNumberBlank      = "Số:        /%s"
	txtPlaceDate        = "%s, ngày %s tháng %s năm %d"
	txtKind             = "BÁO CÁO"
	txtSummary          = "Kết quả thực hiện các mô hình của Đề án 06"
	txtSummary2         = "%s"
	txtTo               = "Kính gửi:"
	txtPlanRef          = "Kế hoạch số %s của %s"
	txtIntro            = "Thực hiện %s về triển khai, thực hiện các mô hình của Đề án 06 trên địa bàn; trên cơ sở báo cáo của các đơn vị, %s báo cáo kết quả thực hiện %s như sau:"
	txtPartI            = "I. KẾT QUẢ THỰC HIỆN"
	txtUnitsMissing     = "Chưa gửi báo cáo: %s."
	txtModels           = "2. Tình trạng các mô hình: trong tổng số %s mô hình có %s."
	txtStatusCount      = "%s mô hình %s"
	txtCompared         = "So với %s: %02d mô hình có tiến triển, %02d mô hình không thay đổi, %02d mô hình lùi lại."
	txtOverdue          = "4. Mô hình quá thời hạn hoàn thành theo kế hoạch (%s mô hình):"
	txtOverdueNone      = "4. Không có mô hình nào quá thời hạn hoàn thành theo kế hoạch."
	txtOverdueItem      = "- Mô hình %d: %s (thời hạn: %s; tình trạng: %s)."
	txtIndicators       = "3. Kết quả các chỉ tiêu:"
	txtIndicatorItem    = "- Mô hình %d, %s (chỉ tiêu %s): %s."
	txtIndicatorNone    = "chưa có số liệu"
	txtAbbreviations    = "Viết tắt: "
	txtChartTitle       = "Biểu đồ: tình trạng các mô hình theo nhóm"
	txtChartGroup       = "Nhóm %s"
	txtDetail           = "Kết quả chi tiết từng mô hình tại Phụ lục kèm theo."
	txtPartII           = "II. TỒN TẠI, KHÓ KHĂN, VƯỚNG MẮC"
	txtPartIII          = "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"
	txtPartIV           = "IV. ĐỀ XUẤT, KIẾN NGHỊ"
	txtUnitsSent        = "1. Tình hình báo cáo: %s/%s đơn vị đã gửi báo cáo (%s)."
	txtUnitsUnusable    = "Có gửi nhưng tệp không dùng được, đã trả lại để sửa: %s."
	txtUnitItem         = "- %s: %s."
	txtAboutModel       = "%s (mô hình %d)"
	txtTaskFromProposal = "- Theo đề nghị của %s: %s (mô hình %d)."
	txtTaskOverdue      = "- Đôn đốc các đơn vị chủ trì hoàn thành các mô hình quá hạn (mô hình %s) hoặc đề xuất điều chỉnh thời hạn."
	txtTaskRemind       = "- Nhắc các đơn vị chưa gửi báo cáo gửi đúng hạn kỳ tới."
	txtTaskContinue     = "- Tiếp tục triển khai các mô hình theo kế hoạch; tổng hợp, báo cáo đúng thời gian quy định."
	txtTasksOfUnits     = "Nhiệm vụ kỳ tới của các đơn vị:"
	txtProposalItem     = "- %s đề nghị %s (mô hình %d)."
	txtNothing          = "Không có."
	txtMoreInAppendix   = "Còn %02d ý kiến khác của các đơn vị, ghi tại Phụ lục kèm theo."
	txtReceivers        = "Nơi nhận:"
	txtAppendix         = "PHỤ LỤC"
	txtAppTitle         = "TIẾN ĐỘ THỰC HIỆN CÁC MÔ HÌNH CỦA ĐỀ ÁN 06"
	txtAppNumberBlank   = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/%s"
	txtAppRef           = "(Kèm theo Báo cáo số %s ngày %s của %s)"
	txtAppGroup         = "%s. %s (%02d mô hình)"
)

// The unit link slips.
const (
	txtSlipsTitle = "PHIẾU ĐƯỜNG DẪN GỬI BÁO CÁO ĐỀ ÁN 06"
	txtSlipsTeam  = "TỔ CÔNG TÁC ĐỀ ÁN 06"
	txtSlipsUnit  = "Đơn vị: "
	txtSlipsStep1 = "1. Quét mã QR bằng điện thoại, hoặc gõ đường dẫn dưới đây vào trình duyệt của máy tính nối mạng của xã."
	txtSlipsStep2 = "2. Bấm “Tải tệp mẫu”, mở bằng Excel, chỉ điền các ô màu vàng rồi lưu lại."
	txtSlipsStep3 = "3. Gửi tệp ở bước 2 của trang: kết quả kiểm tra hiện ngay; có lỗi thì sửa và gửi lại. Hạn gửi: thứ Tư hằng tuần; báo cáo tháng trước ngày 16."
	txtSlipsKeep  = "Đường dẫn này chỉ dành cho đơn vị; không chia sẻ cho người khác. Nếu lộ, báo %s để cấp đường dẫn mới."
	msgSlipQR     = "không tạo được mã QR cho %s: đường dẫn quá dài"
)

// statusAbbr marks the chart's segments and legend, so that a black and
// white print tells the statuses apart.
var statusAbbr = map[report.Status]string{
	report.StatusDone: "HT", report.StatusRecurring: "TX", report.StatusInProgress: "ĐTK",
	report.StatusNotStarted: "CTK", report.StatusNone: "CBC",
}
