package desk

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
	msgDaysLeft   = "còn %d ngày"
	msgHoursLeft  = "còn %d giờ"
	msgDaysLate   = "đã quá hạn %d ngày"

	msgPeriodBeforePlan = "%s ở trước thời gian của kế hoạch (kế hoạch nhận báo cáo từ ngày %s)"
	msgPeriodFuture     = "%s chưa đến (kỳ đang báo cáo là %s)"
	hintPeriodNotOpen   = "kiểm tra ô kỳ báo cáo; dùng tệp mẫu của kỳ đang báo cáo tải từ đường dẫn của đơn vị"

	msgOtherUnit  = "tệp là báo cáo của %s, không phải của %s; tệp không được nhận"
	hintOtherUnit = "gửi tệp này qua đường dẫn của %s, hoặc gửi đúng tệp của đơn vị mình"

	msgNotLastSend     = "chỉ rút lại được lần gửi sau cùng của đơn vị trong kỳ"
	msgSentByOfficer   = "tệp này do cán bộ tổng hợp nộp thay, đơn vị không rút lại được; xin liên hệ cán bộ tổng hợp"
	msgNoSuchSend      = "không có lần gửi này của đơn vị trong kỳ"
	msgChooseWithdrawn = "lần gửi này đã được đơn vị rút lại, không dùng được"
	msgChooseUnusable  = "tệp này không dùng được (lỗi cả tệp), không chọn được để tổng hợp"

	msgNothingUsable = "chưa có tệp nào dùng được để tổng hợp kỳ này: không lập báo cáo từ không có số liệu; sửa các tệp bị loại hoặc đợi các đơn vị gửi"
	msgStoredPoints  = "dữ liệu tiến độ đã lưu của một lần tổng hợp không đọc được: %v"

	msgReminder         = "Kính gửi các đơn vị: đến nay, %s chưa nhận được báo cáo %s của:\n%s\n%s\nTrân trọng!\n— %s"
	msgReminderAsk      = "Đề nghị các đơn vị gửi báo cáo trước %s (%s), qua đường dẫn đã được cấp."
	msgReminderLate     = "Hạn gửi là %s, đã quá %d ngày; đề nghị các đơn vị gửi ngay qua đường dẫn đã được cấp."
	msgReminderPartial  = " (đã gửi nhưng còn %d lỗi, cần sửa rồi gửi lại)"
	msgReminderRejected = " (tệp đã gửi không dùng được, cần gửi lại)"
	msgReminderNone     = "Các đơn vị đã gửi đủ báo cáo %s. Cảm ơn các đơn vị!"
)

var roleLabels = map[Role]string{
	RoleCounting:   "Đang dùng để tổng hợp",
	RoleSuperseded: "Không dùng (dùng tệp khác của đơn vị)",
	RoleUnusable:   "Không dùng được",
	RoleWithdrawn:  "Đơn vị đã rút lại",
}

var viaLabels = map[Via]string{
	ViaLink:    "qua đường dẫn của đơn vị",
	ViaForm:    "gửi qua biểu mẫu",
	ViaOfficer: "cán bộ tổng hợp nộp thay",
}
