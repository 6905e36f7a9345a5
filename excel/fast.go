package excel

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
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

// inflateParts inflates every part of the package in b once, checking the
// limits (limitError) before anything is parsed, and keeps the XML parts
// the reader needs. errFallback: the package is for excelize to judge. zr
// is b's zip directory when it has been read already (nil: read it here).
func inflateParts(b []byte, zr *zip.Reader) (map[string][]byte, error) {
	if zr == nil {
		var err error
		if zr, err = zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
			return nil, fallback()
		}
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
	parts := make(map[string][]byte, len(zr.File))
	var total int64
	var declined error
	for i, f := range zr.File {
		keep := f.Name == partWorkbook || f.Name == partRels || f.Name == partShared || f.Name == partStyles ||
			f.Name == partCustom || f.Name == partPackageRel || strings.HasPrefix(f.Name, "xl/worksheets/")
		name := f.Name
		if _, dup := parts[name]; dup && keep {
			// For excelize to judge, but counted against the limits all
			// the same, under a name no reader asks for.
			declined, name = fallback(), fmt.Sprintf("%s#%d", name, i)
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
			parts[name] = data
		}
	}
	if err := checkLimits(parts); err != nil {
		return nil, err
	}
	if declined != nil {
		return nil, declined
	}
	return parts, nil
}

// openFast reads the workbook in b, or fails with errFallback.
func openFast(b []byte) (*fastSource, error) { return openFastZip(b, nil) }

// openFastZip is openFast with b's zip directory when it has been read
// already (nil: read it here).
func openFastZip(b []byte, zr *zip.Reader) (*fastSource, error) {
	fs, err := openParts(b, zr)
	if err != nil {
		return nil, err
	}
	// A report without its template's metadata in its properties has it
	// on the hidden sheet, which excelize reads.
	if fs.props["de06."+metaUnit] == "" || fs.props["de06."+metaPeriod] == "" {
		return nil, fallback()
	}
	if err := fs.readStyles(fs.parts[partStyles]); err != nil {
		return nil, err
	}
	return fs, nil
}

// openParts inflates the workbook in b and reads its package, its sheet
// list, its custom properties and its shared strings; worksheets are read
// when asked for. Any workbook, not only a report: the roll-up reads
// consolidated workbooks with it. zr is b's zip directory, or nil.
func openParts(b []byte, zr *zip.Reader) (*fastSource, error) {
	parts, err := inflateParts(b, zr)
	if err != nil {
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
	return readAll(lr, size)
}

// release gives the parts' buffers back for the next workbook: nothing
// read from them is used afterwards.
func (fs *fastSource) release() {
	for name, data := range fs.parts {
		putBuf(data)
		delete(fs.parts, name)
	}
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
