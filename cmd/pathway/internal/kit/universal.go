package kit

import (
	"bytes"
	"debug/macho"
	"encoding/binary"
	"fmt"
)

// Universal joins macOS programs built for different processors into one
// "universal" (fat) Mach-O file, as Apple's lipo does, so that one program
// runs on Intel and Apple chips alike. Each program is kept whole (an
// Apple-chip program keeps the signature the Go linker gave it); the
// header says where each one starts, at a 16 KiB boundary.
func Universal(progs ...[]byte) ([]byte, error) {
	const align = 14 // 2^14: the page size on Apple chips
	type slice struct {
		cpu    macho.Cpu
		subCpu uint32
		data   []byte
	}
	var slices []slice
	for _, p := range progs {
		f, err := macho.NewFile(bytes.NewReader(p))
		if err != nil {
			return nil, fmt.Errorf("reading a macOS program: %w", err)
		}
		slices = append(slices, slice{f.Cpu, f.SubCpu, p})
	}
	var out bytes.Buffer
	hdr := []uint32{macho.MagicFat, uint32(len(slices))}
	offset := uint32(1 << align)
	var arch []uint32
	for _, s := range slices {
		arch = append(arch, uint32(s.cpu), s.subCpu&0x00ffffff, offset, uint32(len(s.data)), align)
		offset += uint32(len(s.data))
		offset = (offset + 1<<align - 1) &^ (1<<align - 1)
	}
	binary.Write(&out, binary.BigEndian, hdr)
	binary.Write(&out, binary.BigEndian, arch)
	for _, s := range slices {
		pad := (out.Len() + 1<<align - 1) &^ (1<<align - 1)
		out.Write(make([]byte, pad-out.Len()))
		out.Write(s.data)
	}
	return out.Bytes(), nil
}
