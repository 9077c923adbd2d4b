package printout

import (
	"math"
	"strings"

	"pathway/plan"
)

// The ID-1 card size, as a bank card: it fits a wallet.
const (
	CardW = 85.6
	CardH = 54.0
)

// MaxCardNumbers is the most numbers one card holds.
const MaxCardNumbers = 6

// CardOptions says what goes on the cards.
type CardOptions struct {
	Options
	// Labels prints each contact's roles under their name. Off by
	// default: a card that says "bond person" tells too much.
	Labels bool
	// Back adds a second page, to print on the back of the first
	// (long-edge duplex), with the 24-hour lines the person picked.
	Back bool
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

// Cards prints wallet-size cards, all the same, with the numbers the
// person marked to learn by heart, each with the name they chose.
// Discreet: no title, no plan, no roles unless asked for.
func Cards(b *plan.Binder, o CardOptions) ([]byte, error) {
	front := b.ToLearn()
	if len(front) == 0 {
		return nil, ErrNothingToPrint
	}
	if len(front) > MaxCardNumbers {
		return nil, ErrTooMany
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
		back = back[:min(len(back), MaxCardNumbers)]
	}
	return safely(func() ([]byte, error) {
		if o.Date.IsZero() {
			o.Date = b.Created
		}
		d, err := newDoc(o.Options)
		if err != nil {
			return nil, err
		}
		xs, ys := grid(d.pageW, d.pageH)
		d.page()
		for _, y := range ys {
			for _, x := range xs {
				d.card(x, y, front, o.Labels)
			}
		}
		d.cropMarks(xs, ys)
		if o.Back {
			// Long-edge duplex turns the sheet about its vertical axis:
			// the card printed at the left of the front lies behind the
			// one at the right. Every card is the same, but the columns
			// are mirrored all the same, so that each back lies behind
			// a front whatever they hold.
			mirrored := make([]float64, len(xs))
			for i, x := range xs {
				mirrored[len(xs)-1-i] = d.pageW - x - CardW
			}
			d.page()
			for _, y := range ys {
				for _, x := range mirrored {
					d.card(x, y, back, o.Labels)
				}
			}
			d.cropMarks(mirrored, ys)
		}
		return d.bytes()
	})
}

// card draws one card at (x, y): a faint outline to cut along, and the
// names and numbers, scaled down to fit when there are many.
func (d *doc) card(x, y float64, cs []plan.Contact, labels bool) {
	d.pdf.SetDrawColor(200, 200, 200)
	d.pdf.SetLineWidth(0.1)
	d.pdf.Rect(x, y, CardW, CardH, "D")
	d.pdf.SetDrawColor(0, 0, 0)

	const pad = 4.0
	nameSize, numSize := 9.0, 16.0
	entryH := lineH(nameSize) + lineH(numSize) + 0.8
	if labels {
		entryH += lineH(7)
	}
	scale := math.Min(1, (CardH-2*pad)/(entryH*float64(len(cs))))
	nameSize, numSize = nameSize*scale, numSize*scale
	labelSize := 7 * scale
	entryH *= scale
	inner := CardW - 2*pad
	// Centre the block of entries on the card.
	top := y + (CardH-entryH*float64(len(cs)))/2
	for _, c := range cs {
		ty := top
		d.w.text(x+pad, ty+nameSize*ptToMM, d.w.fit(c.Name, nameSize, false, inner), nameSize, false)
		ty += lineH(nameSize)
		if labels && len(c.Roles) > 0 {
			var roles []string
			for _, r := range c.Roles {
				roles = append(roles, d.o.Loc.T(plan.RoleKey(r)))
			}
			d.pdf.SetTextColor(90, 90, 90)
			d.w.text(x+pad, ty+labelSize*ptToMM, d.w.fit(strings.Join(roles, ", "), labelSize, false, inner), labelSize, false)
			d.pdf.SetTextColor(0, 0, 0)
			ty += lineH(labelSize)
		}
		ph := c.Phones[0]
		num := ph.Spoken()
		if ph.Ext != "" {
			num += " " + d.o.Loc.T("print.ext", "Ext", ph.Ext)
		}
		d.w.text(x+pad, ty+numSize*ptToMM, d.w.fit(num, numSize, true, inner), numSize, true)
		top += entryH
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
