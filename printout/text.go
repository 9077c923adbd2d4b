package printout

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"pathway/wrap"
)

// The fonts, embedded. fpdf reads TrueType fonts with glyf outlines and
// a format 4 cmap only, so these were chosen for that: DejaVu Sans for
// Latin, Vietnamese and symbols; Droid Sans Fallback for Chinese; Nanum
// Gothic for Korean; Loma for Thai. Their licences are in fonts/.
var (
	//go:embed fonts/DroidSansFallbackFull.ttf
	droidTTF []byte
	//go:embed fonts/NanumGothic.ttf
	nanumTTF []byte
	//go:embed fonts/Loma.ttf
	lomaTTF []byte
	//go:embed fonts/Loma-Bold.ttf
	lomaBoldTTF []byte
)

// face is one font of the printouts.
type face struct {
	family string // the name given to fpdf
	data   []byte
	bold   []byte // nil: the regular outlines serve for bold too
	parsed *sfnt.Font
}

// faces, in the order they are tried for a character that more than one
// covers. Hangul and Thai go to their own fonts first (see pick).
var faces = []*face{
	{family: "sans", data: dejavusans.TTF, bold: dejavusansbold.TTF},
	{family: "cjk", data: droidTTF},
	{family: "ko", data: nanumTTF},
	{family: "th", data: lomaTTF, bold: lomaBoldTTF},
}

var (
	parseOnce sync.Once
	parseErr  error
	buf       sfnt.Buffer
	bufMu     sync.Mutex
)

func parseFaces() error {
	parseOnce.Do(func() {
		for _, f := range faces {
			p, err := sfnt.Parse(f.data)
			if err != nil {
				parseErr = fmt.Errorf("font %s: %w", f.family, err)
				return
			}
			f.parsed = p
		}
	})
	return parseErr
}

// covers reports whether the face has a glyph for r.
func (f *face) covers(r rune) bool {
	bufMu.Lock()
	defer bufMu.Unlock()
	i, err := f.parsed.GlyphIndex(&buf, r)
	return err == nil && i != 0
}

// Replacement stands for a character no font can print (emoji, and
// anything outside the Basic Multilingual Plane, which fpdf cannot
// handle): visible, so that nothing vanishes without a trace.
const Replacement = '\uFFFD'

func isHangul(r rune) bool {
	return unicode.Is(unicode.Hangul, r)
}

func isThai(r rune) bool { return unicode.Is(unicode.Thai, r) }

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// pick returns the face that prints r, and r itself or Replacement.
func pick(r rune) (*face, rune) {
	if r > 0xFFFF || r == utf8.RuneError {
		return faces[0], Replacement
	}
	switch {
	case isHangul(r) && faces[2].covers(r):
		return faces[2], r
	case isThai(r) && faces[3].covers(r):
		return faces[3], r
	case isHan(r) && faces[1].covers(r):
		return faces[1], r
	}
	for _, f := range faces {
		if f.covers(r) {
			return f, r
		}
	}
	return faces[0], Replacement
}

// run is a piece of text printed with one face.
type run struct {
	face *face
	text string
}

// runs splits s into runs of one face each, with the characters no face
// covers replaced. Spaces join the run they follow, so that a line of
// Chinese with a number in it switches fonts only where it must.
func runs(s string) []run {
	var out []run
	var cur strings.Builder
	var curFace *face
	for _, r := range s {
		if unicode.IsControl(r) {
			r = ' '
		}
		f, r := pick(r)
		if r == ' ' && curFace != nil {
			f = curFace
		}
		if f != curFace && cur.Len() > 0 {
			out = append(out, run{curFace, cur.String()})
			cur.Reset()
		}
		curFace = f
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		out = append(out, run{curFace, cur.String()})
	}
	return out
}

// Printable returns s as it will be printed: characters no font covers
// replaced by Replacement.
func Printable(s string) string {
	var b strings.Builder
	for _, r := range runs(s) {
		b.WriteString(r.text)
	}
	return b.String()
}

// writer draws text in several fonts on an fpdf document.
type writer struct {
	pdf    *fpdf.Fpdf
	widths map[widthKey]float64
	loaded map[fontKey]bool
}

type fontKey struct {
	face *face
	bold bool
}

// setFont selects a face, loading it into the PDF the first time it is
// used: a printout in English carries no Chinese font.
func (w *writer) setFont(f *face, bold bool, size float64) {
	k := fontKey{f, bold}
	if !w.loaded[k] {
		data := f.data
		if bold && f.bold != nil {
			data = f.bold
		}
		w.pdf.AddUTF8FontFromBytes(f.family, style(bold), data)
		w.loaded[k] = true
	}
	w.pdf.SetFont(f.family, style(bold), size)
}

type widthKey struct {
	face *face
	bold bool
	size float64
	r    rune
}

func newWriter(pdf *fpdf.Fpdf) (*writer, error) {
	if err := parseFaces(); err != nil {
		return nil, err
	}
	return &writer{pdf: pdf, widths: map[widthKey]float64{}, loaded: map[fontKey]bool{}}, nil
}

func style(bold bool) string {
	if bold {
		return "B"
	}
	return ""
}

// widthsOf returns the width in mm of each character of s, as printed
// (fpdf adds character widths; it does no kerning).
func (w *writer) widthsOf(s string, size float64, bold bool) ([]rune, []float64) {
	var rs []rune
	var ws []float64
	for _, r := range runs(s) {
		for _, c := range r.text {
			k := widthKey{r.face, bold, size, c}
			cw, ok := w.widths[k]
			if !ok {
				w.setFont(r.face, bold, size)
				cw = w.pdf.GetStringWidth(string(c))
				w.widths[k] = cw
			}
			rs = append(rs, c)
			ws = append(ws, cw)
		}
	}
	return rs, ws
}

// width returns the width of s in mm at size pt.
func (w *writer) width(s string, size float64, bold bool) float64 {
	_, ws := w.widthsOf(s, size, bold)
	total := 0.0
	for _, x := range ws {
		total += x
	}
	return total
}

// text draws s with its baseline at (x, y) and returns the x after it.
func (w *writer) text(x, y float64, s string, size float64, bold bool) float64 {
	for _, r := range runs(s) {
		w.setFont(r.face, bold, size)
		w.pdf.Text(x, y, r.text)
		x += w.pdf.GetStringWidth(r.text)
	}
	return x
}

// fit shortens s with an ellipsis until it is at most max mm wide.
func (w *writer) fit(s string, size float64, bold bool, max float64) string {
	rs, ws := w.widthsOf(s, size, bold)
	total := 0.0
	for _, x := range ws {
		total += x
	}
	if total <= max {
		return string(rs)
	}
	room := max - w.width("…", size, bold)
	used, n := 0.0, 0
	for n < len(rs) && used+ws[n] <= room {
		used += ws[n]
		n++
	}
	return strings.TrimRight(string(rs[:n]), " ") + "…"
}

// wrap breaks s into lines at most max mm wide, by the rules of package
// wrap: at the line break opportunities of Unicode (UAX #14), never inside
// a phone number or a date; a number wider than a whole line breaks
// between its groups only. Line breaks in s are kept.
func (w *writer) wrap(s string, size float64, bold bool, max float64) []string {
	return wrap.Lines(s, max, func(t string) float64 { return w.width(t, size, bold) })
}

// fitNumber finds how to print a phone number (with its extension) in a
// column max mm wide: at the largest size from size down to least, in
// half points, at which it fits on one line; if it does not fit even at
// least, at least, broken between its groups over several lines. A number
// is never shortened.
func (w *writer) fitNumber(num string, size, least float64, bold bool, max float64) (float64, []string) {
	for s := size; s >= least; s -= 0.5 {
		if w.width(num, s, bold) <= max {
			return s, []string{num}
		}
	}
	return least, w.wrap(num, least, bold, max)
}
