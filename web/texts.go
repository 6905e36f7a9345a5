package web

import (
	"html/template"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Every text of this package that a person reads, besides the page
// templates, in one place.
const (
	msgErrorTitle       = "Không thực hiện được"
	msgPageTitle        = "Bàn làm việc"
	msgStoredPlan       = "kế hoạch số %d đã lưu không đọc được: %v"
	msgStoredLevel      = "kế hoạch số %d đã lưu trong dữ liệu của bàn làm việc là %v"
	msgUploadedLevel    = "Kế hoạch tải lên là %v."
	msgStoredPlanDay    = "kế hoạch số %d đã lưu có ngày áp dụng %q không đọc được"
	msgNoDraft          = "chưa có kế hoạch nào được tải lên để áp dụng"
	msgInternal         = "Có lỗi bên trong chương trình; xin thử lại, nếu vẫn lỗi hãy báo người quản trị."
	msgCrossOrigin      = "Yêu cầu không đến từ trang của bàn làm việc này nên bị từ chối."
	msgLoginNeeded      = "Cần đăng nhập."
	msgSetupLocalOnly   = "Chưa đặt mật khẩu: chỉ đặt được ngay trên máy chạy chương trình (hoặc bằng lệnh de06 passwd)."
	msgPasswordRule     = "Mật khẩu cần ít nhất 8 ký tự, nhập hai lần giống nhau."
	msgWrongPassword    = "Mật khẩu không đúng."
	msgTooManyLogins    = "Nhập sai quá nhiều lần; xin đợi %s rồi thử lại."
	msgMinutes          = "%d phút"
	msgSeconds          = "%d giây"
	msgLoginBusy        = "Máy đang kiểm tra nhiều lần đăng nhập; xin thử lại sau ít giây."
	msgReference        = "(Mã lỗi: %s — xin báo mã này cho người quản trị.)"
	msgBodyTooLarge     = "Yêu cầu gửi lên quá lớn."
	msgProxyNoForward   = "Bàn làm việc chạy sau máy chủ chuyển tiếp (--behind-proxy) nhưng yêu cầu này không cho biết địa chỉ của người gửi, nên không đặt hay thử mật khẩu được. Người quản trị máy chủ cần cho máy chủ chuyển tiếp gửi địa chỉ đó: với nginx, thêm dòng «proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;» vào khối location chuyển tới bàn làm việc rồi nạp lại nginx (Caddy đã gửi sẵn). Mật khẩu đầu tiên đặt bằng lệnh de06 passwd ngay trên máy chủ."
	msgWrongHost        = "Bàn làm việc không phục vụ địa chỉ này. Xin mở bằng đường dẫn đã được cấp."
	msgUnitQuota        = "Đơn vị đã gửi quá nhiều dữ liệu cho %s (quá %s); %s. Xin gửi đúng tệp báo cáo, hoặc liên hệ nơi nhận báo cáo."
	msgUnitTotalQuota   = "Đơn vị đã gửi quá nhiều dữ liệu qua mọi kỳ (quá %s); %s. Xin liên hệ nơi nhận báo cáo."
	msgPeriodQuota      = "Bàn làm việc đã nhận quá nhiều dữ liệu cho %s (quá %s); %s. Xin liên hệ nơi nhận báo cáo."
	msgDeskQuota        = "Bàn làm việc đã lưu quá nhiều dữ liệu (quá %s); %s. Xin liên hệ nơi nhận báo cáo."
	msgFileNotKept      = "tệp không được nhận"
	msgDraftNotKept     = "bản nháp không được lưu"
	msgOnlyPrefix       = "Tệp này không đọc được nên chỉ giữ %d KB đầu để đối chiếu; không tải về được."
	msgBadLink          = "Đường dẫn không đúng hoặc đã được cấp lại. Xin hỏi %s đường dẫn mới."
	msgNoFile           = "Chưa chọn tệp nào."
	msgTooLarge         = "Tệp lớn hơn %d MB; tệp báo cáo thường dưới 1 MB."
	msgUploadsAtOnce    = "Đường dẫn này đang gửi hai tệp khác; xin đợi các tệp đó gửi xong rồi gửi lại."
	msgUploadTooSlow    = "Tệp gửi lên quá chậm nên bị ngắt; xin kiểm tra mạng rồi gửi lại."
	msgBusy             = "Máy đang kiểm tra nhiều tệp; xin gửi lại sau ít phút."
	msgCheckTimeout     = "Kiểm tra tệp quá thời gian cho phép; tệp có thể hỏng hoặc bất thường."
	msgNoSuchFile       = "Không có tệp này."
	msgNoAnnotation     = "Không tạo được bản đánh dấu lỗi cho tệp này."
	msgMergeFailed      = "Không tổng hợp được; xin thử lại."
	msgBadNumber        = "số văn bản %q không phải là số"
	msgBadPeriod        = "Không hiểu kỳ báo cáo %q trong địa chỉ. Mở lại trang từ Bảng theo dõi hoặc trang của đơn vị, rồi chọn kỳ trong danh sách (ví dụ “%s” hoặc “%s”)."
	msgBadDate          = "ngày %q không đúng dạng ngày/tháng/năm"
	msgTrendChart       = "Tiến độ qua các kỳ"
	msgStoredPeriod     = "tệp đã lưu số %d có kỳ %q không đọc được"
	msgNoSuchUnit       = "không có đơn vị báo cáo %q"
	msgNoSuchSendID     = "không rõ lần gửi nào (thiếu số của lần gửi)"
	msgWrongCurrent     = "Mật khẩu đang dùng không đúng; mật khẩu chưa đổi."
	msgWithdrawTitle    = "Rút lại lần gửi"
	msgBackHome         = "Về trang đầu"
	msgBackUnit         = "Về trang của đơn vị"
	msgNotFoundTitle    = "Không có trang này"
	msgMethodTitle      = "Không mở trực tiếp được"
	msgNotFound         = "Địa chỉ này không có trang nào. Có thể địa chỉ bị gõ sai hoặc bị cắt khi chép: xin mở lại đường dẫn đã được cấp, hoặc về trang đầu."
	msgMethodNotAllowed = "Địa chỉ này chỉ dùng cho nút bấm trên các trang của bàn làm việc, không mở trực tiếp được. Xin về trang đầu (hoặc trang của đơn vị) và bấm lại nút cần dùng."

	msgCannotShare     = "Bàn làm việc này được mở với một địa chỉ cố định (máy chủ, hoặc lệnh có --addr, --public-url), nên không bật, tắt chia sẻ ở đây được. Muốn đổi: dừng bàn làm việc (Ctrl+C) rồi mở lại với tùy chọn khác."
	msgShareFailed     = "Không đổi được cách chia sẻ: %v. Bàn làm việc vẫn chạy như trước."
	msgSharedOn        = "Đã bật chia sẻ: các máy tính, điện thoại trong mạng của xã mở được đường dẫn của đơn vị. Lần mở bàn làm việc sau vẫn bật."
	msgSharedOff       = "Đã tắt chia sẻ: chỉ máy này mở được bàn làm việc. Lần mở bàn làm việc sau vẫn tắt."
	msgSharedNoNetwork = "Đã bật chia sẻ, nhưng máy này chưa nối mạng nào (không có địa chỉ mạng): nối máy vào mạng của xã (dây mạng hoặc Wi-Fi), rồi tắt và bật lại chia sẻ."
	msgNoSuchAddress   = "Địa chỉ đã chọn không phải địa chỉ mạng của máy này."
	msgAddressPicked   = "Các đường dẫn dùng địa chỉ %s từ bây giờ. Phiếu đã in với địa chỉ khác cần in lại."

	// The desk's own limits (inflight.go, downloads.go).
	msgTooManyAtOnce = "Máy của bạn đang gửi quá nhiều yêu cầu cùng lúc; xin đợi vài giây rồi thử lại."
	msgDownloadsBusy = "Đang có nhiều lượt tải tệp cùng lúc; xin đợi vài giây rồi tải lại."
)

// The document header's page (header.go).
const (
	msgHeaderTitle    = "Văn bản báo cáo"
	msgHeaderVersion  = "Thông tin văn bản (sửa trên bàn làm việc)"
	msgHeaderEmpty    = "chưa điền %s"
	msgHeaderLong     = "%s dài quá %d ký tự"
	msgHeaderLines    = "%s có quá %d dòng"
	msgProvinceFirst  = "chưa biết tỉnh nên chưa thay được cơ quan cấp huyện: điền ô %s trước rồi chọn lại"
	msgDistrictLevel  = "cấp huyện"
	msgDistrictPolice = "Công an cấp huyện"
	labelPlace        = "Địa danh (nơi ban hành)"
	labelSymbol       = "Ký hiệu văn bản"
	labelProvince     = "Tỉnh (thành phố)"
	labelSignerName   = "Họ tên người ký"
	hintParent        = "Dòng trên cùng bên trái, ví dụ: Công an tỉnh Thanh Hóa."
	hintIssuing       = "In đậm dưới cơ quan chủ quản, ví dụ: Công an xã Cao Ngọc."
	hintPlace         = "Dùng trong dòng “…, ngày … tháng … năm …”, ví dụ: Cao Ngọc."
	hintSymbol        = "Phần sau “Số: 05/”, ví dụ: BC-CAX."
	hintProvince      = "Ví dụ: tỉnh Thanh Hóa. Dùng để đề xuất cơ quan thay cho cơ quan cấp huyện."
	hintLines         = "Mỗi cơ quan một dòng."
	hintDistribution  = "Mỗi nơi một dòng; dòng cuối thường là “Lưu: VT, …”."
	hintAuthority     = "Ví dụ: KT. TRƯỞNG CÔNG AN XÃ; để trống khi người đứng đầu ký."
	hintSignerName    = "Nghị định 30/2020 yêu cầu ghi họ tên người ký; để trống thì báo cáo in chữ DỰ THẢO."
)

// The settings page (settings.go).
const (
	msgSettingsTitle = "Cài đặt"
	msgNoUnit        = "Tệp không rõ đơn vị"
	msgBrowserOn     = "trình duyệt %s trên %s"
	msgBrowser       = "trình duyệt %s"
	msgSystem        = "trình duyệt trên %s"
)

// browsers and systems name what a browser's User-Agent says it is, in
// the order to look for them (Edge and Opera call themselves Chrome too;
// Chrome calls itself Safari).
var (
	browsers = []struct{ mark, name string }{{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Zalo", "Zalo"}, {"coc_coc", "Cốc Cốc"},
		{"Firefox/", "Firefox"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"}}
	systems = []struct{ mark, name string }{{"Windows", "Windows"}, {"Android", "Android"}, {"iPhone", "iPhone"},
		{"iPad", "iPad"}, {"Mac OS X", "máy Mac"}, {"CrOS", "Chromebook"}, {"Linux", "Linux"}}
)

var reachLabels = map[Reach]string{
	ReachThisPC:   "chỉ mở được trên máy này",
	ReachLAN:      "chỉ mở được trong mạng của xã",
	ReachAnywhere: "mở được ở mọi nơi có Internet",
}

// The form in the browser.
const (
	msgFormTitle      = "Báo cáo %s"
	msgModelN         = "Mô hình %d"
	msgFieldTooLong   = "ô %s dài quá %d ký tự, hơn một ô Excel chứa được; xin viết gọn lại"
	msgFormTooLarge   = "Nội dung gửi lên lớn hơn %d MB; xin viết gọn lại."
	msgFormUnreadable = "Không đọc được nội dung biểu mẫu gửi lên; xin thử lại."
	msgFormAction     = "Không rõ lưu nháp hay gửi báo cáo (thiếu action=save hoặc action=send)."
	msgDraftKept      = "Nội dung đã nhập được lưu nháp; xin bấm lưu hoặc gửi lại sau ít phút."
)

// fieldLabels name the form's inputs as the template's headings do.
var fieldLabels = map[report.Field]string{
	report.FieldReportDate: "Ngày báo cáo", report.FieldReporter: "Người báo cáo", report.FieldPhone: "Số điện thoại",
	report.FieldStatus: "Tình trạng", report.FieldProgress: "Tiến độ (%)", report.FieldAchieved: "Chỉ tiêu — số đạt",
	report.FieldTotal: "Chỉ tiêu — tổng số", report.FieldResult: "Kết quả thực hiện", report.FieldDifficulty: "Khó khăn, vướng mắc",
	report.FieldProposal: "Đề xuất, kiến nghị", report.FieldTasks: "Nhiệm vụ kỳ tới",
}

// navItem is one page of the officer's navigation: the same names as the
// pages' headings.
type navItem struct{ Key, Path, Label string }

// officerNav is the officer's navigation, on every officer page.
var officerNav = []navItem{
	{"bang", "/bang", "Bảng theo dõi"},
	{"tien-do", "/tien-do", "Tiến độ qua các kỳ"},
	{"van-ban", "/van-ban", "Văn bản báo cáo"},
	{"ke-hoach", "/ke-hoach", "Kế hoạch"},
	{"chia-se", "/chia-se", "Đường dẫn, chia sẻ"},
	{"cai-dat", "/cai-dat", "Cài đặt"},
}

// navOf is the navigation item each officer page belongs to.
var navOf = map[string]string{
	"board.html": "bang", "don-vi.html": "bang", "trends.html": "tien-do", "van-ban.html": "van-ban",
	"plan.html": "ke-hoach", "chia-se.html": "chia-se", "cai-dat.html": "cai-dat",
}

var funcs = template.FuncMap{
	"navItems": func() []navItem { return officerNav },
	"date":     vi.FormatDate,
	"time":     sentAt,
	"add":      func(a, b int) int { return a + b },
	"monthly":  func(p plan.Period) bool { return p.Kind == plan.Monthly },
	"col":      func(c string) string { return report.Column(c).Title() },
	"join":     func(ss []string) string { return strings.Join(ss, "; ") },
	"size":     size,
	// pct is n in per cent of of, "" under 1 % (nothing worth saying).
	"pct": func(n, of int64) string {
		if of <= 0 || n*100 < of {
			return ""
		}
		return vi.FormatNumber(float64(n)*100/float64(of)) + " %"
	},
}
