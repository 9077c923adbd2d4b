package printout

import (
	"strings"
	"testing"

	"pathway/plan"
)

// On paper, "does not apply" is said in words under its question, as on
// the screens, and it is not a tick: the checklist read back by poppler.
func TestChecklistSaysNotApply(t *testing.T) {
	b := sample(t)
	p := b.Plan("release-1")
	q, _ := plan.Lookup("home.carer")
	b.SetAnswer(p, q, plan.Answer{NotApply: true, Text: "no pets, no children"})
	pdf, err := Checklist(b, p, en())
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, save(t, pdf))
	flat := strings.Join(strings.Fields(text), " ")
	at := strings.Index(flat, "Who would look after your children or pets?")
	if at < 0 {
		t.Fatalf("no carer question:\n%s", text)
	}
	if after := flat[at:]; !strings.Contains(after[:min(len(after), 200)], "Doesn't apply to me no pets, no children") {
		t.Errorf("the carer's answer is not said:\n%s", after[:min(len(after), 300)])
	}
	if !strings.Contains(flat[max(0, at-4):at], "☒") {
		t.Errorf("the box before the carer is not ☒: %q", flat[max(0, at-20):at+10])
	}
}
