package excel

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The fast reader's worksheets: rows and raw values as excelize's row
// iterator returns them, and each cell's type and style.

// fastSheet is one worksheet as the reader needs it.
type fastSheet struct {
	g   *sheetGrid
	err error // errTooManyRows
	// cells holds each written cell's type and style in the order they
	// were read, which is by row, then column (other orders are declined).
	cells     []cellInfo
	lastRow   int
	rowStyle  map[int]int
	colStyles []colStyle
	merges    []mergeRange
}

type cellPos struct{ col, row int }

type cellInfo struct {
	pos   struct{ col, row int32 }
	t     cellKind
	style int32
}

// cellKind is a cell's t attribute, one of cellKinds; 0 for none or
// another.
type cellKind uint8

var cellKinds = []string{"", "b", "d", "n", "e", "s", "str", "inlineStr"}

func kindOf(t string) cellKind {
	for i, k := range cellKinds {
		if t == k {
			return cellKind(i)
		}
	}
	return 0
}

// info is the cell at col, row, or its zero value.
func (sh *fastSheet) info(col, row int) cellInfo {
	i, ok := slices.BinarySearchFunc(sh.cells, cellPos{col, row}, func(c cellInfo, p cellPos) int {
		if int(c.pos.row) != p.row {
			return int(c.pos.row) - p.row
		}
		return int(c.pos.col) - p.col
	})
	if !ok {
		return cellInfo{}
	}
	return sh.cells[i]
}

type colStyle struct{ min, max, style int }

// readSheet reads a worksheet's rows, as excelize's row iterator returns
// them with raw values, and what cellType and cellStyle need.
func readSheet(name string, data []byte, shared []string) (*fastSheet, error) {
	if data == nil {
		return nil, fallback()
	}
	p := &sheetParser{
		sh:     &fastSheet{g: &sheetGrid{name: name}, rowStyle: map[int]int{}},
		shared: shared,
	}
	err := xmlScan(data, func(t xmlTok) error {
		if p.sh.err != nil {
			return errStop // too many rows: nothing more is read
		}
		switch t.kind {
		case tokStart:
			return p.start(t)
		case tokChar:
			p.char(t)
		case tokEnd:
			return p.end(t)
		}
		return nil
	})
	if err != nil && err != errStop {
		return nil, err
	}
	sh := p.sh
	// excelize reads a merged cell's type and formula from the range's
	// first cell: a formula there is for excelize to compute.
	for _, m := range sh.merges {
		if slices.Contains(p.formulas, cellPos{m.c1, m.r1}) {
			return nil, fallback()
		}
	}
	if sh.err == nil {
		sh.g.fillMerges(sh.merges)
	}
	slices.SortStableFunc(sh.colStyles, func(a, b colStyle) int { return a.min - b.min })
	return sh, nil
}

// sheetParser is readSheet's state between tokens.
type sheetParser struct {
	sh       *fastSheet
	shared   []string
	row, col int
	c        struct {
		t, v      string
		style     int
		hasF      bool
		inline    strings.Builder
		inV, inIS bool // in <v>, in <is>
		inT, inPh bool // in <t>, in a phonetic run
	}
	rowCells []string
	formulas []cellPos
}

func (p *sheetParser) start(t xmlTok) error {
	c := &p.c
	switch {
	case t.depth == 1 && (t.local != "worksheet" || t.attr("xmlns") != nsMain):
		return fallback()
	case t.local == "row" && t.depth == 3:
		return p.startRow(t)
	case t.local == "c" && t.depth == 4:
		return p.startCell(t)
	case t.local == "v" && t.depth == 5:
		c.inV = true
	case t.local == "f" && t.depth == 5:
		c.hasF = true
	case t.local == "is" && t.depth == 5:
		c.inIS = true
	case c.inIS && t.local == "rPh":
		c.inPh = true
	case c.inIS && t.local == "t":
		c.inT = !c.inPh
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
		p.sh.colStyles = append(p.sh.colStyles, cs)
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
		p.sh.merges = append(p.sh.merges, mergeRange{c1, r1, c2, r2})
	}
	return nil
}

func (p *sheetParser) startRow(t xmlTok) error {
	r, err := strconv.Atoi(t.attr("r"))
	if err != nil || r <= p.row || r > maxSheetRow {
		return fallback() // rows without numbers or out of order
	}
	if r > maxRows {
		p.sh.err = errTooManyRows
		return nil
	}
	p.row, p.col = r, 0
	if s, ok := t.lookup("s"); ok {
		n, err := strconv.Atoi(s)
		if err != nil {
			return fallback()
		}
		p.sh.rowStyle[r] = n
	}
	return nil
}

func (p *sheetParser) startCell(t xmlTok) error {
	cc, cr, err := excelize.CellNameToCoordinates(t.attr("r"))
	if err != nil || cr != p.row || cc <= p.col {
		return fallback() // cells without references or out of order
	}
	p.col = cc
	c := &p.c
	c.t, c.v, c.style, c.hasF = t.attr("t"), "", 0, false
	c.inline.Reset()
	if s, ok := t.lookup("s"); ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return fallback()
		}
		c.style = n
	}
	return nil
}

func (p *sheetParser) char(t xmlTok) {
	switch {
	case p.c.inV:
		p.c.v += string(t.text)
	case p.c.inT:
		p.c.inline.Write(t.text)
	}
}

func (p *sheetParser) end(t xmlTok) error {
	c := &p.c
	switch {
	case t.local == "v" && c.inV:
		c.inV = false
	case t.local == "rPh":
		c.inPh = false
	case t.local == "t":
		c.inT = false
	case t.local == "is" && c.inIS:
		c.inIS = false
	case t.local == "c" && t.depth == 3:
		return p.endCell()
	case t.local == "row" && t.depth == 2:
		p.endRow()
	}
	return nil
}

func (p *sheetParser) endCell() error {
	c := &p.c
	val, err := cellValue(c.t, c.v, c.inline.String(), p.shared)
	if err != nil {
		return err
	}
	if c.hasF {
		if val == "" {
			return fallback() // a formula excelize would compute
		}
		p.formulas = append(p.formulas, cellPos{p.col, p.row})
	}
	info := cellInfo{t: kindOf(c.t), style: int32(min(c.style, math.MaxInt32))} // past any style there is
	info.pos.col, info.pos.row = int32(p.col), int32(p.row)
	p.sh.cells = append(p.sh.cells, info)
	if val != "" || c.hasF {
		for len(p.rowCells) < p.col-1 {
			p.rowCells = append(p.rowCells, "")
		}
		p.rowCells = append(p.rowCells, val)
	}
	return nil
}

// endRow adds the row to the grid, rows missing before it as empty ones.
func (p *sheetParser) endRow() {
	cells := p.rowCells
	if len(cells) > maxCols {
		cells = cells[:maxCols]
	}
	for len(p.sh.g.cells) < p.row-1 {
		p.sh.g.cells = append(p.sh.g.cells, nil)
	}
	p.sh.g.cells = append(p.sh.g.cells, cells)
	p.rowCells = nil
	p.sh.lastRow = p.row
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
		if escaped(inline) {
			return "", fallback()
		}
		if inline == "" {
			return v, nil
		}
		return inline, nil
	}
	return v, nil
}

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
	return cellTypes[cellKinds[sh.info(col, row).t]]
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
	id := int(sh.info(col, row).style)
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
