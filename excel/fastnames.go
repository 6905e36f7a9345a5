package excel

// knownName is an element's local name if it is one the fast reader looks
// at, else "" (a switch on the bytes: no hashing, no allocation).
func knownName(b []byte) string {
	switch string(b) {
	case "workbook":
		return "workbook"
	case "sheets":
		return "sheets"
	case "sheet":
		return "sheet"
	case "Relationships":
		return "Relationships"
	case "Relationship":
		return "Relationship"
	case "Properties":
		return "Properties"
	case "property":
		return "property"
	case "lpwstr":
		return "lpwstr"
	case "lpstr":
		return "lpstr"
	case "bstr":
		return "bstr"
	case "sst":
		return "sst"
	case "si":
		return "si"
	case "t":
		return "t"
	case "r":
		return "r"
	case "rPh":
		return "rPh"
	case "styleSheet":
		return "styleSheet"
	case "numFmts":
		return "numFmts"
	case "numFmt":
		return "numFmt"
	case "fonts":
		return "fonts"
	case "font":
		return "font"
	case "name":
		return "name"
	case "cellXfs":
		return "cellXfs"
	case "xf":
		return "xf"
	case "worksheet":
		return "worksheet"
	case "sheetData":
		return "sheetData"
	case "row":
		return "row"
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "cols":
		return "cols"
	case "col":
		return "col"
	case "mergeCells":
		return "mergeCells"
	case "mergeCell":
		return "mergeCell"
	}
	return ""
}
