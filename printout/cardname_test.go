package printout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"pathway/locales"
	"pathway/plan"
)

// The name on the card stands in for the name on both sides of the cards;
// the checklist keeps the real name.
func TestCardNameOnCards(t *testing.T) {
	b := sample(t)
	b.Contact("c1").CardName = "Auntie Rose"
	b.Contact("c3").CardName = "Line 1" // Butterfly, a 24-hour line: on the back
	pdf, err := Cards(b, CardOptions{Options: en(), Back: true})
	if err != nil {
		t.Fatal(err)
	}
	path := save(t, pdf)
	checkPDF(t, path)
	per := CardsPerPage(Letter)
	front := runTool(t, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-")
	if n := strings.Count(front, "Auntie Rose"); n != per {
		t.Errorf("the card name is on %d cards, want %d:\n%s", n, per, front)
	}
	if strings.Contains(front, "Mei") {
		t.Errorf("the real name is on the cards:\n%s", front)
	}
	if n := strings.Count(front, "Ana"); n != per {
		t.Errorf("a contact without a card name is on %d cards by name, want %d", n, per)
	}
	back := runTool(t, "pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", path, "-")
	if n := strings.Count(back, "Line 1"); n != per || strings.Contains(back, "Butterfly") {
		t.Errorf("the back shows the card name %d times (want %d), or the real name:\n%s", n, per, back)
	}

	for _, p := range b.Plans {
		pdf, err := Checklist(b, &p, en())
		if err != nil {
			t.Fatal(err)
		}
		text := squash(pdfText(t, save(t, pdf)))
		if strings.Contains(text, "Auntie Rose") {
			t.Errorf("%s: the checklist shows the card name", p.ID)
		}
		if p.Kind == plan.Release && !strings.Contains(text, "Mei") {
			t.Errorf("%s: the checklist lost the real name:\n%s", p.ID, text)
		}
	}
}

// firstCard is the text of the first card of the first page.
func firstCard(t *testing.T, pdf []byte) string {
	t.Helper()
	pages := bbox(t, save(t, pdf))
	xs, ys := grid(Letter.Size())
	return cardText(pages[0], xs[:1], ys[:1])
}

// --first: the numbers named go alone on the first card, in that order;
// the others follow, none lost.
func TestCardsFirst(t *testing.T) {
	g := generated(t)
	o := CardOptions{Options: Options{Loc: locales.English()}}
	plain, err := Cards(g, o)
	if err != nil {
		t.Fatal(err)
	}
	if c := firstCard(t, plain); !strings.HasPrefix(c, "Person 0 ") || strings.Contains(c, "Person 17 ") {
		t.Fatalf("without --first, the first card is not the first numbers: %s", c)
	}
	first := []string{"g17", "g2", "g9"}
	o.First = first
	pdf, err := Cards(g, o)
	if err != nil {
		t.Fatal(err)
	}
	card := firstCard(t, pdf)
	var at []int
	for _, id := range first {
		i := strings.Index(card, "Person "+strings.TrimPrefix(id, "g")+" ")
		if i < 0 {
			t.Fatalf("%s is not on the first card: %s", id, card)
		}
		at = append(at, i)
	}
	if !slices.IsSorted(at) {
		t.Errorf("the first card is not in the order asked (%v): %s", first, card)
	}
	if n := strings.Count(card, "Person "); n != len(first) {
		t.Errorf("the first card holds %d numbers, want the %d asked for: %s", n, len(first), card)
	}
	text := norm(runTool(t, "pdftotext", "-enc", "UTF-8", save(t, pdf), "-"))
	for _, c := range g.ToLearn() {
		if !strings.Contains(text, c.Name+" ") {
			t.Errorf("%s is on no card", c.Name)
		}
	}
	for _, id := range first {
		if !strings.Contains(text, fmt.Sprintf("Person %s ", strings.TrimPrefix(id, "g"))) {
			t.Errorf("%s is lost", id)
		}
	}
}

// An id that is no number to learn changes nothing.
func TestFirstOf(t *testing.T) {
	cs := []plan.Contact{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	first, rest := firstOf(cs, []string{"c", "x", "a", "c"})
	ids := func(cs []plan.Contact) (out []string) {
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	if got := ids(first); !slices.Equal(got, []string{"c", "a"}) {
		t.Errorf("first = %v, want [c a]", got)
	}
	if got := ids(rest); !slices.Equal(got, []string{"b"}) {
		t.Errorf("rest = %v, want [b]", got)
	}
}
