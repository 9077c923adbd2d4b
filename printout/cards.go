package printout

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"pathway/locales"
	"pathway/plan"
)

// The ID-1 card size, as a bank card: it fits a wallet.
const (
	CardW = 85.6
	CardH = 54.0
)

// MaxCardNumbers is the most numbers one card holds. More numbers go on
// more cards.
const MaxCardNumbers = 6

// The sizes, in points, of what a card says: a number is printed at
// CardNumberSize, smaller if it must, down to MinCardNumberSize, and only
// then broken between its groups over two lines; a name likewise down to
// MinCardNameSize, and only then shortened with "…". A number is never
// shortened: if the numbers do not fit a card, they go on more cards.
const (
	CardNumberSize    = 16.0
	MinCardNumberSize = 8.0
	CardNameSize      = 9.0
	MinCardNameSize   = 6.0
	cardLabelSize     = 7.0
	minCardLabelSize  = 5.5
	cardPad           = 4.0
)

// CardOptions says what goes on the cards.
type CardOptions struct {
	Options
	// Labels prints each contact's roles under their name. Off by
	// default: a card that says "bond person" tells too much.
	Labels bool
	// Back adds a page, to print on the back of the cards (long-edge
	// duplex), with the 24-hour lines the person picked.
	Back bool
	// First lists the ids of the contacts whose numbers go first, in that
	// order: on the first card, alone, as many as fit there (the ones the
	// person needs first). The other numbers follow on the next cards.
	// An id that is not one of the numbers to learn is left out.
	First []string
}

// cardMargin is the least space between the cards and the edge of the
// paper; the crop marks stand in it, 5.5 mm or more from the edge.
const cardMargin = 12.0

// grid returns the positions of the cards on a page: as many as fit
// inside the margins, centred: 8 on Letter, 10 on A4.
func grid(pageW, pageH float64) (xs, ys []float64) {
	cols := int(math.Floor((pageW - 2*cardMargin) / CardW))
	rows := int(math.Floor((pageH - 2*cardMargin) / CardH))
	left := (pageW - float64(cols)*CardW) / 2
	top := (pageH - float64(rows)*CardH) / 2
	for c := range cols {
		xs = append(xs, left+float64(c)*CardW)
	}
	for r := range rows {
		ys = append(ys, top+float64(r)*CardH)
	}
	return xs, ys
}

// CardsPerPage returns how many cards fit on a page of paper p.
func CardsPerPage(p Paper) int {
	w, h := p.Size()
	xs, ys := grid(w, h)
	return len(xs) * len(ys)
}

// Cards prints wallet-size cards with the numbers the person marked to
// learn by heart, each with the name they chose for the cards (see
// [plan.Contact.OnCard]). Discreet: no title, no plan, no roles unless
// asked for.
//
// The numbers go on as many different cards as they need (at most
// MaxCardNumbers a card, fewer when they are long). A page holds the set
// of different cards one after the other, again and again until it is
// full: cutting out one page gives whole sets, one to carry and spares to
// keep or hide, and losing a page never loses some of the numbers. A set
// larger than a page goes on over more pages. With Back, each page of
// fronts is followed by its page of backs, for duplex printing.
func Cards(b *plan.Binder, o CardOptions) ([]byte, error) {
	front := b.ToLearn()
	if len(front) == 0 {
		return nil, ErrNothingToPrint
	}
	var back []plan.Contact
	if o.Back {
		for _, c := range b.Contacts {
			if c.HasRole(plan.RoleEmergencyService) && len(c.Phones) > 0 {
				back = append(back, c)
			}
		}
		if len(back) == 0 {
			return nil, ErrNothingToPrint
		}
	}
	return safely(func() ([]byte, error) {
		if o.Date.IsZero() {
			o.Date = b.Created
		}
		d, err := newDoc(o.Options)
		if err != nil {
			return nil, err
		}
		var fronts []cardLayout
		if first, rest := firstOf(front, o.First); len(first) > 0 {
			fronts = append(d.pack(first, o.Labels), d.pack(rest, o.Labels)...)
		} else {
			fronts = d.pack(front, o.Labels)
		}
		backs := d.pack(back, o.Labels)
		xs, ys := grid(d.pageW, d.pageH)
		per := len(xs) * len(ys)
		pages := (len(fronts) + per - 1) / per
		if o.Back {
			pages = max(pages, (len(backs)+per-1)/per)
		}
		// Long-edge duplex turns the sheet about its vertical axis: the
		// card printed at the left of the front lies behind the one at
		// the right, so the backs' columns are mirrored.
		mirrored := make([]float64, len(xs))
		for i, x := range xs {
			mirrored[len(xs)-1-i] = d.pageW - x - CardW
		}
		for p := range pages {
			d.cardPage(xs, ys, fronts, p*per)
			if o.Back {
				d.cardPage(mirrored, ys, backs, p*per)
			}
		}
		return d.bytes()
	})
}

// firstOf splits cs into the contacts named in ids, in the order of ids,
// and the others, in their order.
func firstOf(cs []plan.Contact, ids []string) (first, rest []plan.Contact) {
	for _, id := range ids {
		for _, c := range cs {
			if c.ID == id && !slices.ContainsFunc(first, func(f plan.Contact) bool { return f.ID == id }) {
				first = append(first, c)
			}
		}
	}
	for _, c := range cs {
		if !slices.Contains(ids, c.ID) {
			rest = append(rest, c)
		}
	}
	return first, rest
}

// cardPage draws a page of cards, the card in slot i being set[(first+i)
// mod len(set)], and the crop marks.
func (d *doc) cardPage(xs, ys []float64, set []cardLayout, first int) {
	d.page()
	i := first
	for _, y := range ys {
		for _, x := range xs {
			k := i % len(set)
			d.card(x, y, set[k], k, len(set))
			i++
		}
	}
	d.cropMarks(xs, ys)
}

// cardEntry is one contact on a card, laid out: the name, the roles if
// asked for, and the number in one or more lines, each at its own size.
type cardEntry struct {
	name      string
	nameSize  float64
	label     string
	labelSize float64
	num       []string
	numSize   float64
}

// cardLayout is one card, laid out.
type cardLayout struct {
	entries []cardEntry
	height  float64
}

// cardInner is the room for text on a card.
const (
	cardInnerW = CardW - 2*cardPad
	cardInnerH = CardH - 2*cardPad
)

// spokenNumber is a number as printed on cards and for learning: its
// groups joined by " · ", then the extension in the printout's language.
func spokenNumber(loc *locales.Locale, ph plan.Phone) string {
	s := ph.Spoken()
	if ph.Ext != "" {
		s += " " + loc.T("print.ext", "Ext", ph.Ext)
	}
	return s
}

// entry lays out contact c at scale s of the full sizes.
func (d *doc) entry(c plan.Contact, labels bool, s float64) cardEntry {
	e := cardEntry{}
	name := c.OnCard()
	e.nameSize = d.shrink(name, CardNameSize*s, MinCardNameSize, false)
	e.name = d.w.fit(name, e.nameSize, false, cardInnerW)
	if labels && len(c.Roles) > 0 {
		var roles []string
		for _, r := range c.Roles {
			// In both languages when the cards are bilingual: "bond
			// person / người bảo lãnh".
			first, second := d.both(plan.RoleKey(r))
			if second != "" && second != first {
				first += " / " + second
			}
			roles = append(roles, first)
		}
		l := strings.Join(roles, ", ")
		e.labelSize = d.shrink(l, cardLabelSize*s, minCardLabelSize, false)
		e.label = d.w.fit(l, e.labelSize, false, cardInnerW)
	}
	num := spokenNumber(d.o.Loc, c.Phones[0])
	e.numSize, e.num = d.w.fitNumber(num, max(CardNumberSize*s, MinCardNumberSize), MinCardNumberSize, true, cardInnerW)
	return e
}

// shrink returns the largest size from size down to least, in half
// points, at which s fits the width of a card.
func (d *doc) shrink(s string, size, least float64, bold bool) float64 {
	size = max(size, least)
	for ; size > least; size -= 0.5 {
		if d.w.width(s, size, bold) <= cardInnerW {
			return size
		}
	}
	return least
}

func (e cardEntry) height() float64 {
	h := lineH(e.nameSize) + float64(len(e.num))*lineH(e.numSize) + 0.05*e.numSize
	if e.label != "" {
		h += lineH(e.labelSize)
	}
	return h
}

// layout lays out the contacts on one card, as large as they fit, and
// reports whether they do.
func (d *doc) layout(cs []plan.Contact, labels bool) (cardLayout, bool) {
	if len(cs) > MaxCardNumbers {
		return cardLayout{}, false
	}
	var l cardLayout
	for s := 1.0; ; s -= 0.05 {
		l = cardLayout{}
		for _, c := range cs {
			e := d.entry(c, labels, s)
			l.entries = append(l.entries, e)
			l.height += e.height()
		}
		if l.height <= cardInnerH {
			return l, true
		}
		if CardNumberSize*s <= MinCardNumberSize {
			return l, false
		}
	}
}

// pack shares the contacts out over as few cards as hold them, as evenly
// as they go, in order.
func (d *doc) pack(cs []plan.Contact, labels bool) []cardLayout {
	if len(cs) == 0 {
		return nil
	}
	// First as many on each card as fit, to learn how many cards it takes.
	var greedy []cardLayout
	for start := 0; start < len(cs); {
		n := 1
		l, _ := d.layout(cs[start:start+1], labels) // one alone always goes
		for start+n < len(cs) {
			next, ok := d.layout(cs[start:start+n+1], labels)
			if !ok {
				break
			}
			l = next
			n++
		}
		greedy = append(greedy, l)
		start += n
	}
	// Then the same number of cards, shared evenly (7 numbers as 4 and
	// 3, not 6 and 1), if they fit that way.
	k := len(greedy)
	if k == 1 {
		return greedy
	}
	var even []cardLayout
	start := 0
	for i := range k {
		n := len(cs) / k
		if i < len(cs)%k {
			n++
		}
		l, ok := d.layout(cs[start:start+n], labels)
		if !ok {
			return greedy
		}
		even = append(even, l)
		start += n
	}
	return even
}

// card draws card l at (x, y): a faint outline to cut along, the names
// and numbers centred on it, and, when the numbers take several cards,
// which of them this is ("1/2") in a corner.
func (d *doc) card(x, y float64, l cardLayout, k, of int) {
	d.pdf.SetDrawColor(200, 200, 200)
	d.pdf.SetLineWidth(0.1)
	d.pdf.Rect(x, y, CardW, CardH, "D")
	d.pdf.SetDrawColor(0, 0, 0)

	top := y + cardPad + (cardInnerH-l.height)/2
	for _, e := range l.entries {
		d.w.text(x+cardPad, top+e.nameSize*ptToMM, e.name, e.nameSize, false)
		top += lineH(e.nameSize)
		if e.label != "" {
			d.pdf.SetTextColor(90, 90, 90)
			d.w.text(x+cardPad, top+e.labelSize*ptToMM, e.label, e.labelSize, false)
			d.pdf.SetTextColor(0, 0, 0)
			top += lineH(e.labelSize)
		}
		for _, line := range e.num {
			d.w.text(x+cardPad, top+e.numSize*ptToMM, line, e.numSize, true)
			top += lineH(e.numSize)
		}
		top += 0.05 * e.numSize
	}
	if of > 1 {
		s := fmt.Sprintf("%d/%d", k+1, of)
		d.pdf.SetTextColor(120, 120, 120)
		d.w.text(x+CardW-cardPad-d.w.width(s, 6, false), y+CardH-1.3, s, 6, false)
		d.pdf.SetTextColor(0, 0, 0)
	}
}

// cropMarks draws short lines outside the block of cards where each
// cutting line starts and ends.
func (d *doc) cropMarks(xs, ys []float64) {
	const gap, length = 1.5, 5.0
	d.pdf.SetLineWidth(0.2)
	left, right := xs[0], xs[len(xs)-1]+CardW
	top, bottom := ys[0], ys[len(ys)-1]+CardH
	for _, x := range append(append([]float64{}, xs...), right) {
		d.pdf.Line(x, top-gap-length, x, top-gap)
		d.pdf.Line(x, bottom+gap, x, bottom+gap+length)
	}
	for _, y := range append(append([]float64{}, ys...), bottom) {
		d.pdf.Line(left-gap-length, y, left-gap, y)
		d.pdf.Line(right+gap, y, right+gap+length, y)
	}
}
