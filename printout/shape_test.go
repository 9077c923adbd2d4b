package printout

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/go-text/typesetting/font"
	"golang.org/x/image/font/sfnt"

	"pathway/plan"
)

// Names in the scripts that need shaping, invented.
const (
	nameArabic  = "مريم الحسيني"
	nameArabic2 = "عُلا سلام" // a mark, and lam-alef: one glyph for two characters
	nameHebrew  = "נועה כהן"
	nameKhmer   = "ស្រីពៅ ចាន់" // ្រ: a subscript, a glyph no character maps to
	nameLao     = "ສົມພອນ"
	nameThai    = "สมศรี ใจดี"
	nameVietNFD = "Nguye\u0302\u0303n Thi\u0323 Hu\u031bo\u031bng" // Nguyễn Thị Hương typed with combining accents
	nameVietNFC = "Nguyễn Thị Hương"
)

// scriptBinder is the sample binder with names in every script on the
// cards to learn, and an emoji in one of them.
func scriptBinder(t *testing.T, names ...string) *plan.Binder {
	t.Helper()
	b := sample(t)
	b.Contacts = b.Contacts[:0:0]
	for i, n := range names {
		b.Contacts = append(b.Contacts, plan.Contact{ID: "s" + strconv.Itoa(i), Name: n, Learn: i < MaxCardNumbers,
			Phones: []plan.Phone{{Number: "+1416555010" + strconv.Itoa(i)}}, Roles: []plan.Role{plan.RoleCarer}})
	}
	return b
}

// fontsIn lists the font names pdffonts reports.
func fontsIn(t *testing.T, path string) string {
	t.Helper()
	return runTool(t, "pdffonts", path)
}

// TestScriptsPrint prints cards and a checklist with names in Arabic,
// Hebrew, Khmer, Lao, Thai and decomposed Vietnamese, and reads them
// back: the scripts' fonts are embedded only when used, nothing prints
// as U+FFFD, every name reads back in logical order (through the
// /ActualText of its span), and the emoji is left out and reported.
func TestScriptsPrint(t *testing.T) {
	names := []string{nameArabic, nameHebrew + " 😀", nameKhmer, nameLao, nameThai, nameVietNFD, nameArabic2}
	b := scriptBinder(t, names...)
	cards, err := Cards(b, CardOptions{Options: en()})
	if err != nil {
		t.Fatal(err)
	}
	path := save(t, cards)
	checkPDF(t, path)
	if dir := os.Getenv("PRINTOUT_KEEP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "card-scripts.pdf"), cards, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fonts := fontsIn(t, path)
	for _, f := range []string{"utf8ar", "utf8he", "utf8km", "utf8lo", "utf8th"} {
		if !strings.Contains(fonts, f) {
			t.Errorf("font %s is not embedded:\n%s", f, fonts)
		}
	}
	text := pdfText(t, path)
	if strings.ContainsRune(text, '\uFFFD') {
		t.Errorf("U+FFFD in the cards:\n%s", text)
	}
	if strings.Contains(text, "😀") {
		t.Error("the emoji reached the PDF")
	}
	for _, n := range []string{nameArabic, nameHebrew, nameKhmer, nameLao, nameThai, nameVietNFC} {
		if !strings.Contains(text, n) {
			t.Errorf("%q does not read back from the cards:\n%s", n, text)
		}
	}
	for r := rune(0xE000); r <= 0xF8FF; r++ {
		if strings.ContainsRune(text, r) {
			t.Errorf("a private-use alias %U reads back", r)
		}
	}

	// The checklist lists the people to learn.
	list, err := Checklist(b, &b.Plans[0], en())
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, save(t, list)); !strings.Contains(text, nameArabic) || strings.ContainsRune(text, '\uFFFD') {
		t.Errorf("the checklist does not read %q back, or has U+FFFD:\n%s", nameArabic, text)
	}

	// The warning API names the emoji, and nothing else.
	if d := Dropped(names...); string(d) != "😀" {
		t.Errorf("Dropped = %q, want the emoji", string(d))
	}
	// Each once, in order; invisible format characters are not counted.
	if d := Dropped("Ana 😀\u200d💐\ufe0f", "\u202eMei 😀", "x\U00020000"); string(d) != "😀💐\U00020000" {
		t.Errorf("Dropped = %q", string(d))
	}
	if p := Printable(nameVietNFD + " \u202e😀"); p != nameVietNFC+" " {
		t.Errorf("Printable = %q, want %q", p, nameVietNFC+" ")
	}
}

// TestScriptFontsOnlyWhenUsed: a printout in English carries none of the
// fonts of the shaped scripts.
func TestScriptFontsOnlyWhenUsed(t *testing.T) {
	b := scriptBinder(t, "Mei", "Ana", nameLao)
	pdf, err := Cards(b, CardOptions{Options: en()})
	if err != nil {
		t.Fatal(err)
	}
	fonts := fontsIn(t, save(t, pdf))
	if !strings.Contains(fonts, "utf8lo") {
		t.Errorf("the Lao font is missing:\n%s", fonts)
	}
	for _, f := range []string{"utf8ar", "utf8he", "utf8km", "utf8th"} {
		if strings.Contains(fonts, f) {
			t.Errorf("font %s is embedded with no text in it:\n%s", f, fonts)
		}
	}
}

// TestEveryGlyphAddressable: in the copy of each shaped font given to
// fpdf, every glyph has a code point that maps to it, so that whatever
// HarfBuzz picks can be drawn.
func TestEveryGlyphAddressable(t *testing.T) {
	if err := parseFaces(); err != nil {
		t.Fatal(err)
	}
	for _, f := range faces {
		if !f.shaped {
			continue
		}
		for _, bold := range []bool{false, true} {
			v := f.variant(bold)
			again, err := font.ParseTTF(bytes.NewReader(v.pdf))
			if err != nil {
				t.Fatalf("%s: the aliased font does not parse: %v", f.family, err)
			}
			sf, err := sfnt.Parse(v.pdf)
			if err != nil {
				t.Fatalf("%s: the aliased font does not parse: %v", f.family, err)
			}
			n := sf.NumGlyphs()
			aliases := 0
			for g := 1; g < n; g++ {
				r, ok := v.runeOf[font.GID(g)]
				if !ok {
					t.Errorf("%s: glyph %d has no code point", f.family, g)
					continue
				}
				if r >= 0xE000 && r <= 0xF8FF {
					aliases++
				}
				if got, ok := again.Cmap.Lookup(r); !ok || got != font.GID(g) {
					t.Errorf("%s: %U maps to glyph %d, want %d", f.family, r, got, g)
				}
			}
			// The original mappings are kept.
			for _, r := range []rune{' ', 'ក', 'ມ', 'م', 'נ', 'น'} {
				orig, _ := v.ot.Cmap.Lookup(r)
				if got, _ := again.Cmap.Lookup(r); got != orig {
					t.Errorf("%s: %q maps to %d, was %d", f.family, r, got, orig)
				}
			}
			t.Logf("%s bold=%v: %d glyphs, %d aliased", f.family, bold, n, aliases)
		}
	}
}

// inkRows returns the first and last rows of a PGM picture with a dark
// pixel in columns [x0, x1).
func inkRows(t *testing.T, pgm []byte, x0, x1 float64) (top, bottom int) {
	t.Helper()
	var w, h, max int
	var hdr int
	if _, err := fmt.Sscanf(string(pgm), "P5\n%d %d\n%d\n", &w, &h, &max); err != nil {
		t.Fatalf("not a PGM: %v", err)
	}
	for i, nl := 0, 0; i < len(pgm); i++ {
		if pgm[i] == '\n' {
			if nl++; nl == 3 {
				hdr = i + 1
				break
			}
		}
	}
	px := pgm[hdr:]
	top, bottom = -1, -1
	for y := 0; y < h; y++ {
		for x := int(x0 * float64(w)); x < int(x1*float64(w)); x++ {
			if px[y*w+x] < 128 {
				if top < 0 {
					top = y
				}
				bottom = y
				break
			}
		}
	}
	return top, bottom
}

// TestThaiAsLargeAsLatin prints x and น (whose body stands at the Thai
// x-height) side by side at one size and measures their ink: the same
// height, standing on the same baseline. Unscaled, Loma's น is about
// three quarters the height of DejaVu's x.
func TestThaiAsLargeAsLatin(t *testing.T) {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 100, Ht: 30}})
	pdf.AddPage()
	w, err := newWriter(pdf)
	if err != nil {
		t.Fatal(err)
	}
	w.text(5, 20, "xxx", 30, false)
	w.text(55, 20, "นนน", 30, false)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	path := save(t, out.Bytes())
	base := filepath.Join(t.TempDir(), "x")
	runTool(t, "pdftoppm", "-r", "300", "-gray", "-singlefile", path, base)
	pgm, err := os.ReadFile(base + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	lt, lb := inkRows(t, pgm, 0, 0.5)
	tt, tb := inkRows(t, pgm, 0.5, 1)
	latin, thai := float64(lb-lt+1), float64(tb-tt+1)
	t.Logf("x %d px high, น %d px high (scale %.3f)", lb-lt+1, tb-tt+1, faces[3].scale)
	if lt < 0 || tt < 0 || math.Abs(thai-latin)/latin > 0.05 {
		t.Errorf("น is %v px high, x %v px: not the same size", thai, latin)
	}
	if abs(tb-lb) > 2 {
		t.Errorf("x stands on row %d, น on row %d", lb, tb)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestDirections: which characters are laid out right to left.
func TestDirections(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// r: right to left; -: left to right.
		{"مريم الحسيني", "rrrrrrrrrrrr"},
		{"مريم 416 555", "rrrr--------"},
		{"Call مريم (أخت) at", "-----rrrrrrrrrr---"},
		{"Mei (مريم)", "-----rrrr-"}, // after a left-to-right letter, brackets stay
		{"نועה Noa", "rrrr----"},
		{"(مريم)", "-rrrr-"},
		{"عُلا", "rrrr"},
	} {
		var got strings.Builder
		for _, r := range directions([]rune(c.in)) {
			if r {
				got.WriteByte('r')
			} else {
				got.WriteByte('-')
			}
		}
		if got.String() != c.want {
			t.Errorf("directions(%q) = %s, want %s", c.in, got.String(), c.want)
		}
	}
}

// TestRightToLeftLines draws lines that mix directions and reads where
// the words landed: right-to-left text is turned round, phone numbers
// never are, and every line reads back in logical order.
func TestRightToLeftLines(t *testing.T) {
	lines := []string{
		nameArabic2,
		"مريم +1 416 555 0123",
		"Call مريم (أخت) at 416 555 0123",
		"נועה כהן Noa",
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 150, Ht: 50}})
	pdf.AddPage()
	w, err := newWriter(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		w.text(5, 10+10*float64(i), l, 14, false)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	path := save(t, out.Bytes())
	text := runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	for _, want := range []string{nameArabic2, "مريم", "(أخت)", "416 555 0123", "נועה כהן"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q does not read back:\n%s", want, text)
		}
	}
	// Where the words are, left to right, line by line.
	html := runTool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	words := map[string]float64{}
	for _, m := range wordRe.FindAllStringSubmatch(html, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		word := m[5] // in visual order: turned round if right to left
		if strings.ContainsFunc(word, isRTL) {
			word = reversed([]rune(word))
		}
		words[fmt.Sprintf("%d:%s", int(y/28.35), word)] = x // one line a centimetre
	}
	leftOf := func(a, b string) {
		t.Helper()
		xa, oka := words[a]
		xb, okb := words[b]
		if !oka || !okb || xa >= xb {
			t.Errorf("%s (at %v) is not left of %s (at %v): %v", a, xa, b, xb, words)
		}
	}
	leftOf("0:سلام", "0:عُلا") // the first word read is on the right
	leftOf("1:مريم", "1:+1")   // the number follows the name, in its own order
	leftOf("1:+1", "1:416")
	leftOf("1:416", "1:555")
	leftOf("1:555", "1:0123")
	leftOf("2:Call", "2:(أخت)")
	leftOf("2:(أخت)", "2:مريم")
	leftOf("2:مريم", "2:at")
	leftOf("3:כהן", "3:נועה")
	leftOf("3:נועה", "3:Noa")
}

// FuzzShape draws any text: never a panic, and the text takes exactly the
// width measured for it, which is what lines are broken and fitted by.
func FuzzShape(f *testing.F) {
	for _, s := range []string{nameArabic, nameArabic2, nameHebrew, nameKhmer, nameLao, nameThai, nameVietNFD,
		"Call مريم (أخت) at 416 555 0123", "((مريم]", "\u202eمر\u200cيم", "ស្\u200dរ", "ّ", "😀מ"} {
		f.Add(s)
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 300, Ht: 50}})
	pdf.AddPage()
	w, err := newWriter(pdf)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = plan.Clean(s)
		for _, bold := range []bool{false, true} {
			want := w.width(s, 12, bold)
			if got := w.text(5, 20, s, 12, bold) - 5; math.Abs(got-want) > 1e-6 {
				t.Errorf("%q: drawn %v mm wide, measured %v", s, got, want)
			}
		}
	})
}
