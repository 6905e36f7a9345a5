package excel

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The one-pass reader. excelize builds a model of the whole workbook
// (every style, every cell as a struct) and reads a sheet several times;
// a unit's report needs a few values. fastSource inflates each part once,
// reads each needed part in one token pass, keeps only what the report
// reader asks for, and gives exactly excelize's answers. Anything it is not
// sure to read as excelize would (a formula without a cached value, the
// strict namespace, rows or cells out of order, a broken part) makes
// openFast fail, and the workbook goes to excelize instead. The
// differential test (fast_test.go) holds the two equal.

// errFallback: this workbook is for excelize.
var errFallback = errors.New("excel: not for the fast reader")

// fallback is errFallback with the line of fast.go that declined, for
// finding out why a workbook went to excelize.
func fallback() error {
	_, _, line, _ := runtime.Caller(1)
	return fmt.Errorf("%w (fast.go:%d)", errFallback, line)
}

const (
	nsMain         = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	relOfficeDoc   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	maxSheetRow    = 1048576 // the grid's last row
	partWorkbook   = "xl/workbook.xml"
	partRels       = "xl/_rels/workbook.xml.rels"
	partShared     = "xl/sharedStrings.xml"
	partStyles     = "xl/styles.xml"
	partCustom     = "docProps/custom.xml"
	partPackageRel = "_rels/.rels"
)

type fastSource struct {
	sheets  []fastSheetRef
	props   map[string]string
	byName  map[string]*fastSheet
	xfs     []fastXF
	fonts   []fastFont
	numFmts map[int]string
	// Sheets are read when the reader first asks for them; declined is
	// set when one is not for the fast reader, and the whole workbook is
	// then read again by excelize.
	parts    map[string][]byte
	shared   []string
	declined error
}

type fastSheetRef struct {
	name, state, rid, path string
}

type fastXF struct {
	numFmt    int // -1 when absent
	font      int // -1 when absent
	applyFont bool
}

type fastFont struct{ name string }

// fastSheet is one worksheet as the reader needs it.
type fastSheet struct {
	g   *sheetGrid
	err error // errTooManyRows
	// cells holds each written cell's type and style, by position.
	cells     map[cellPos]cellInfo
	lastRow   int
	rowStyle  map[int]int
	colStyles []colStyle
	merges    []mergeRange
}

type cellPos struct{ col, row int }

type cellInfo struct {
	t     string
	style int
}

type colStyle struct{ min, max, style int }

// openFast reads the workbook in b, or fails with errFallback.
func openFast(b []byte) (*fastSource, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fallback()
	}
	var claimed uint64
	for _, f := range zr.File {
		claimed += f.UncompressedSize64
	}
	if claimed > maxUnzipSize {
		return nil, fallback()
	}
	// Inflate every part once, as excelize does (a broken part it would
	// refuse is refused here too); keep the XML parts the reader needs.
	parts := map[string][]byte{}
	var total int64
	for _, f := range zr.File {
		keep := f.Name == partWorkbook || f.Name == partRels || f.Name == partShared || f.Name == partStyles ||
			f.Name == partCustom || f.Name == partPackageRel || strings.HasPrefix(f.Name, "xl/worksheets/")
		if _, dup := parts[f.Name]; dup && keep {
			return nil, fallback()
		}
		limit := maxUnzipSize - total
		if keep {
			limit = min(limit, maxUnzipXMLSize)
		}
		data, n, err := inflate(f, keep, limit)
		switch {
		case err != nil:
			return nil, fallback()
		case n > limit && keep && limit == maxUnzipXMLSize:
			return nil, &limitError{msgPartTooLarge}
		case n > limit:
			return nil, fallback() // the whole archive: excelize says so
		}
		total += n
		if keep {
			parts[f.Name] = data
		}
	}
	if err := checkLimits(parts); err != nil {
		return nil, err
	}
	fs := &fastSource{byName: map[string]*fastSheet{}}
	if err := fs.readPackageRels(parts[partPackageRel]); err != nil {
		return nil, err
	}
	if err := fs.readWorkbook(parts[partWorkbook], parts[partRels], parts); err != nil {
		return nil, err
	}
	if err := fs.readProps(parts[partCustom]); err != nil {
		return nil, err
	}
	shared, err := readShared(parts[partShared])
	if err != nil {
		return nil, err
	}
	if err := fs.readStyles(parts[partStyles]); err != nil {
		return nil, err
	}
	fs.parts, fs.shared = parts, shared
	return fs, nil
}

// sheet reads a worksheet the first time it is asked for.
func (fs *fastSource) sheet(name string) *fastSheet {
	if sh, ok := fs.byName[name]; ok {
		return sh
	}
	for _, ref := range fs.sheets {
		if ref.name != name {
			continue
		}
		sh, err := readSheet(ref.name, fs.parts[ref.path], fs.shared)
		if err != nil {
			fs.declined = err
			sh = nil
		}
		fs.byName[name] = sh
		return sh
	}
	return nil
}

// limitError: the workbook is beyond what any report holds; it is refused
// with this message instead of being read by either reader.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// checkLimits counts what makes reading slow, in the inflated parts, before
// anything is parsed. Counting tags over-counts a little (a prefix, text
// that looks like a tag is escaped so it cannot), which the limits allow.
func checkLimits(parts map[string][]byte) error {
	var cells, merges int
	for name, data := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		cells += bytes.Count(data, []byte("<c ")) + bytes.Count(data, []byte(":c "))
		merges += bytes.Count(data, []byte("mergeCell "))
	}
	switch {
	case merges > maxMerges:
		return &limitError{fmt.Sprintf(msgTooManyMerges, merges, maxMerges)}
	case cells > maxCells:
		return &limitError{fmt.Sprintf(msgTooManyCells, cells, maxCells)}
	case bytes.Count(parts[partShared], []byte("<si")) > maxSharedStrings:
		return &limitError{fmt.Sprintf(msgTooManyStrings, maxSharedStrings)}
	case bytes.Count(parts[partStyles], []byte("<xf ")) > maxStyles:
		return &limitError{fmt.Sprintf(msgTooManyStyles, maxStyles)}
	}
	return nil
}

// inflate reads a part to its end (so that its checksum is verified),
// keeping the bytes when keep is set. It stops one byte past limit: n >
// limit says the part is larger, whatever its header claims.
func inflate(f *zip.File, keep bool, limit int64) ([]byte, int64, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, 0, err
	}
	defer rc.Close()
	lr := io.LimitReader(rc, limit+1)
	if !keep {
		n, err := io.Copy(io.Discard, lr)
		return nil, n, err
	}
	size := limit // the header's size is a hint, never trusted beyond limit
	if f.UncompressedSize64 < uint64(limit) {
		size = int64(f.UncompressedSize64)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+1))
	n, err := buf.ReadFrom(lr)
	return buf.Bytes(), n, err
}

// xmlScan calls fn for each token of an XML part; any part the scanner
// declines, or fn's error, ends it.
func xmlScan(data []byte, fn func(tok xmlTok) error) error {
	if err := checkPart(data); err != nil {
		return err
	}
	d := newTokenizer(data)
	for {
		tok, err := d.next()
		if err == io.EOF {
			if len(d.stack) > 0 {
				return fallback()
			}
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

func (fs *fastSource) readPackageRels(data []byte) error {
	if data == nil {
		return fallback()
	}
	target := ""
	err := xmlScan(data, func(t xmlTok) error {
		if t.kind == tokStart && t.local == "Relationship" && t.attr("Type") == relOfficeDoc && target == "" {
			target = strings.TrimPrefix(t.attr("Target"), "/")
		}
		return nil
	})
	if err != nil || target != partWorkbook {
		return fallback()
	}
	return nil
}

func (fs *fastSource) readWorkbook(wb, rels []byte, parts map[string][]byte) error {
	if wb == nil || rels == nil {
		return fallback()
	}
	targets := map[string]string{}
	err := xmlScan(rels, func(t xmlTok) error {
		if t.kind == tokStart && t.local == "Relationship" {
			if _, dup := targets[t.attr("Id")]; dup {
				return fallback()
			}
			targets[t.attr("Id")] = t.attr("Target")
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = xmlScan(wb, func(t xmlTok) error {
		if t.kind != tokStart {
			return nil
		}
		if t.depth == 1 && (t.local != "workbook" || t.attr("xmlns") != nsMain) {
			return fallback() // another root, or the strict namespace
		}
		if t.local == "sheet" && t.depth == 3 {
			rid := t.attrNS("id")
			target, ok := targets[rid]
			if !ok {
				return fallback()
			}
			p := path.Clean(path.Join(path.Dir(partWorkbook), target))
			if strings.HasPrefix(target, "/") {
				p = strings.TrimPrefix(path.Clean(target), "/")
			}
			if _, ok := parts[p]; !ok {
				return fallback()
			}
			fs.sheets = append(fs.sheets, fastSheetRef{name: t.attr("name"), state: t.attr("state"), rid: rid, path: p})
		}
		return nil
	})
	if err != nil || len(fs.sheets) == 0 {
		return fallback()
	}
	return nil
}

// readProps reads the custom properties. Only text values are taken; a
// workbook whose template metadata is missing goes to excelize, which
// reads the hidden sheet instead.
func (fs *fastSource) readProps(data []byte) error {
	if data == nil {
		return fallback()
	}
	fs.props = map[string]string{}
	name, inValue, values := "", false, 0
	var text strings.Builder
	err := xmlScan(data, func(t xmlTok) error {
		switch {
		case t.kind == tokStart && t.depth == 1:
			if t.local != "Properties" {
				return fallback()
			}
		case t.kind == tokStart && t.depth == 1 && t.local != "Properties":
			return fallback()
		case t.kind == tokStart && t.local == "property" && t.depth == 2:
			name, values = t.attr("name"), 0
		case t.kind == tokStart && t.depth == 3:
			if t.local != "lpwstr" && t.local != "lpstr" && t.local != "bstr" {
				return fallback() // typed values print as excelize types them
			}
			inValue, values = true, values+1
			text.Reset()
		case t.kind == tokStart:
			return fallback()
		case t.kind == tokChar && inValue:
			text.Write(t.text)
		case t.kind == tokEnd && t.depth == 2 && inValue:
			inValue = false
			if values > 1 {
				return fallback()
			}
			fs.props[name] = text.String()
		}
		return nil
	})
	if err != nil || fs.props["de06."+metaUnit] == "" || fs.props["de06."+metaPeriod] == "" {
		return fallback()
	}
	return nil
}

// readShared reads the shared strings: each item's text and its rich-text
// runs' text, phonetic runs left out.
func readShared(data []byte) ([]string, error) {
	if data == nil {
		return nil, nil
	}
	var out []string
	var text strings.Builder
	inT, inPh := false, false
	err := xmlScan(data, func(t xmlTok) error {
		switch t.kind {
		case tokStart:
			switch t.local {
			case "si":
				text.Reset()
			case "rPh":
				inPh = true
			case "t":
				inT = !inPh
			}
		case tokChar:
			if inT {
				text.Write(t.text)
			}
		case tokEnd:
			switch t.local {
			case "si":
				s := text.String()
				if strings.Contains(s, "_x") {
					return fallback() // escaped characters: excelize decodes them
				}
				out = append(out, s)
			case "rPh":
				inPh = false
			case "t":
				inT = false
			}
		}
		return nil
	})
	return out, err
}

func (fs *fastSource) readStyles(data []byte) error {
	if data == nil {
		return fallback()
	}
	fs.numFmts = map[int]string{}
	section := ""
	inFont := false
	err := xmlScan(data, func(t xmlTok) error {
		switch t.kind {
		case tokStart:
			switch {
			case t.depth == 2:
				section = t.local
			case section == "numFmts" && t.local == "numFmt":
				id, err := strconv.Atoi(t.attr("numFmtId"))
				if err != nil {
					return fallback()
				}
				fs.numFmts[id] = t.attr("formatCode")
			case section == "fonts" && t.local == "font" && t.depth == 3:
				fs.fonts = append(fs.fonts, fastFont{})
				inFont = true
			case section == "fonts" && inFont && t.local == "name" && t.depth == 4:
				fs.fonts[len(fs.fonts)-1].name = t.attr("val")
			case section == "cellXfs" && t.local == "xf" && t.depth == 3:
				xf, err := readXF(t)
				if err != nil {
					return err
				}
				fs.xfs = append(fs.xfs, xf)
			}
		case tokEnd:
			if t.depth == 1 {
				if section == "cellXfs" {
					return errStop // the rest (named styles, colours) is not read
				}
				section = ""
			}
			if t.local == "font" {
				inFont = false
			}
		}
		return nil
	})
	if err == errStop {
		return nil
	}
	return err
}

// errStop ends a scan early, once what is needed has been read.
var errStop = errors.New("stop")

func readXF(t xmlTok) (fastXF, error) {
	xf := fastXF{numFmt: -1, font: -1, applyFont: true}
	for _, a := range []struct {
		name string
		dst  *int
	}{{"numFmtId", &xf.numFmt}, {"fontId", &xf.font}} {
		if v, ok := t.lookup(a.name); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				return xf, fallback()
			}
			*a.dst = n
		}
	}
	if v, ok := t.lookup("applyFont"); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return xf, fallback()
		}
		xf.applyFont = b
	}
	return xf, nil
}

// readSheet reads a worksheet's rows, as excelize's row iterator returns
// them with raw values, and what cellType and cellStyle need.
func readSheet(name string, data []byte, shared []string) (*fastSheet, error) {
	if data == nil {
		return nil, fallback()
	}
	sh := &fastSheet{g: &sheetGrid{name: name}, cells: map[cellPos]cellInfo{}, rowStyle: map[int]int{}}
	var (
		row, col int
		c        struct {
			t, v       string
			style      int
			hasF, hasV bool
			is         strings.Builder
		}
		inV, inIS   bool
		inT, inPh   bool
		rowCells    []string
		formulaRefs []cellPos
	)
	flushRow := func() {
		if len(rowCells) > maxCols {
			rowCells = rowCells[:maxCols]
		}
		for len(sh.g.cells) < row-1 {
			sh.g.cells = append(sh.g.cells, nil)
		}
		sh.g.cells = append(sh.g.cells, rowCells)
		rowCells = nil
	}
	err := xmlScan(data, func(t xmlTok) error {
		if sh.err != nil {
			return nil
		}
		switch t.kind {
		case tokStart:
			switch {
			case t.depth == 1 && (t.local != "worksheet" || t.attr("xmlns") != nsMain):
				return fallback()
			case t.local == "row" && t.depth == 3:
				r, err := strconv.Atoi(t.attr("r"))
				if err != nil || r <= row || r > maxSheetRow {
					return fallback() // rows without numbers or out of order
				}
				if r > maxRows {
					sh.err = errTooManyRows
					return nil
				}
				row, col = r, 0
				if s, ok := t.lookup("s"); ok {
					n, err := strconv.Atoi(s)
					if err != nil {
						return fallback()
					}
					sh.rowStyle[r] = n
				}
			case t.local == "c" && t.depth == 4:
				cc, cr, err := excelize.CellNameToCoordinates(t.attr("r"))
				if err != nil || cr != row || cc <= col {
					return fallback()
				}
				col = cc
				c.t, c.v, c.style, c.hasF, c.hasV = t.attr("t"), "", 0, false, false
				c.is.Reset()
				if s, ok := t.lookup("s"); ok {
					n, err := strconv.Atoi(s)
					if err != nil || n < 0 {
						return fallback()
					}
					c.style = n
				}
			case t.local == "v" && t.depth == 5:
				inV, c.hasV = true, true
			case t.local == "f" && t.depth == 5:
				c.hasF = true
			case t.local == "is" && t.depth == 5:
				inIS = true
			case inIS && t.local == "rPh":
				inPh = true
			case inIS && t.local == "t":
				inT = !inPh
			case t.local == "col" && t.depth == 3:
				cs := colStyle{}
				for _, a := range []struct {
					name string
					dst  *int
				}{{"min", &cs.min}, {"max", &cs.max}, {"style", &cs.style}} {
					if v, ok := t.lookup(a.name); ok {
						n, err := strconv.Atoi(v)
						if err != nil {
							return fallback()
						}
						*a.dst = n
					}
				}
				sh.colStyles = append(sh.colStyles, cs)
			case t.local == "mergeCell" && t.depth == 3:
				first, last, ok := strings.Cut(t.attr("ref"), ":")
				if !ok {
					return fallback()
				}
				c1, r1, err1 := excelize.CellNameToCoordinates(first)
				c2, r2, err2 := excelize.CellNameToCoordinates(last)
				if err1 != nil || err2 != nil || c1 > c2 || r1 > r2 {
					return fallback()
				}
				sh.merges = append(sh.merges, mergeRange{c1, r1, c2, r2})
			}
		case tokChar:
			switch {
			case inV:
				c.v += string(t.text)
			case inT:
				c.is.Write(t.text)
			}
		case tokEnd:
			switch {
			case t.local == "v" && inV:
				inV = false
			case t.local == "rPh":
				inPh = false
			case t.local == "t":
				inT = false
			case t.local == "is" && inIS:
				inIS = false
			case t.local == "c" && t.depth == 3:
				val, err := cellValue(c.t, c.v, c.is.String(), shared)
				if err != nil {
					return err
				}
				if c.hasF {
					if val == "" {
						return fallback() // a formula excelize would compute
					}
					formulaRefs = append(formulaRefs, cellPos{col, row})
				}
				sh.cells[cellPos{col, row}] = cellInfo{t: c.t, style: c.style}
				if val != "" || c.hasF {
					for len(rowCells) < col-1 {
						rowCells = append(rowCells, "")
					}
					rowCells = append(rowCells, val)
				}
			case t.local == "row" && t.depth == 2:
				flushRow()
				sh.lastRow = row
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// excelize reads a merged cell's type and formula from the range's
	// first cell: a formula there is for excelize to compute.
	for _, m := range sh.merges {
		if slices.Contains(formulaRefs, cellPos{m.c1, m.r1}) {
			return nil, fallback()
		}
	}
	if sh.err == nil {
		sh.g.fillMerges(sh.merges)
	}
	slices.SortStableFunc(sh.colStyles, func(a, b colStyle) int { return a.min - b.min })
	return sh, nil
}

// cellValue is a cell's raw value as excelize gives it with RawCellValue.
func cellValue(t, v, inline string, shared []string) (string, error) {
	switch t {
	case "s":
		if v == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return "", fallback()
		}
		return shared[i], nil
	case "inlineStr":
		if strings.Contains(inline, "_x") {
			return "", fallback()
		}
		if inline == "" {
			return v, nil
		}
		return inline, nil
	}
	return v, nil
}

func (fs *fastSource) sheetList() []string {
	names := make([]string, len(fs.sheets))
	for i, s := range fs.sheets {
		names[i] = s.name
	}
	return names
}

func (fs *fastSource) sheetVisible(sheet string) bool {
	visible := false
	for _, s := range fs.sheets {
		if strings.EqualFold(s.name, sheet) {
			visible = s.state == "" || s.state == "visible"
		}
	}
	return visible
}

func (fs *fastSource) grid(sheet string) (*sheetGrid, error) {
	sh := fs.sheet(sheet)
	if sh == nil {
		return nil, fallback()
	}
	if sh.err != nil {
		return nil, sh.err
	}
	// The reader fills cells in; give it its own copy.
	g := &sheetGrid{name: sh.g.name, cells: make([][]string, len(sh.g.cells))}
	for i, r := range sh.g.cells {
		g.cells[i] = slices.Clone(r)
	}
	return g, nil
}

func (fs *fastSource) customProps() (map[string]string, error) { return fs.props, nil }

// metaRows is never needed: openFast sends workbooks without template
// metadata in their properties to excelize.
func (fs *fastSource) metaRows() [][]string { return nil }

// formulaValue is never needed: openFast sends workbooks with a formula
// lacking its cached value to excelize.
func (fs *fastSource) formulaValue(sheet, ref string) string { return "" }

func (fs *fastSource) cellType(sheet, ref string) excelize.CellType {
	sh := fs.sheet(sheet)
	col, row, err := excelize.CellNameToCoordinates(ref)
	if sh == nil || err != nil {
		return excelize.CellTypeUnset
	}
	for _, m := range sh.merges {
		if m.c1 <= col && col <= m.c2 && m.r1 <= row && row <= m.r2 {
			col, row = m.c1, m.r1
			break
		}
	}
	return cellTypes[sh.cells[cellPos{col, row}].t]
}

var cellTypes = map[string]excelize.CellType{
	"b": excelize.CellTypeBool, "d": excelize.CellTypeDate, "n": excelize.CellTypeNumber, "e": excelize.CellTypeError,
	"s": excelize.CellTypeSharedString, "str": excelize.CellTypeFormula, "inlineStr": excelize.CellTypeInlineString,
}

func (fs *fastSource) cellStyle(sheet, ref string) (string, bool) {
	sh := fs.sheet(sheet)
	col, row, err := excelize.CellNameToCoordinates(ref)
	if sh == nil || err != nil {
		return "", false
	}
	id := sh.cells[cellPos{col, row}].style
	if id == 0 {
		id = sh.rowStyle[row]
	}
	if id == 0 {
		for _, c := range sh.colStyles {
			if c.min <= col && col <= c.max && c.style != 0 {
				id = c.style
				break
			}
		}
	}
	if id < 0 || id >= len(fs.xfs) {
		return "", false
	}
	xf := fs.xfs[id]
	font := ""
	if xf.applyFont && xf.font >= 0 && xf.font < len(fs.fonts) {
		font = fs.fonts[xf.font].name
	}
	return font, fs.isPercent(xf.numFmt)
}

// isPercent follows excelize: a built-in or language format is known by its
// number (9 and 10 are the percentages), any other by its code.
func (fs *fastSource) isPercent(id int) bool {
	if id < 0 {
		return false
	}
	if builtinNumFmt(id) {
		return id == 9 || id == 10
	}
	code, ok := fs.numFmts[id]
	return ok && strings.Contains(code, "%")
}

func builtinNumFmt(id int) bool {
	return (0 <= id && id <= 4) || (9 <= id && id <= 22) || (27 <= id && id <= 81 && !(63 <= id && id <= 66))
}
