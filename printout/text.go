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
	"github.com/go-text/typesetting/shaping"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	unorm "golang.org/x/text/unicode/norm"

	"pathway/wrap"
)

// The fonts, embedded. fpdf reads TrueType fonts with glyf outlines and
// a format 4 cmap only, so these were chosen for that: DejaVu Sans for
// Latin, Vietnamese and symbols; Droid Sans Fallback for Chinese; Nanum
// Gothic for Korean; Loma for Thai; Noto Sans Arabic, Hebrew, Khmer and
// Lao (from Debian's fonts-noto-core) for those scripts. Their licences
// are in fonts/. Text in Thai, Arabic, Hebrew, Khmer and Lao is shaped
// before it is drawn: see shape.go.
var (
	//go:embed fonts/DroidSansFallbackFull.ttf
	droidTTF []byte
	//go:embed fonts/NanumGothic.ttf
	nanumTTF []byte
	//go:embed fonts/Loma.ttf
	lomaTTF []byte
	//go:embed fonts/Loma-Bold.ttf
	lomaBoldTTF []byte
	//go:embed fonts/NotoSansArabic-Regular.ttf
	arabicTTF []byte
	//go:embed fonts/NotoSansArabic-Bold.ttf
	arabicBoldTTF []byte
	//go:embed fonts/NotoSansHebrew-Regular.ttf
	hebrewTTF []byte
	//go:embed fonts/NotoSansHebrew-Bold.ttf
	hebrewBoldTTF []byte
	//go:embed fonts/NotoSansKhmer-Regular.ttf
	khmerTTF []byte
	//go:embed fonts/NotoSansKhmer-Bold.ttf
	khmerBoldTTF []byte
	//go:embed fonts/NotoSansLao-Regular.ttf
	laoTTF []byte
	//go:embed fonts/NotoSansLao-Bold.ttf
	laoBoldTTF []byte
)

// face is one font of the printouts.
type face struct {
	family string // the name given to fpdf
	data   []byte
	bold   []byte // nil: the regular outlines serve for bold too
	parsed *sfnt.Font
	script *unicode.RangeTable // characters of this script go to this face first
	shaped bool                // text is shaped with HarfBuzz (shape.go)
	scale  float64             // the face prints at scale times the size asked (0: 1)
	vars   [2]*variant         // regular and bold, for a shaped face
}

// faces, in the order they are tried for a character that more than one
// covers. Characters of a face's script go to it first (see pick).
var faces = []*face{
	{family: "sans", data: dejavusans.TTF, bold: dejavusansbold.TTF},
	{family: "cjk", data: droidTTF},
	{family: "ko", data: nanumTTF, script: unicode.Hangul},
	{family: "th", data: lomaTTF, bold: lomaBoldTTF, script: unicode.Thai, shaped: true},
	{family: "ar", data: arabicTTF, bold: arabicBoldTTF, script: unicode.Arabic, shaped: true},
	{family: "he", data: hebrewTTF, bold: hebrewBoldTTF, script: unicode.Hebrew, shaped: true},
	{family: "km", data: khmerTTF, bold: khmerBoldTTF, script: unicode.Khmer, shaped: true},
	{family: "lo", data: laoTTF, bold: laoBoldTTF, script: unicode.Lao, shaped: true},
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
			if !f.shaped {
				continue
			}
			for i, data := range [][]byte{f.data, f.bold} {
				if data == nil {
					f.vars[i] = f.vars[0]
					continue
				}
				if f.vars[i], err = prepare(data); err != nil {
					parseErr = fmt.Errorf("font %s: %w", f.family, err)
					return
				}
			}
		}
		th := faces[3]
		if th.scale, parseErr = xHeightScale(faces[0].parsed, th.parsed, 'น'); parseErr != nil {
			parseErr = fmt.Errorf("measuring Thai: %w", parseErr)
		}
	})
	return parseErr
}

// xHeightScale is how much larger f must print for the body of its
// letter r to stand as high as the x of Latin in latin: Loma's Thai is
// drawn small for its em, and looked three quarters the size of the
// Latin beside it.
func xHeightScale(latin, f *sfnt.Font, r rune) (float64, error) {
	top := func(f *sfnt.Font, r rune) (float64, error) {
		bufMu.Lock()
		defer bufMu.Unlock()
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return 0, fmt.Errorf("no glyph for %q", r)
		}
		upem := fixed.Int26_6(f.UnitsPerEm())
		b, _, err := f.GlyphBounds(&buf, g, upem, xfont.HintingNone)
		if err != nil {
			return 0, err
		}
		return float64(-b.Min.Y) / float64(upem), nil
	}
	x, err := top(latin, 'x')
	if err != nil {
		return 0, err
	}
	t, err := top(f, r)
	if err != nil {
		return 0, err
	}
	return x / t, nil
}

// variant returns the shaped font for regular or bold text.
func (f *face) variant(bold bool) *variant {
	if bold {
		return f.vars[1]
	}
	return f.vars[0]
}

// size is the size f prints at for text of size pt.
func (f *face) size(pt float64) float64 {
	if f.scale > 0 {
		return pt * f.scale
	}
	return pt
}

// covers reports whether the face has a glyph for r.
func (f *face) covers(r rune) bool {
	bufMu.Lock()
	defer bufMu.Unlock()
	i, err := f.parsed.GlyphIndex(&buf, r)
	return err == nil && i != 0
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// pick returns the face that prints r, or false if none does. fpdf
// cannot print anything outside the Basic Multilingual Plane (emoji
// among it). The faces are parsed the first time, so that Printable and
// Dropped work before anything is printed.
func pick(r rune) (*face, bool) {
	if r > 0xFFFF || r == utf8.RuneError || parseFaces() != nil {
		return nil, false
	}
	for _, f := range faces {
		if f.script != nil && unicode.Is(f.script, r) && f.covers(r) {
			return f, true
		}
	}
	if isHan(r) && faces[1].covers(r) {
		return faces[1], true
	}
	for _, f := range faces {
		if f.covers(r) {
			return f, true
		}
	}
	return nil, false
}

// invisible reports whether r is a format character (direction marks
// and overrides, joiners, variation selectors, zero-width spaces): never
// drawn by itself, and dropped without a word unless a shaped face uses
// it.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// run is a piece of text printed with one face, in one direction. Its
// text is in logical order.
type run struct {
	face *face
	text string
	rtl  bool
}

// runs splits s into runs of one face and one direction each, in logical
// order, after putting s in Unicode normal form C (so that Vietnamese
// typed with combining accents prints like Vietnamese typed precomposed)
// and dropping what no face prints. Spaces and combining marks join the
// run they follow, so that a line of Chinese with a number in it switches
// fonts only where it must.
func runs(s string) []run {
	return split(s, nil)
}

// split is runs, also telling drop about every character dropped because
// no face prints it.
func split(s string, drop func(rune)) []run {
	var rs []rune
	var fs []*face
	var cur *face
	for _, r := range unorm.NFC.String(s) {
		if unicode.IsControl(r) {
			r = ' '
		}
		f, ok := pick(r)
		switch {
		case invisible(r):
			if cur == nil || !cur.shaped || !unicode.Is(unicode.Join_Control, r) {
				continue
			}
			f, ok = cur, true
		case r == ' ' && cur != nil:
			f, ok = cur, true
		case unicode.IsMark(r) && cur != nil && cur.covers(r):
			f, ok = cur, true
		}
		if !ok {
			if drop != nil {
				drop(r)
			}
			continue
		}
		cur = f
		rs = append(rs, r)
		fs = append(fs, f)
	}
	rtl := directions(rs)
	var out []run
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || fs[i] != fs[start] || rtl[i] != rtl[start] {
			out = append(out, run{fs[start], string(rs[start:i]), rtl[start]})
			start = i
		}
	}
	return out
}

// Printable returns s as it will be printed, in logical order: in normal
// form C, without the characters no font covers.
func Printable(s string) string {
	var b strings.Builder
	for _, r := range runs(s) {
		b.WriteString(r.text)
	}
	return b.String()
}

// Dropped returns the characters of the texts that no font of the
// printouts can print (emoji above all), each once, in the order they
// come. They are left out of the printout, so a caller should tell the
// person which ones are missing. Invisible format characters (direction
// marks, joiners, variation selectors) are not counted.
func Dropped(texts ...string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, s := range texts {
		split(s, func(r rune) {
			if !seen[r] && unicode.IsGraphic(r) {
				seen[r] = true
				out = append(out, r)
			}
		})
	}
	return out
}

// writer draws text in several fonts on an fpdf document.
type writer struct {
	pdf    *fpdf.Fpdf
	widths map[widthKey]float64
	loaded map[fontKey]bool
	shaper shaping.HarfbuzzShaper
	shapes map[shapeKey]*shaped
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
		if f.shaped {
			data = f.variant(bold).pdf
		}
		w.pdf.AddUTF8FontFromBytes(f.family, style(bold), data)
		w.loaded[k] = true
	}
	w.pdf.SetFont(f.family, style(bold), f.size(size))
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
	return &writer{pdf: pdf, widths: map[widthKey]float64{}, loaded: map[fontKey]bool{}, shapes: map[shapeKey]*shaped{}}, nil
}

func style(bold bool) string {
	if bold {
		return "B"
	}
	return ""
}

// ptToUnit turns a size in points into mm per font unit.
func ptToUnit(size, upem float64) float64 { return size / upem * 25.4 / 72 }

// widthsOf returns the width in mm of each character of s, as printed, in
// logical order (fpdf adds character widths, with no kerning; in a shaped
// run, the advance of a cluster goes to its first character and the
// others are 0 wide). The characters are s as Printable returns it.
func (w *writer) widthsOf(s string, size float64, bold bool) ([]rune, []float64) {
	var rs []rune
	var ws []float64
	for _, r := range runs(s) {
		if r.face.shaped {
			sh := w.shape(r, bold)
			k := ptToUnit(r.face.size(size), sh.upem)
			for i, c := range []rune(r.text) {
				rs = append(rs, c)
				ws = append(ws, sh.adv[i]*k)
			}
			continue
		}
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
// A stretch of right-to-left runs is drawn in reverse order, and shaped
// runs glyph by glyph where HarfBuzz put them, marked with the text they
// stand for (see shape.go).
func (w *writer) text(x, y float64, s string, size float64, bold bool) float64 {
	rs := runs(s)
	for i := 0; i < len(rs); {
		j := i + 1
		for rs[i].rtl && j < len(rs) && rs[j].rtl {
			j++
		}
		for k := j - 1; k >= i && rs[i].rtl; k-- {
			x = w.drawBold(x, y, rs[k], size, bold)
		}
		if !rs[i].rtl {
			x = w.drawBold(x, y, rs[i], size, bold)
		}
		i = j
	}
	return x
}

// drawBold draws one run; bold in a face with no bold outlines of its own
// is drawn faux bold (see bold.go).
func (w *writer) drawBold(x, y float64, r run, size float64, bold bool) float64 {
	if bold && r.face.bold == nil {
		w.fauxBold(func() { x = w.drawRun(x, y, r, size, bold) }, size)
		return x
	}
	return w.drawRun(x, y, r, size, bold)
}

// drawRun draws one run at (x, y) and returns the x after it.
func (w *writer) drawRun(x, y float64, r run, size float64, bold bool) float64 {
	w.setFont(r.face, bold, size)
	if !r.face.shaped {
		if !r.rtl {
			w.pdf.Text(x, y, r.text)
			return x + w.pdf.GetStringWidth(r.text)
		}
		// Brackets are drawn mirrored, and read as what they stand for.
		t := mirrored(r.text)
		w.pdf.RawWriteStr(actualText(reversed([]rune(r.text))))
		w.pdf.Text(x, y, t)
		w.pdf.RawWriteStr("EMC")
		return x + w.pdf.GetStringWidth(t)
	}
	sh := w.shape(r, bold)
	k := ptToUnit(r.face.size(size), sh.upem)
	text := []rune(r.text)
	if !r.rtl {
		w.pdf.RawWriteStr(actualText(r.text))
	}
	for i := 0; i < len(sh.glyphs); {
		// The glyphs of one cluster.
		j := i + 1
		for j < len(sh.glyphs) && sh.glyphs[j].textOffset == sh.glyphs[i].textOffset {
			j++
		}
		if r.rtl {
			// Readers take the characters of a span as laid out left to
			// right across it, and turn right-to-left text round: so
			// they are given here in that order.
			w.pdf.RawWriteStr(actualText(reversed(text[sh.glyphs[i].textOffset:sh.clusterEnd(i)])))
		}
		for _, g := range sh.glyphs[i:j] {
			if g.r != 0 {
				w.pdf.Text(x+g.x*k, y-g.y*k, string(g.r))
			}
			x += g.adv * k
		}
		if r.rtl {
			w.pdf.RawWriteStr("EMC")
		}
		i = j
	}
	if !r.rtl {
		w.pdf.RawWriteStr("EMC")
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
