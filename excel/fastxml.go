package excel

import (
	"bytes"
	"encoding/binary"
	"io"
	"strconv"
	"unicode/utf8"
)

// The fast reader's XML scanner. It reads the XML that Excel, LibreOffice
// and excelize write, without allocating per token, and declines whatever
// lies outside that plain subset (a DOCTYPE, CDATA, comments, non-ASCII
// names, a raw carriage return, an unknown entity…) with errFallback, so
// that a part it accepts is one encoding/xml reads the same way.

type tokKind int

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokChar
)

type xmlTok struct {
	kind  tokKind
	local string // the element's local name if it is one the reader knows, else ""
	attrs []byte // the raw attributes of a start tag
	text  []byte // character data, unescaped; valid until the next token
	depth int    // elements open after this token
}

type tokenizer struct {
	data    []byte
	pos     int
	pending bool     // a self-closing tag owes its end token
	stack   [][]byte // open elements' names, as written
	buf     []byte   // unescaped text
	names   [][]byte // the attribute names of the tag being read
}

func newTokenizer(data []byte) *tokenizer { return &tokenizer{data: data} }

// checkPart declines a part the scanner would not read as encoding/xml
// does: invalid UTF-8, control characters, carriage returns (which
// encoding/xml rewrites), the non-characters U+FFFE and U+FFFF, a byte
// order mark.
func checkPart(data []byte) error {
	if !utf8.Valid(data) || bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) ||
		bytes.Contains(data, []byte("\xEF\xBF\xBE")) || bytes.Contains(data, []byte("\xEF\xBF\xBF")) {
		return errFallback
	}
	// Eight bytes at a time: a word holding a byte below 0x20 (and, for
	// the borrow, maybe a false alarm) is looked at byte by byte.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(data) >= 8 {
		if w := binary.LittleEndian.Uint64(data); (w-0x20*ones)&^w&highs != 0 && hasControl(data[:8]) {
			return errFallback
		}
		data = data[8:]
	}
	if hasControl(data) {
		return errFallback
	}
	return nil
}

// hasControl reports whether b holds a control character XML text may not
// (tab and line feed it may; a carriage return encoding/xml rewrites).
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' {
			return true
		}
	}
	return false
}

func (t *tokenizer) next() (xmlTok, error) {
	if t.pending {
		t.pending = false
		return t.end(t.stack[len(t.stack)-1])
	}
	d := t.data
	for t.pos < len(d) {
		if d[t.pos] != '<' {
			end := bytes.IndexByte(d[t.pos:], '<')
			if end < 0 {
				end = len(d) - t.pos
			}
			raw := d[t.pos : t.pos+end]
			t.pos += end
			text, err := t.unescape(raw)
			if err != nil {
				return xmlTok{}, err
			}
			return xmlTok{kind: tokChar, text: text, depth: len(t.stack)}, nil
		}
		rest := d[t.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return xmlTok{}, errFallback
			}
			pi := rest[:end]
			if bytes.HasPrefix(pi, []byte("<?xml")) && bytes.Contains(pi, []byte("encoding")) &&
				!bytes.Contains(bytes.ToLower(pi), []byte(`encoding="utf-8"`)) {
				return xmlTok{}, errFallback
			}
			t.pos += end + 2
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			return xmlTok{}, errFallback // comments, CDATA, DOCTYPE
		case bytes.HasPrefix(rest, []byte("</")):
			i := 2
			name, n := scanName(rest[i:])
			if n == 0 {
				return xmlTok{}, errFallback
			}
			i += n
			for i < len(rest) && isSpace(rest[i]) {
				i++
			}
			if i >= len(rest) || rest[i] != '>' {
				return xmlTok{}, errFallback
			}
			t.pos += i + 1
			return t.end(name)
		}
		return t.startTag(rest)
	}
	return xmlTok{}, io.EOF
}

// startTag reads a start tag at the start of rest: name, attributes, "/>"
// or ">". Attribute values are checked here, once.
func (t *tokenizer) startTag(rest []byte) (xmlTok, error) {
	i := 1
	name, n := scanName(rest[i:])
	if n == 0 {
		return xmlTok{}, errFallback
	}
	i += n
	attrStart := i
	t.names = t.names[:0]
	for {
		j := i
		for j < len(rest) && isSpace(rest[j]) {
			j++
		}
		if j >= len(rest) {
			return xmlTok{}, errFallback
		}
		if rest[j] == '>' || (rest[j] == '/' && j+1 < len(rest) && rest[j+1] == '>') {
			t.stack = append(t.stack, name)
			tok := xmlTok{kind: tokStart, local: knownName(localPart(name)), attrs: rest[attrStart:j], depth: len(t.stack)}
			if rest[j] == '/' {
				t.pending = true
				t.pos += j + 2
			} else {
				t.pos += j + 1
			}
			return tok, nil
		}
		if j == i { // attributes are separated by spaces
			return xmlTok{}, errFallback
		}
		attr, n := scanName(rest[j:])
		if n == 0 {
			return xmlTok{}, errFallback
		}
		// An attribute written twice: encoding/xml keeps the last, this
		// reader would find the first.
		for _, seen := range t.names {
			if bytes.Equal(seen, attr) {
				return xmlTok{}, errFallback
			}
		}
		t.names = append(t.names, attr)
		j += n
		for j < len(rest) && isSpace(rest[j]) {
			j++
		}
		if j >= len(rest) || rest[j] != '=' {
			return xmlTok{}, errFallback
		}
		j++
		for j < len(rest) && isSpace(rest[j]) {
			j++
		}
		if j >= len(rest) || (rest[j] != '"' && rest[j] != '\'') {
			return xmlTok{}, errFallback
		}
		// The value, in one pass: no '<', and no "]]>" or entity that
		// unescape would decline.
		q, end, amp := rest[j], -1, false
		for k := j + 1; k < len(rest); k++ {
			c := rest[k]
			if c == q {
				end = k - (j + 1)
				break
			}
			switch {
			case c == '<' || c == '>' && k >= j+3 && rest[k-1] == ']' && rest[k-2] == ']':
				return xmlTok{}, errFallback
			case c == '&':
				amp = true
			}
		}
		if end < 0 {
			return xmlTok{}, errFallback
		}
		if amp {
			if _, err := t.unescape(rest[j+1 : j+1+end]); err != nil {
				return xmlTok{}, err
			}
		}
		i = j + 1 + end + 1
	}
}

// end closes the innermost element, which must be name.
func (t *tokenizer) end(name []byte) (xmlTok, error) {
	if len(t.stack) == 0 || !bytes.Equal(t.stack[len(t.stack)-1], name) {
		return xmlTok{}, errFallback
	}
	t.stack = t.stack[:len(t.stack)-1]
	return xmlTok{kind: tokEnd, local: knownName(localPart(name)), depth: len(t.stack)}, nil
}

// scanName reads an ASCII XML name (with at most one prefix) at the start
// of b; n is 0 when there is none.
func scanName(b []byte) (name []byte, n int) {
	colons := 0
	for n < len(b) {
		c := b[n]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9') || c == '-' || c == '.':
			if n == 0 {
				return nil, 0
			}
		case c == ':' && n > 0 && colons == 0:
			colons++
		default:
			if n > 0 && b[n-1] == ':' {
				return nil, 0
			}
			return b[:n], n
		}
		n++
	}
	return nil, 0 // a name runs on to the end of the part
}

func localPart(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// unescape decodes the five entities and character references.
func (t *tokenizer) unescape(raw []byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 {
		if bytes.Contains(raw, []byte("]]>")) {
			return nil, errFallback
		}
		return raw, nil
	}
	t.buf = t.buf[:0]
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			t.buf = append(t.buf, raw...)
			break
		}
		t.buf = append(t.buf, raw[:amp]...)
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return nil, errFallback
		}
		ent := string(raw[1:semi])
		raw = raw[semi+1:]
		switch ent {
		case "lt":
			t.buf = append(t.buf, '<')
		case "gt":
			t.buf = append(t.buf, '>')
		case "amp":
			t.buf = append(t.buf, '&')
		case "apos":
			t.buf = append(t.buf, '\'')
		case "quot":
			t.buf = append(t.buf, '"')
		default:
			r, ok := charRef(ent)
			if !ok {
				return nil, errFallback
			}
			t.buf = utf8.AppendRune(t.buf, r)
		}
	}
	return t.buf, nil
}

// charRef reads "#38" or "#x26"; only characters XML allows.
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(ent[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ent[1:], 10, 32)
	}
	r := rune(n)
	ok := err == nil && (r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF))
	return r, ok
}

// attrValue finds attribute name (as written, "r:id" included) among raw
// attributes and unescapes its value.
func attrValue(attrs []byte, name string) (string, bool) {
	for len(attrs) > 0 {
		i := 0
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		attrs = attrs[i:]
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		key := bytes.TrimSpace(attrs[:eq])
		j := eq + 1
		for j < len(attrs) && isSpace(attrs[j]) {
			j++
		}
		if j >= len(attrs) {
			return "", false
		}
		q := attrs[j]
		end := bytes.IndexByte(attrs[j+1:], q)
		if end < 0 {
			return "", false
		}
		val := attrs[j+1 : j+1+end]
		attrs = attrs[j+1+end+1:]
		if string(key) == name {
			var t tokenizer
			v, err := t.unescape(val)
			if err != nil {
				return "", false
			}
			return string(v), true
		}
	}
	return "", false
}

// lookup finds an attribute without a prefix.
func (t xmlTok) lookup(local string) (string, bool) { return attrValue(t.attrs, local) }

func (t xmlTok) attr(local string) string {
	v, _ := t.lookup(local)
	return v
}

// attrNS finds the relationships attribute r:local.
func (t xmlTok) attrNS(local string) string {
	v, _ := attrValue(t.attrs, "r:"+local)
	return v
}
