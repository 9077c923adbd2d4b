package printout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pathway/locales"
	"pathway/plan"
)

// The sample binder, with what Mei (c1, the bond person) agreed to do if
// she does not hear from the person, written by the person in Vietnamese.
func silentSample(t *testing.T) *plan.Binder {
	t.Helper()
	b := sample(t)
	agreed, err := plan.ParseDate("2026-11-01")
	if err != nil {
		t.Fatal(err)
	}
	b.Contact("c1").IfSilent = &plan.IfSilent{
		After:  "2 ngày",
		First:  "Gọi cho phòng khám pháp lý Riverside.",
		Words:  "Mai bị giữ. Hồ sơ nằm trong bìa xanh.",
		Tell:   []string{"c4", "c7"},
		Others: "Văn phòng trường của con trai Mai",
		Agreed: agreed,
	}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	return b
}

// A bond person's sheet in Vietnamese carries the "if you don't hear from
// me" block in Vietnamese, speaking to the helper about the person by
// name, with the agreed words, whom to tell and their numbers, and the
// day it was agreed.
func TestSheetIfSilentVietnamese(t *testing.T) {
	b := silentSample(t)
	vi, err := locales.Get("vi")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Sheet(b, b.Contact("c1"), Details{Name: "Mai"}, Options{Loc: vi})
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PRINTOUT_KEEP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "sheet-silence-vi.pdf"), pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := save(t, pdf)
	if pages, _, _ := checkPDF(t, path); pages != 1 {
		t.Errorf("%d pages", pages)
	}
	text := squash(pdfText(t, path))
	for _, w := range []string{
		"Nếu bạn không nghe tin Mai",
		"Khi nào hành động: nếu Mai không liên lạc với bạn trong 2 ngày.",
		"Việc đầu tiên Mai nhờ bạn làm:", "Gọi cho phòng khám pháp lý Riverside.",
		"Những lời Mai nhờ bạn nhắn lại, đúng từng chữ:", "“Mai bị giữ. Hồ sơ nằm trong bìa xanh.”",
		"Nhắn lại cho ai:", "Riverside Legal Clinic — 416 555 0177", "J. Okafor — 416 555 0155",
		"Văn phòng trường của con trai Mai",
		"Bạn đã thỏa thuận điều này với Mai ngày 2026-11-01.",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not on the sheet:\n%s", w, text)
		}
	}
	for _, w := range []string{"If you do not hear", "When to act", "<no value>"} {
		if strings.Contains(text, w) {
			t.Errorf("%q on a Vietnamese sheet", w)
		}
	}
}

// Without the person's name, the block still speaks about them, in the
// sheet's language; not yet agreed, it asks to go over it together. A
// helper with nothing agreed gets no block at all.
func TestSheetIfSilentWithoutName(t *testing.T) {
	b := silentSample(t)
	b.Contact("c1").IfSilent.Agreed = plan.Date{}
	pdf, err := Sheet(b, b.Contact("c1"), Details{}, en())
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, save(t, pdf)))
	for _, w := range []string{
		"If you do not hear from the person who gave you this page",
		"The person who gave you this page has not gone over this with you yet",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not on the sheet:\n%s", w, text)
		}
	}
	pdf, err = Sheet(b, b.Contact("c2"), Details{}, en()) // Ana agreed nothing
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, save(t, pdf)); strings.Contains(text, "If you do not hear") {
		t.Error("Ana's sheet has an empty block")
	}
}

// The block is kept on one page when it fits on one: on a long bilingual
// sheet that needs two pages, its heading and its last line share a page.
func TestSheetIfSilentStaysTogether(t *testing.T) {
	b := silentSample(t)
	b.Contact("c5").IfSilent = b.Contact("c1").IfSilent
	zh, err := locales.Get("zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Sheet(b, b.Contact("c5"), Details{}, Options{Loc: locales.English(), Second: zh})
	if err != nil {
		t.Fatal(err)
	}
	path := save(t, pdf)
	pages, _, _ := checkPDF(t, path)
	together := false
	for p := 1; p <= pages; p++ {
		n := fmt.Sprint(p)
		text := squash(runTool(t, "pdftotext", "-f", n, "-l", n, "-enc", "UTF-8", path, "-"))
		head := strings.Contains(text, "If you do not hear from the person who gave you this page")
		end := strings.Contains(text, "You agreed this with the person who gave you this page on 2026-11-01.")
		if head != end {
			t.Errorf("page %d holds only part of the block:\n%s", p, text)
		}
		together = together || head && end
	}
	if !together {
		t.Error("the block is not on the sheet")
	}
}
