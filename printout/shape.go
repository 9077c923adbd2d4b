package printout

// Complex scripts: Arabic, Hebrew, Thai, Khmer and Lao.
//
// fpdf draws text by code point: it writes each character's code as the
// CID of an Identity-H font whose CIDToGIDMap it builds from the font's
// format 4 cmap (utf8fontfile.go, GenerateCutFont), and its ToUnicode
// map is the identity. So it can only draw a glyph that some BMP code
// point maps to, in the order the code points come, each at the font's
// own advance, with no contextual forms and no mark positioning. Arabic
// then prints unjoined and backwards, Khmer and Lao conjuncts and
// subscripts cannot be drawn at all (their glyphs have no code point),
// and Thai marks sit where the default advance leaves them.
//
// What this file does instead:
//
//  1. Shaping. Text in a shaped face goes through HarfBuzz (the pure-Go
//     port in github.com/go-text/typesetting), which picks the glyphs
//     (joined Arabic forms, Khmer subscripts, Lao and Thai marks) and
//     their positions.
//  2. Addressing every glyph. Before a shaped font is given to fpdf, its
//     cmap is rewritten (aliasFont): each glyph that no character maps to
//     gets a code point of its own in the Private Use Area that the font
//     does not use. fpdf then subsets and maps these code points like any
//     other, so every glyph HarfBuzz chooses can be drawn, in vector and
//     in the embedded font. (The drawing is by glyph, not by outlines
//     painted as paths: the PDF stays small and the text searchable.)
//  3. Placement. Each shaped glyph is drawn by itself at the pen position
//     plus HarfBuzz's offsets.
//  4. Text that reads back. Some glyphs are Private Use aliases, and
//     glyphs are drawn out of character order, so what a reader extracts
//     is given with marked-content spans carrying /ActualText. A
//     left-to-right shaped run gets one span with its text. In a
//     right-to-left run each cluster gets its own span: the clusters lie
//     left to right in visual order, as in any PDF of Arabic or Hebrew,
//     and readers (poppler's pdftotext among them) turn the line round
//     into logical order; they also turn round the characters inside a
//     span, so a cluster's characters are given backwards ("لا" for the
//     lam-alef ligature is given as "ال"). Mirrored brackets are read as
//     the brackets they stand for.
//  5. Direction. A line is laid out left to right. A stretch that starts
//     and ends with a right-to-left letter (Arabic, Hebrew and the like),
//     with the spaces and punctuation between, is drawn right to left:
//     its pieces in reverse order, brackets mirrored; a bracket pair
//     around right-to-left text after a right-to-left letter goes with it
//     (rule N0 of the bidi algorithm). Digits always break
//     such a stretch and keep their order, so a phone number next to an
//     Arabic name never has its groups swapped, as the full bidi
//     algorithm would do to "مريم 416 555 0123" in an Arabic paragraph.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// variant is one shaped font (regular or bold) ready for HarfBuzz and for
// fpdf.
type variant struct {
	ot     *font.Face
	pdf    []byte // the font with aliases for its unmapped glyphs
	upem   float64
	runeOf map[font.GID]rune // the code point that draws each glyph
}

// prepare parses a shaped font and builds its aliased copy.
func prepare(data []byte) (*variant, error) {
	ot, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parsing font: %w", err)
	}
	pdf, runeOf, err := aliasFont(data, ot)
	if err != nil {
		return nil, err
	}
	return &variant{ot: ot, pdf: pdf, upem: float64(ot.Upem()), runeOf: runeOf}, nil
}

// aliasFont returns data with its cmap replaced by one format 4 subtable
// (Windows, Unicode BMP) that keeps every BMP mapping of the font and
// adds, for each glyph no character maps to, a free Private Use code
// point. It also returns the code point that draws each glyph.
func aliasFont(data []byte, ot *font.Face) ([]byte, map[font.GID]rune, error) {
	if len(data) < 12 {
		return nil, nil, fmt.Errorf("font too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, nil, fmt.Errorf("font table directory cut short")
	}
	var tables [][2][]byte // tag, body
	numGlyphs := 0
	for i := 0; i < n; i++ {
		r := data[12+16*i:]
		off, size := int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))
		if off+size > len(data) || off < 0 {
			return nil, nil, fmt.Errorf("font table %q out of bounds", r[:4])
		}
		body := data[off : off+size]
		if string(r[:4]) == "maxp" && size >= 6 {
			numGlyphs = int(binary.BigEndian.Uint16(body[4:]))
		}
		tables = append(tables, [2][]byte{r[:4:4], body})
	}

	byRune := map[rune]font.GID{}
	runeOf := map[font.GID]rune{}
	it := ot.Cmap.Iter()
	for it.Next() {
		r, g := it.Char()
		if r >= 0xFFFF || g == 0 || (r >= 0xD800 && r <= 0xDFFF) {
			continue
		}
		byRune[r] = g
		if old, ok := runeOf[g]; !ok || r < old {
			runeOf[g] = r
		}
	}
	next := rune(0xE000)
	for g := 1; g < numGlyphs; g++ {
		if _, ok := runeOf[font.GID(g)]; ok {
			continue
		}
		for next <= 0xF8FF && byRune[next] != 0 {
			next++
		}
		if next > 0xF8FF {
			break // more glyphs than free code points: the rest stay unprintable
		}
		byRune[next] = font.GID(g)
		runeOf[font.GID(g)] = next
		next++
	}

	cmap, err := cmap4(byRune)
	if err != nil {
		return nil, nil, err
	}
	for i := range tables {
		if string(tables[i][0]) == "cmap" {
			tables[i][1] = cmap
		}
	}
	return writeSFNT(data[:4], tables), runeOf, nil
}

// cmap4 builds a cmap table with one format 4 subtable for m.
func cmap4(m map[rune]font.GID) ([]byte, error) {
	rs := make([]rune, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	type seg struct {
		start, end rune
		delta      int
	}
	var segs []seg
	for _, r := range rs {
		d := int(m[r]) - int(r)
		if k := len(segs) - 1; k >= 0 && segs[k].end == r-1 && segs[k].delta == d {
			segs[k].end = r
			continue
		}
		segs = append(segs, seg{r, r, d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	nseg := len(segs)
	length := 16 + 8*nseg
	if length > 0xFFFF {
		return nil, fmt.Errorf("cmap too large: %d segments", nseg)
	}
	var b bytes.Buffer
	w := func(v ...uint16) {
		for _, x := range v {
			_ = binary.Write(&b, binary.BigEndian, x)
		}
	}
	w(0, 1, 3, 1) // version, one subtable: Windows, Unicode BMP
	_ = binary.Write(&b, binary.BigEndian, uint32(12))
	sr, es := 1, 0
	for sr*2 <= nseg {
		sr *= 2
		es++
	}
	w(4, uint16(length), 0, uint16(2*nseg), uint16(2*sr), uint16(es), uint16(2*nseg-2*sr))
	for _, s := range segs {
		w(uint16(s.end))
	}
	w(0)
	for _, s := range segs {
		w(uint16(s.start))
	}
	for _, s := range segs {
		w(uint16(int16(s.delta)))
	}
	for range segs {
		w(0)
	}
	return b.Bytes(), nil
}

// writeSFNT lays out a TrueType file from its tables.
func writeSFNT(version []byte, tables [][2][]byte) []byte {
	sort.Slice(tables, func(i, j int) bool { return string(tables[i][0]) < string(tables[j][0]) })
	n := len(tables)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	var head bytes.Buffer
	head.Write(version)
	for _, v := range []int{n, sr * 16, es, n*16 - sr*16} {
		_ = binary.Write(&head, binary.BigEndian, uint16(v))
	}
	off := 12 + 16*n
	var body bytes.Buffer
	for _, t := range tables {
		sum := uint32(0)
		padded := append(append([]byte(nil), t[1]...), make([]byte, (4-len(t[1])%4)%4)...)
		for i := 0; i < len(padded); i += 4 {
			sum += binary.BigEndian.Uint32(padded[i:])
		}
		head.Write(t[0])
		for _, v := range []uint32{sum, uint32(off + body.Len()), uint32(len(t[1]))} {
			_ = binary.Write(&head, binary.BigEndian, v)
		}
		body.Write(padded)
	}
	return append(head.Bytes(), body.Bytes()...)
}

// glyph is one shaped glyph, in font units.
type glyph struct {
	r          rune // the code point that draws it; 0: nothing to draw
	x, y, adv  float64
	textOffset int
}

// shaped is a run after shaping: its glyphs in visual order and the
// advance of each of its characters in logical order (the advance of a
// cluster goes to its first character).
type shaped struct {
	glyphs []glyph
	adv    []float64
	upem   float64
}

// clusterEnd is the end, in the run's text, of the characters of the
// cluster glyph i belongs to: the start of the next cluster in logical
// order.
func (s *shaped) clusterEnd(i int) int {
	start, end := s.glyphs[i].textOffset, len(s.adv)
	for _, g := range s.glyphs {
		if g.textOffset > start && g.textOffset < end {
			end = g.textOffset
		}
	}
	return end
}

type shapeKey struct {
	face *face
	bold bool
	rtl  bool
	text string
}

// shape runs HarfBuzz on one run.
func (w *writer) shape(r run, bold bool) *shaped {
	k := shapeKey{r.face, bold, r.rtl, r.text}
	if s, ok := w.shapes[k]; ok {
		return s
	}
	v := r.face.variant(bold)
	text := []rune(r.text)
	in := shaping.Input{
		Text:      text,
		RunStart:  0,
		RunEnd:    len(text),
		Direction: di.DirectionLTR,
		Face:      v.ot,
		Size:      fixed.I(int(v.upem)),
		Script:    scriptOf(text),
	}
	if r.rtl {
		in.Direction = di.DirectionRTL
	}
	out := w.shaper.Shape(in)
	s := &shaped{adv: make([]float64, len(text)), upem: v.upem}
	for _, g := range out.Glyphs {
		c := g.TextIndex()
		a := float64(g.Advance) / 64
		s.glyphs = append(s.glyphs, glyph{
			r:   v.runeOf[g.GlyphID],
			x:   float64(g.XOffset) / 64,
			y:   float64(g.YOffset) / 64,
			adv: a, textOffset: c,
		})
		if c >= 0 && c < len(text) {
			s.adv[c] += a
		}
	}
	w.shapes[k] = s
	return s
}

// scriptOf is the script of the first character of text that has one.
func scriptOf(text []rune) language.Script {
	for _, r := range text {
		if s := language.LookupScript(r); s != language.Common && s != language.Inherited && s != language.Unknown {
			return s
		}
	}
	return language.Common
}

// isRTL reports whether r is a right-to-left letter.
func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) &&
		!unicode.IsNumber(r) && !unicode.IsMark(r)
}

// isNeutral reports whether r takes its direction from its neighbours:
// spaces, punctuation and symbols. Letters and digits are strong.
func isNeutral(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsNumber(r)
}

// directions marks which characters of rs are laid out right to left,
// in a line that runs left to right: right-to-left letters; neutrals
// between two of them; marks after them; and a pair of brackets that
// holds right-to-left letters and no left-to-right ones, after a
// right-to-left letter (rule N0 of the bidi algorithm), with what is
// between. Digits count as left-to-right letters, so numbers keep their
// order.
func directions(rs []rune) []bool {
	const (
		neutral = iota
		ltr
		rtl
	)
	cls := make([]int, len(rs))
	for i, r := range rs {
		switch {
		case unicode.IsMark(r) && i > 0:
			cls[i] = cls[i-1]
		case isRTL(r):
			cls[i] = rtl
		case !isNeutral(r):
			cls[i] = ltr
		}
	}
	// Bracket pairs.
	var open []int
	for i, r := range rs {
		if m, ok := mirrors[r]; ok && strings.ContainsRune("([{<«‹", r) {
			open = append(open, i)
			continue
		} else if !ok || len(open) == 0 {
			continue
		} else if rs[open[len(open)-1]] != m {
			continue
		}
		o := open[len(open)-1]
		open = open[:len(open)-1]
		inside := map[int]bool{}
		for _, c := range cls[o+1 : i] {
			inside[c] = true
		}
		before := ltr // the start of the line counts as left to right
		for j := o - 1; j >= 0; j-- {
			if cls[j] != neutral {
				before = cls[j]
				break
			}
		}
		if inside[rtl] && !inside[ltr] && before == rtl {
			cls[o], cls[i] = rtl, rtl
		}
	}
	out := make([]bool, len(rs))
	last := -1 // the last strong character
	for i := range rs {
		switch cls[i] {
		case rtl:
			out[i] = true
			if last >= 0 && cls[last] == rtl {
				for j := last + 1; j < i; j++ {
					out[j] = true
				}
			}
			last = i
		case ltr:
			last = i
		}
	}
	return out
}

var mirrors = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹'}

// mirrored returns s reversed, brackets mirrored: an unshaped run in a
// right-to-left stretch.
func mirrored(s string) string {
	rs := []rune(reversed([]rune(s)))
	for i, r := range rs {
		if m, ok := mirrors[r]; ok {
			rs[i] = m
		}
	}
	return string(rs)
}

// reversed returns rs backwards, as a string.
func reversed(rs []rune) string {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return string(out)
}

// actualText opens a marked-content span whose text, for readers that
// extract it, is s.
func actualText(s string) string {
	var b strings.Builder
	b.WriteString("/Span <</ActualText <FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">>> BDC")
	return b.String()
}
