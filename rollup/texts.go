package rollup

// Every text of this package that a person reads, in one place. Findings
// name the file; messages say what is wrong, hints what to do.
// A summed count at or past its target, as the report's body says it.
const (
	cellOverTarget = "đạt %s, vượt chỉ tiêu (%s)"
	cellAtTarget   = "đạt %s, bằng chỉ tiêu"
	// msgBecause puts a proposal after the difficulty it points back to.
	msgBecause = "Do %s, %s"
)

const (
	msgUnitReport        = "đây là báo cáo của một đơn vị trong xã (tệp mẫu báo cáo), không phải bảng tổng hợp của xã"
	msgNotConsolidated   = "không phải bảng tổng hợp do de06 ghi ra: không có các trang \"Tổng hợp\" và \"Dữ liệu\""
	hintSendConsolidated = "đề nghị xã gửi bảng tổng hợp bao-cao-de-an-06-<kỳ>.xlsx do de06 ghi ra (kèm báo cáo PDF)"
	msgNoModels          = "trang Tổng hợp không có dòng mô hình nào"
	msgModelUnreadable   = "không đọc được số mô hình ở dòng này (%q)"
	msgModelTwice        = "mô hình %d có hai dòng; chỉ dòng đầu được tổng hợp"
	msgStatusUnreadable  = "tình trạng %q của mô hình %d không đọc được; tính là chưa báo cáo"
	hintResendWorkbook   = "đề nghị xã gửi lại bảng tổng hợp đúng như de06 ghi ra, không sửa tay"
	msgOwnErrors         = "bảng tổng hợp của xã còn %d lỗi ở trang Kiểm tra: các dòng có lỗi của đơn vị không được xã tổng hợp"
	hintOwnErrors        = "đề nghị xã yêu cầu đơn vị sửa, tổng hợp lại rồi gửi lại"
	msgNoCommune         = "bảng tổng hợp không ghi tên xã (trang Thông tin chung, hoặc dòng đầu trang Tổng hợp)"
	hintNoCommune        = "đề nghị xã ghi cơ quan ban hành kế hoạch ở trang \"Thông tin chung\" của kế hoạch xã, tổng hợp lại rồi gửi lại"
	msgCommuneUnknown    = "không nhận ra xã %q trong danh sách xã của tỉnh"
	hintCommuneUnknown   = "kiểm tra danh sách xã hoặc tên gọi khác của xã trong kế hoạch của tỉnh; gần nhất: %s"
	hintPeriod           = "đề nghị xã gửi bảng tổng hợp %s"
	msgModelNotInPlan    = "mô hình %d (%s) không có trong kế hoạch của tỉnh; không được tổng hợp"
	hintModelNotInPlan   = "kiểm tra số mô hình trong kế hoạch của xã và của tỉnh (theo danh mục mô hình của tỉnh)"
	msgDistrict          = "bảng tổng hợp của %s còn ghi cơ quan đã kết thúc hoạt động: %s; số liệu vẫn được tổng hợp"
	msgDefunctBody       = "\"%s\" (từ ngày %s)"
	hintDistrict         = "đề nghị xã sửa cơ quan chủ quản, Kính gửi, Nơi nhận ở trang \"Thông tin chung\" của kế hoạch xã từ kỳ sau"
	msgNotComparable     = "chỉ tiêu mô hình %d của %s %s; số liệu này chưa được cộng vào tỉnh"
	hintNotComparable    = "nếu là cùng một chỉ tiêu, sửa tên và đơn vị tính cho khớp trong kế hoạch của xã hoặc của tỉnh"
	msgDiffersRatio      = "tính theo tỷ lệ (%), tỉnh tính theo số lượng"
	msgDiffersCount      = "tính theo số lượng (%s), tỉnh tính theo tỷ lệ (%%)"
	msgDiffersUnit       = "ghi đơn vị tính “%s”, tỉnh ghi “%s”"
	msgDiffersName       = "có tên “%s”, tỉnh ghi “%s”"
	msgNotSent           = "%s chưa gửi bảng tổng hợp kỳ này"
	msgSentUnusable      = "%s có gửi nhưng tệp không dùng được (%s)"
	hintNotSent          = "nhắc xã gửi bảng tổng hợp (hoặc gửi lại tệp đúng)"
	msgBlankHeader       = "chưa có kế hoạch của tỉnh: phần đầu và phần cuối báo cáo PDF để trống (dấu chấm) để ghi tay; các mô hình lấy theo bảng tổng hợp của các xã"
	hintBlankHeader      = "dùng kế hoạch của tỉnh để có cơ quan, số hiệu, Kính gửi, Nơi nhận"
)

// blank fills a header field left to write by hand.
const blank = "……………………"
