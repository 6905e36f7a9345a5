package desk

import "github.com/caongoc/de06/plan"

// Every text of this package that a person reads, in one place.

var stateLabels = map[State]string{
	Missing:  "Chưa gửi",
	Rejected: "Có lỗi, chưa dùng được",
	Accepted: "Đã nhận",
	Partial:  "Đã nhận, còn lỗi",
}

const (
	msgDeadline   = "%d giờ %02d, %s %s (%s)"
	msgDeadlineAt = "%d giờ %02d, %s %s"
	msgDays       = "%d ngày"
	msgHours      = "%d giờ"
	msgLeft       = "còn %s"
	msgLeftToday  = "còn %d giờ, hạn là hôm nay"
	msgDueNow     = "đến hạn đúng lúc này"
	msgPastDue    = "đã quá hạn %s"

	msgSignedEarly  = "ngày ký %s trước khi hết kỳ %s (ngày %s): số liệu chưa đủ cả kỳ"
	msgOwnNotUsable = "chưa có báo cáo dùng được của %s, đơn vị ký báo cáo: các mô hình đơn vị chủ trì chưa có số liệu"

	msgPeriodBeforePlan = "%s ở trước thời gian của kế hoạch (kế hoạch nhận báo cáo từ ngày %s)"
	msgPeriodFuture     = "%s chưa đến (kỳ đang báo cáo là %s)"

	msgOtherUnit  = "tệp là %s của %s, không phải của %s; tệp không được nhận"
	hintOtherUnit = "gửi tệp này qua đường dẫn của %s, hoặc gửi đúng tệp của %s mình"

	msgNotLastSend     = "chỉ rút lại được lần gửi sau cùng trong kỳ"
	msgSentByOfficer   = "tệp này do cán bộ tổng hợp nộp thay, không rút lại qua đường dẫn được; xin liên hệ cán bộ tổng hợp"
	msgNoSuchSend      = "không có lần gửi này trong kỳ"
	msgChooseWithdrawn = "lần gửi này đã được rút lại, không dùng được"
	msgChooseUnusable  = "tệp này không dùng được (lỗi cả tệp), không chọn được để tổng hợp"

	msgNothingUsable = "chưa có tệp nào dùng được để tổng hợp kỳ này: không lập báo cáo từ không có số liệu; sửa các tệp bị loại hoặc đợi %s gửi"
	msgStoredPoints  = "dữ liệu tiến độ đã lưu của một lần tổng hợp không đọc được: %v"
	msgOtherLevel    = "kế hoạch cấp %s, còn bàn làm việc này là của cấp %s: mỗi cấp chạy bàn làm việc riêng (de06 serve --plan KẾ-HOẠCH --data THƯ-MỤC-KHÁC)"
	msgStoredHeader  = "thông tin văn bản đã lưu của một lần tổng hợp không đọc được: %v"

	msgReminder         = "Kính gửi %s: đến nay, %s chưa nhận được %s %s của:\n%s\n%s\nTrân trọng!\n— %s"
	msgReminderAsk      = "Đề nghị %s gửi %s trước %s (%s), %s."
	msgReminderLate     = "Hạn gửi là %s, đã quá %s; đề nghị %s gửi ngay, %s."
	msgThroughLinks     = "qua đường dẫn đã được cấp"
	msgAsFiles          = "gửi tệp %s (Excel) cho %s qua Zalo hoặc thư điện tử"
	msgReminderPartial  = " (đã gửi nhưng còn %d lỗi, cần sửa rồi gửi lại)"
	msgReminderRejected = " (tệp đã gửi không dùng được, cần gửi lại)"
	msgReminderNone     = "%s đã gửi đủ %s %s. Cảm ơn %s!"

	msgMergedUnits    = "%d/%d đơn vị báo cáo; %d mô hình quá hạn"
	msgMergedCommunes = "%d/%d xã gửi bảng tổng hợp; %d xã có mô hình quá hạn (%d lượt mô hình)"
)

// levelWords are each level's Words.
var levelWords = map[plan.Level]Words{
	plan.LevelCommune: {Unit: "đơn vị", UnitCap: "Đơn vị", Units: "các đơn vị", UnitsCap: "Các đơn vị", Report: "báo cáo", ReportCap: "Báo cáo",
		Reporter:   "Người báo cáo",
		hintPeriod: "kiểm tra ô kỳ báo cáo; dùng tệp mẫu của kỳ đang báo cáo tải từ đường dẫn của đơn vị"},
	plan.LevelProvince: {Unit: "xã", UnitCap: "Xã", Units: "các xã", UnitsCap: "Các xã", Report: "bảng tổng hợp", ReportCap: "Bảng tổng hợp",
		Reporter:   "Báo cáo của xã",
		WhatToSend: "Xã gửi bảng tổng hợp của kỳ mà de06 ghi ra khi xã tổng hợp: tệp bao-cao-de-an-06-<kỳ>.xlsx (lệnh de06 merge, hoặc nút Tổng hợp trên bàn làm việc của xã rồi “Tải bảng tổng hợp (Excel)”), để nguyên như đã ghi, không sửa tay. Không cần tệp mẫu: bảng tổng hợp tự ghi là của xã nào, kỳ nào.",
		hintPeriod: "kiểm tra kỳ ở trang Thông tin chung của bảng tổng hợp; gửi bảng tổng hợp của kỳ đang báo cáo"},
}

var roleLabels = map[Role]string{
	RoleCounting:   "Đang dùng để tổng hợp",
	RoleSuperseded: "Không dùng (đang dùng tệp khác)",
	RoleUnusable:   "Không dùng được",
	RoleWithdrawn:  "Đã rút lại",
}

var viaLabels = map[Via]string{
	ViaLink:    "qua đường dẫn riêng",
	ViaForm:    "gửi qua biểu mẫu",
	ViaOfficer: "cán bộ tổng hợp nộp thay",
}

// Why a period past its deadline is no longer asked for (NoLongerAsked).
const (
	msgNotAskedMonth       = "đã quá hạn hơn 7 ngày"
	msgNotAskedWeek        = "đã qua hơn %d tuần"
	msgNotAskedUncollected = "chưa có ai gửi báo cáo kỳ này (bàn làm việc chưa dùng cho kỳ này)"
)

var changeLabels = map[ChangeKind]string{
	ChangeNew:       "gửi tệp sau lần tổng hợp (lúc tổng hợp chưa có tệp nào)",
	ChangeResent:    "gửi lại sau lần tổng hợp",
	ChangeWithdrawn: "rút lại tệp lần tổng hợp đã dùng",
	ChangeChosen:    "cán bộ chọn tệp khác để tổng hợp",
	ChangeGone:      "rút lại tệp lần tổng hợp đã dùng, chưa có tệp khác",
	ChangeHeader:    "thông tin văn bản (cơ quan, Kính gửi, Nơi nhận, người ký) đã sửa sau lần tổng hợp",
}
