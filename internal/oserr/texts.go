package oserr

// Every text of this package that a person reads, in one place.
const (
	msgNotExist    = "không có tệp hoặc thư mục này"
	msgNoFolder    = "thư mục chứa tệp không còn, hoặc một phần của đường dẫn không có"
	msgNoRead      = "không có quyền đọc"
	msgNoWrite     = "không có quyền ghi vào đây (thư mục hoặc tệp chỉ cho đọc, hoặc tệp đang mở trong Excel)"
	msgReadOnly    = "ổ đĩa hoặc thư mục chỉ cho đọc, không ghi được"
	msgNoSpace     = "ổ đĩa đã đầy; xóa bớt tệp hoặc chọn ổ khác"
	msgNotDir      = "một phần của đường dẫn là tệp, không phải thư mục"
	msgIsDir       = "đây là một thư mục, không phải tệp"
	msgExists      = "đã có tệp hoặc thư mục cùng tên"
	msgNotWorkbook = "không phải tệp Excel (.xlsx) hoặc tệp đã hỏng"
	msgTooLong     = "tên tệp hoặc đường dẫn quá dài"
	msgReadOther   = "hệ điều hành không cho đọc (lỗi không rõ)"
	msgWriteOther  = "hệ điều hành không cho ghi (lỗi không rõ)"
)
