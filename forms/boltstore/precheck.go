package boltstore

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// precheck walks the bbolt file's pages with ordinary, bounds-checked reads before bbolt touches
// them through its memory map. bbolt trusts page numbers and element offsets; a garbage page can
// send it past the end of the file, which is a fatal signal (SIGBUS), not a panic that recover()
// sees. precheck refuses such a file first: after it passes, every page bbolt reaches lies inside
// the file, and bbolt's own tx.Check finds the remaining inconsistencies.
//
// It knows bbolt's on-disk format version 2, little-endian (every platform the app ships for).
func precheck(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return []string{err.Error()}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return []string{err.Error()}
	}
	w := &pageWalker{f: f, size: info.Size(), visited: map[uint64]bool{}}
	w.run()
	return w.problems
}

const (
	pageHeaderSize   = 16
	elementSize      = 16 // branch and leaf page elements
	bucketHeaderSize = 16 // root page id and sequence
	metaSize         = 64
	flagBranch       = 0x01
	flagLeaf         = 0x02
	flagMeta         = 0x04
	flagFreelist     = 0x10
	flagBucketLeaf   = 0x01
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	noFreelist       = ^uint64(0)
	maxPrecheckFound = 10
)

var le = binary.LittleEndian

type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64 // high-water mark: pages 0 .. hwm-1 are in use or free
	txid     uint64
}

type pageWalker struct {
	f        io.ReaderAt
	size     int64
	pageSize uint64
	hwm      uint64
	visited  map[uint64]bool
	problems []string
}

func (w *pageWalker) fail(format string, args ...any) {
	if len(w.problems) < maxPrecheckFound {
		w.problems = append(w.problems, fmt.Sprintf(format, args...))
	}
}

func (w *pageWalker) done() bool { return len(w.problems) >= maxPrecheckFound }

// readMeta reads and validates the meta page at offset.
func (w *pageWalker) readMeta(offset int64) (boltMeta, bool) {
	buf := make([]byte, pageHeaderSize+metaSize)
	if _, err := w.f.ReadAt(buf, offset); err != nil {
		return boltMeta{}, false
	}
	if le.Uint16(buf[8:]) != flagMeta {
		return boltMeta{}, false
	}
	m := buf[pageHeaderSize:]
	h := fnv.New64a()
	h.Write(m[:56])
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion || le.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		hwm: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

func (w *pageWalker) run() {
	// The page size comes from meta 0, or from meta 1 at one of the usual page sizes.
	m0, ok0 := w.readMeta(0)
	var m1 boltMeta
	var ok1 bool
	switch {
	case ok0:
		m1, ok1 = w.readMeta(int64(m0.pageSize))
	default:
		for _, ps := range []int64{int64(os.Getpagesize()), 4096, 8192, 16384, 65536} {
			if m1, ok1 = w.readMeta(ps); ok1 && int64(m1.pageSize) == ps {
				break
			}
			ok1 = false
		}
	}
	var m boltMeta
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		m = m1
	case ok0:
		m = m0
	default:
		w.fail("không có trang meta hợp lệ (không phải tệp bbolt, hoặc phần đầu tệp bị hỏng)")
		return
	}
	if m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		w.fail("kích thước trang %d không hợp lệ", m.pageSize)
		return
	}
	w.pageSize, w.hwm = uint64(m.pageSize), m.hwm
	if w.hwm < 3 || w.hwm > uint64(w.size)/w.pageSize {
		w.fail("tệp bị cắt cụt hoặc hỏng: cần %d trang (%d byte), tệp có %d byte", w.hwm, w.hwm*w.pageSize, w.size)
		return
	}
	if m.freelist != noFreelist {
		w.checkFreelist(m.freelist)
	}
	if !w.inRange(m.root) {
		w.fail("trang gốc %d nằm ngoài tệp", m.root)
		return
	}
	w.walk(m.root, 0)
}

func (w *pageWalker) inRange(id uint64) bool { return id >= 2 && id < w.hwm }

// readSpan reads a page with its overflow pages after checking they lie within the high-water mark.
func (w *pageWalker) readSpan(id uint64) ([]byte, bool) {
	head := make([]byte, pageHeaderSize)
	if _, err := w.f.ReadAt(head, int64(id*w.pageSize)); err != nil {
		w.fail("trang %d không đọc được: %v", id, err)
		return nil, false
	}
	if got := le.Uint64(head); got != id {
		w.fail("trang %d mang số %d", id, got)
		return nil, false
	}
	overflow := uint64(le.Uint32(head[12:]))
	if id+overflow >= w.hwm {
		w.fail("trang %d có %d trang tràn, vượt quá cuối dữ liệu", id, overflow)
		return nil, false
	}
	span := make([]byte, (overflow+1)*w.pageSize)
	if _, err := w.f.ReadAt(span, int64(id*w.pageSize)); err != nil {
		w.fail("trang %d không đọc được: %v", id, err)
		return nil, false
	}
	return span, true
}

func (w *pageWalker) checkFreelist(id uint64) {
	if !w.inRange(id) {
		w.fail("danh sách trang trống (trang %d) nằm ngoài tệp", id)
		return
	}
	span, ok := w.readSpan(id)
	if !ok {
		return
	}
	if le.Uint16(span[8:]) != flagFreelist {
		w.fail("trang %d phải là danh sách trang trống", id)
		return
	}
	n, start := uint64(le.Uint16(span[10:])), uint64(pageHeaderSize)
	if n == 0xFFFF {
		n, start = le.Uint64(span[pageHeaderSize:]), pageHeaderSize+8
	}
	if n > uint64(len(span)) || start+n*8 > uint64(len(span)) {
		w.fail("danh sách trang trống (trang %d) dài hơn trang chứa nó", id)
	}
}

// walk checks a branch or leaf page and everything it reaches.
func (w *pageWalker) walk(id uint64, depth int) {
	if w.done() {
		return
	}
	if depth > 64 {
		w.fail("cây dữ liệu sâu bất thường tại trang %d", id)
		return
	}
	if w.visited[id] {
		w.fail("trang %d được tham chiếu hai lần", id)
		return
	}
	w.visited[id] = true
	span, ok := w.readSpan(id)
	if !ok {
		return
	}
	w.checkPage(span, fmt.Sprintf("trang %d", id), depth)
}

// checkPage checks the elements of a page held in span (a page on disk, or an inline bucket).
func (w *pageWalker) checkPage(span []byte, where string, depth int) {
	if len(span) < pageHeaderSize {
		w.fail("%s: quá ngắn", where)
		return
	}
	flags, count := le.Uint16(span[8:]), uint64(le.Uint16(span[10:]))
	if flags != flagBranch && flags != flagLeaf {
		w.fail("%s: loại trang %#x không hợp lệ", where, flags)
		return
	}
	if pageHeaderSize+count*elementSize > uint64(len(span)) {
		w.fail("%s: %d phần tử không vừa trang", where, count)
		return
	}
	for i := range count {
		if w.done() {
			return
		}
		at := pageHeaderSize + i*elementSize
		e := span[at : at+elementSize]
		if flags == flagBranch {
			pos, ksize, child := uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:])), le.Uint64(e[8:])
			if at+pos+ksize > uint64(len(span)) {
				w.fail("%s, phần tử %d: khóa nằm ngoài trang", where, i)
				continue
			}
			if !w.inRange(child) {
				w.fail("%s, phần tử %d: trỏ tới trang %d ngoài tệp", where, i, child)
				continue
			}
			w.walk(child, depth+1)
			continue
		}
		eflags, pos, ksize, vsize := le.Uint32(e[0:]), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		end := at + pos + ksize + vsize
		if end > uint64(len(span)) || end < at {
			w.fail("%s, phần tử %d: khóa hoặc giá trị nằm ngoài trang", where, i)
			continue
		}
		if eflags&flagBucketLeaf == 0 {
			continue
		}
		value := span[at+pos+ksize : end]
		if len(value) < bucketHeaderSize {
			w.fail("%s, phần tử %d: mục con quá ngắn", where, i)
			continue
		}
		if root := le.Uint64(value); root != 0 {
			if !w.inRange(root) {
				w.fail("%s, phần tử %d: mục con trỏ tới trang %d ngoài tệp", where, i, root)
				continue
			}
			w.walk(root, depth+1)
		} else if depth < 64 {
			w.checkPage(value[bucketHeaderSize:], fmt.Sprintf("%s, mục con %d", where, i), depth+1)
		}
	}
}
