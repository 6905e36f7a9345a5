package excel

import (
	"errors"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// The fast reader's parts other than worksheets: package and workbook
// relationships, the workbook's sheet list, custom properties, shared
// strings, and the few styles the reader asks about.

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

// readProps reads the custom properties. Only text values are taken.
func (fs *fastSource) readProps(data []byte) error {
	fs.props = map[string]string{}
	if data == nil {
		return nil
	}
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
	return err
}

// readShared reads the shared strings: each item's text and its rich-text
// runs' text, phonetic runs left out. Each item is a string of its own, so
// that a value kept from a workbook keeps nothing else of it alive.
func readShared(data []byte) ([]string, error) {
	if data == nil {
		return nil, nil
	}
	var out []string
	var text []byte // the item's text so far
	inT, inPh := false, false
	err := xmlScan(data, func(t xmlTok) error {
		switch t.kind {
		case tokStart:
			switch t.local {
			case "si":
				text = text[:0]
			case "rPh":
				inPh = true
			case "t":
				inT = !inPh
			}
		case tokChar:
			if inT {
				text = append(text, t.text...)
			}
		case tokEnd:
			switch t.local {
			case "si":
				s := string(text)
				if escaped(s) {
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

// reEscape is an escaped character as excelize decodes it ("_x000D_");
// text holding one is for excelize. Other "_x" ("de_xuat") is plain text.
var reEscape = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

func escaped(s string) bool { return strings.Contains(s, "_x") && reEscape.MatchString(s) }

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
