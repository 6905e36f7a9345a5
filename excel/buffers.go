package excel

import (
	"bytes"
	"io"
	"sync"
)

// Buffers for the bytes a report is read from, a file's and its inflated
// parts': a merge reads thousands of small workbooks, and reusing them
// spares the collector most of what reading allocates. Nothing read is
// kept in them (every value is copied out), so a buffer is reused as soon
// as its workbook has been read.

// bufPools hold buffers of minPooled << i bytes; larger ones are not kept.
var bufPools [7]sync.Pool // 16 KiB … 1 MiB

const minPooled = 16 << 10

// getBuf returns an empty buffer of at least n bytes' capacity.
func getBuf(n int) []byte {
	for i := range bufPools {
		if size := minPooled << i; n <= size {
			if p, ok := bufPools[i].Get().(*[]byte); ok {
				return (*p)[:0]
			}
			return make([]byte, 0, size)
		}
	}
	return make([]byte, 0, n)
}

// putBuf gives b back for reuse; b must not be used afterwards.
func putBuf(b []byte) {
	for i := range bufPools {
		if cap(b) == minPooled<<i {
			b = b[:0]
			bufPools[i].Put(&b)
			return
		}
	}
}

// readAll reads r to its end into a buffer of the pool that holds size
// bytes, a hint; it returns the bytes and how many were read.
func readAll(r io.Reader, size int64) ([]byte, int64, error) {
	buf := bytes.NewBuffer(getBuf(int(size) + bytes.MinRead))
	n, err := buf.ReadFrom(r)
	return buf.Bytes(), n, err
}
