package report

// Every text of this package that a person reads, in one place.
const (
	msgUnknownUnitID = "không có đơn vị mã %q trong kế hoạch"
	msgNoAssignments = "đơn vị %q không phải báo cáo mô hình nào"
	msgPlanName      = "Kế hoạch số %s của %s"
)
