package printout

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
	var dropped []rune
	for _, n := range names {
		dropped = append(dropped, Dropped(n)...)
	}
	if string(dropped) != "😀" {
		t.Errorf("Dropped = %q, want the emoji", string(dropped))
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
