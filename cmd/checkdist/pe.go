package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Resource types of the Windows resource section that the checks look for.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Subsystems of the PE optional header.
const (
	subsystemGUI     = 2
	subsystemConsole = 3
)

// exeFacts is what the checks need to know about one Windows executable.
type exeFacts struct {
	machine   uint16
	pe32plus  bool
	subsystem uint16
	signed    bool              // a certificate table (Authenticode signature) is present
	resources map[uint32][]byte // first resource of each type found, by type ID
	counts    map[uint32]int    // number of resources of each type
	imports   []string          // DLLs the program loads at start
}

// readExe reads the header facts and the resource section of a PE file.
func readExe(path string) (*exeFacts, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s is not a Windows executable: %w", path, err)
	}
	defer f.Close()
	facts := &exeFacts{machine: f.Machine, resources: map[uint32][]byte{}, counts: map[uint32]int{}}
	var dirs [16]pe.DataDirectory
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		facts.pe32plus = true
		facts.subsystem = h.Subsystem
		dirs = h.DataDirectory
	case *pe.OptionalHeader32:
		facts.subsystem = h.Subsystem
		dirs = h.DataDirectory
	default:
		return nil, fmt.Errorf("%s has no optional header", path)
	}
	facts.signed = dirs[pe.IMAGE_DIRECTORY_ENTRY_SECURITY].Size > 0
	facts.imports, err = importedDLLs(f)
	if err != nil {
		return nil, fmt.Errorf("%s: import table unreadable: %w", path, err)
	}
	rsrc := dirs[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if rsrc.Size == 0 {
		return facts, nil
	}
	for _, s := range f.Sections {
		if rsrc.VirtualAddress < s.VirtualAddress || rsrc.VirtualAddress >= s.VirtualAddress+s.VirtualSize {
			continue
		}
		data, err := s.Data()
		if err != nil {
			return nil, fmt.Errorf("%s: resource section unreadable: %w", path, err)
		}
		tree := resourceTree{data: data, base: s.VirtualAddress, dirOffset: rsrc.VirtualAddress - s.VirtualAddress}
		if err := tree.collect(facts); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return facts, nil
	}
	return nil, fmt.Errorf("%s: the resource directory lies outside every section", path)
}

// importedDLLs lists the DLLs named in the import table, in order of first use. debug/pe's
// ImportedLibraries is not implemented for PE; ImportedSymbols gives "symbol:dll" pairs.
func importedDLLs(f *pe.File) ([]string, error) {
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil, err
	}
	var dlls []string
	seen := map[string]bool{}
	for _, s := range syms {
		_, dll, ok := strings.Cut(s, ":")
		if ok && !seen[strings.ToLower(dll)] {
			seen[strings.ToLower(dll)] = true
			dlls = append(dlls, dll)
		}
	}
	return dlls, nil
}

// resourceTree walks the three levels (type, name, language) of a PE resource directory.
type resourceTree struct {
	data      []byte // the section holding the resources
	base      uint32 // the section's virtual address
	dirOffset uint32 // offset of the root directory within data
}

var errResourceTruncated = errors.New("resource directory is truncated")

func (t resourceTree) u32(off uint32) (uint32, error) {
	if uint64(off)+4 > uint64(len(t.data)) {
		return 0, errResourceTruncated
	}
	return binary.LittleEndian.Uint32(t.data[off:]), nil
}

func (t resourceTree) u16(off uint32) (uint16, error) {
	if uint64(off)+2 > uint64(len(t.data)) {
		return 0, errResourceTruncated
	}
	return binary.LittleEndian.Uint16(t.data[off:]), nil
}

// entries lists the (id, target) pairs of the directory at off; target has its high bit set for a
// subdirectory. Named entries get id 0 (the checks only look for numbered types).
func (t resourceTree) entries(off uint32) ([][2]uint32, error) {
	named, err := t.u16(off + 12)
	if err != nil {
		return nil, err
	}
	ids, err := t.u16(off + 14)
	if err != nil {
		return nil, err
	}
	n := uint32(named) + uint32(ids)
	out := make([][2]uint32, 0, n)
	for i := uint32(0); i < n; i++ {
		e := off + 16 + 8*i
		name, err := t.u32(e)
		if err != nil {
			return nil, err
		}
		target, err := t.u32(e + 4)
		if err != nil {
			return nil, err
		}
		if name&0x80000000 != 0 {
			name = 0
		}
		out = append(out, [2]uint32{name, target})
	}
	return out, nil
}

// collect counts the resources of each type and keeps the bytes of the first one of each type.
func (t resourceTree) collect(facts *exeFacts) error {
	types, err := t.entries(t.dirOffset)
	if err != nil {
		return err
	}
	for _, typ := range types {
		if typ[1]&0x80000000 == 0 {
			return fmt.Errorf("resource type %d is not a directory", typ[0])
		}
		leaves, err := t.leaves(t.dirOffset+typ[1]&0x7fffffff, 2)
		if err != nil {
			return err
		}
		facts.counts[typ[0]] += len(leaves)
		if len(leaves) > 0 {
			if _, seen := facts.resources[typ[0]]; !seen {
				facts.resources[typ[0]] = leaves[0]
			}
		}
	}
	return nil
}

// leaves returns the data of every resource below the directory at off, depth levels down.
func (t resourceTree) leaves(off uint32, depth int) ([][]byte, error) {
	list, err := t.entries(off)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, e := range list {
		target := e[1]
		if target&0x80000000 != 0 {
			if depth == 0 {
				return nil, errors.New("resource directory nested too deep")
			}
			sub, err := t.leaves(t.dirOffset+target&0x7fffffff, depth-1)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			continue
		}
		entry := t.dirOffset + target
		rva, err := t.u32(entry)
		if err != nil {
			return nil, err
		}
		size, err := t.u32(entry + 4)
		if err != nil {
			return nil, err
		}
		start := uint64(rva) - uint64(t.base)
		if rva < t.base || start+uint64(size) > uint64(len(t.data)) {
			return nil, errors.New("resource data lies outside the resource section")
		}
		out = append(out, t.data[start:start+uint64(size)])
	}
	return out, nil
}

// versionStrings returns the key/value strings of a VS_VERSIONINFO resource (FileVersion,
// ProductVersion, ProductName ...), from every StringTable it holds.
func versionStrings(res []byte) (map[string]string, error) {
	root, err := parseVersionBlock(res)
	if err != nil {
		return nil, err
	}
	if root.key != "VS_VERSION_INFO" {
		return nil, fmt.Errorf("version resource starts with %q, want VS_VERSION_INFO", root.key)
	}
	out := map[string]string{}
	for _, info := range root.children {
		if info.key != "StringFileInfo" {
			continue
		}
		for _, table := range info.children {
			for _, s := range table.children {
				out[s.key] = s.text
			}
		}
	}
	return out, nil
}

// versionBlock is one node of a VS_VERSIONINFO tree: a key, a value and child blocks.
type versionBlock struct {
	key      string
	text     string // the value when it is text (wType 1)
	value    []byte
	children []versionBlock
}

func align4(n int) int { return (n + 3) &^ 3 }

// parseVersionBlock parses the block at the start of b (wLength, wValueLength, wType, szKey,
// padding, value, padding, children).
func parseVersionBlock(b []byte) (versionBlock, error) {
	var blk versionBlock
	if len(b) < 6 {
		return blk, errors.New("version block shorter than its header")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	isText := binary.LittleEndian.Uint16(b[4:]) == 1
	if length < 6 || length > len(b) {
		return blk, fmt.Errorf("version block length %d does not fit in %d bytes", length, len(b))
	}
	b = b[:length]
	pos := 6
	var key []uint16
	for {
		if pos+2 > len(b) {
			return blk, errors.New("version block key is not terminated")
		}
		c := binary.LittleEndian.Uint16(b[pos:])
		pos += 2
		if c == 0 {
			break
		}
		key = append(key, c)
	}
	blk.key = string(utf16.Decode(key))
	pos = align4(pos)
	valueBytes := valueLen
	if isText {
		valueBytes = 2 * valueLen // wValueLength counts UTF-16 characters for text values
	}
	if pos+valueBytes > len(b) {
		valueBytes = max(0, len(b)-pos) // some writers count the value loosely; keep what is there
	}
	if pos < len(b) {
		blk.value = b[pos : pos+valueBytes]
	}
	if isText {
		units := make([]uint16, 0, len(blk.value)/2)
		for i := 0; i+1 < len(blk.value); i += 2 {
			c := binary.LittleEndian.Uint16(blk.value[i:])
			if c == 0 {
				break
			}
			units = append(units, c)
		}
		blk.text = string(utf16.Decode(units))
	}
	pos = align4(pos + valueBytes)
	for pos+6 <= len(b) {
		child, err := parseVersionBlock(b[pos:])
		if err != nil {
			return blk, fmt.Errorf("%s: %w", blk.key, err)
		}
		blk.children = append(blk.children, child)
		l := int(binary.LittleEndian.Uint16(b[pos:]))
		pos = align4(pos + l)
	}
	return blk, nil
}
