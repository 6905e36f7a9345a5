package pdf

import (
	_ "embed"
	"strconv"
	"strings"
	"text/template"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// Every text of this package that a person reads, in one place: the body's
// sentences in body.tmpl (the province's in province.tmpl), the rest below.

//go:embed body.tmpl
var bodyTemplates string

//go:embed province.tmpl
var provinceTemplates string

var sentences = template.Must(template.New("body").Funcs(template.FuncMap{
	"count": count,
	"cap":   upperFirst,
	// lowerWho writes a commune heading an item within a sentence.
	"lowerWho": vi.InSentence,
	"names":    func(ss []string) string { return strings.Join(ss, ", ") },
	"models": func(ns []int) string {
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = strconv.Itoa(n)
		}
		return strings.Join(s, ", ")
	},
}).Parse(bodyTemplates + provinceTemplates))

// say is the sentence name of body.tmpl filled with d. The templates are
// fixed and a test fills every one, so a failure is a bug in this package.
func say(name string, d any) string {
	var sb strings.Builder
	if err := sentences.ExecuteTemplate(&sb, name, d); err != nil {
		panic("pdf: sentence " + name + ": " + err.Error())
	}
	return sb.String()
}

const (
	txtDraft          = "DỰ THẢO"
	txtNation         = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	txtMotto          = "Độc lập - Tự do - Hạnh phúc"
	txtNumber         = "Số: %s/%s"
	txtNumberBlank    = "Số:        /%s"
	txtPlaceDate      = "%s, ngày %s tháng %s năm %d"
	txtKind           = "BÁO CÁO"
	txtSummary        = "Kết quả thực hiện các mô hình của Đề án 06"
	txtSummary2       = "%s"
	txtTo             = "Kính gửi:"
	txtPlanRef        = "Kế hoạch số %s của %s"
	txtAbbreviations  = "Viết tắt: "
	txtChartTitle     = "Biểu đồ: tình trạng các mô hình theo nhóm"
	txtChartGroup     = "Nhóm %s"
	txtReceivers      = "Nơi nhận:"
	txtAppendix       = "PHỤ LỤC"
	txtAppTitle       = "TIẾN ĐỘ THỰC HIỆN CÁC MÔ HÌNH CỦA ĐỀ ÁN 06"
	txtAppNumberBlank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/%s"
	txtAppRef         = "(Kèm theo Báo cáo số %s ngày %s của %s)"
	txtAppGroup       = "%s. %s (%02d mô hình)"
)

// The unit link slips.
const (
	txtSlipsTitle = "PHIẾU ĐƯỜNG DẪN GỬI BÁO CÁO ĐỀ ÁN 06"
	txtSlipsTeam  = "TỔ CÔNG TÁC ĐỀ ÁN 06"
	txtSlipsUnit  = "Đơn vị: "
	txtSlipsStep1 = "1. Quét mã QR bằng điện thoại, hoặc gõ đường dẫn dưới đây vào trình duyệt."
	txtSlipsStep2 = "2. Bấm “Tải tệp mẫu”, mở bằng Excel, chỉ điền các ô màu vàng rồi lưu lại."
	txtSlipsStep3 = "3. Gửi tệp ở bước 2 của trang: kết quả kiểm tra hiện ngay; có lỗi thì sửa và gửi lại. Hạn gửi: %d giờ thứ Tư hằng tuần; báo cáo tháng: %d giờ ngày 15."
	txtSlipsKeep  = "Đường dẫn này chỉ dành cho đơn vị; không chia sẻ cho người khác. Nếu lộ, báo %s để cấp đường dẫn mới."
	msgSlipQR     = "không tạo được mã QR cho %s: đường dẫn quá dài"
)

// Where a slip's link opens, printed above the link.
var txtSlipsReach = map[Reach]string{
	ReachThisPC:   "Chú ý: đường dẫn này chỉ mở được trên máy của cán bộ tổng hợp; điện thoại, máy tính khác không mở được.",
	ReachLAN:      "Nơi mở được: chỉ trong mạng của xã (máy nối Wi-Fi hoặc dây mạng của trụ sở xã); dùng 4G hay mạng khác thì không mở được.",
	ReachAnywhere: "Nơi mở được: ở mọi nơi có Internet (Wi-Fi hoặc 4G).",
}

const ()

// statusAbbr marks the chart's segments and legend, so that a black and
// white print tells the statuses apart.
var statusAbbr = map[report.Status]string{
	report.StatusDone: "HT", report.StatusRecurring: "TX", report.StatusInProgress: "ĐTK",
	report.StatusNotStarted: "CTK", report.StatusNone: "CSL",
}

// The province's report, put together from its communes' workbooks.
const (
	txtProvAppendix1      = "PHỤ LỤC I"
	txtProvAppTitle1      = "TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ, PHƯỜNG"
	txtProvAppendix2      = "PHỤ LỤC II"
	txtProvAppTitle2      = "TIẾN ĐỘ THỰC HIỆN CÁC MÔ HÌNH CỦA ĐỀ ÁN 06 TRÊN ĐỊA BÀN CÁC XÃ, PHƯỜNG"
	txtProvColCommune     = "Xã, phường"
	txtProvColReport      = "Báo cáo số, ngày"
	txtProvColUnits       = "Đơn vị đã báo cáo"
	txtProvColModels      = "Số mô hình"
	txtProvColNote        = "Ghi chú"
	txtProvColHave        = "Số xã có mô hình"
	txtProvColProgress    = "Tiến độ tự đánh giá bình quân (%)"
	txtProvColIndicator   = "Chỉ tiêu (cộng các xã)"
	txtProvColOverdue     = "Xã quá hạn"
	txtProvByStatusModels = "Số mô hình theo tình trạng"
	txtProvByStatusXa     = "Số xã theo tình trạng"
	txtProvReportNo       = "Số %s"
	txtProvReportDate     = "ngày %s"
	txtProvUnitsOf        = "%d/%d"
	txtProvNoteNotSent    = "Chưa gửi"
	txtProvNoteUnusable   = "Tệp không dùng được: %s"
	txtProvNoteErrors     = "Bảng của xã còn %d lỗi"
)
