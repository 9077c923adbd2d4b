package printout

import (
	"strings"

	"pathway/plan"
)

// ReviewAfter is how many days after it was made a printout asks to be
// looked at again.
const ReviewAfter = 90

// Checklist prints plan p of binder b as a checklist: every point of the
// catalogue with a tick box and the person's answer beside it, lines to
// write on where there is none, the people of the plan with their
// numbers, and the numbers to learn printed large with boxes to practise
// writing them from memory.
func Checklist(b *plan.Binder, p *plan.Plan, o Options) ([]byte, error) {
	return safely(func() ([]byte, error) {
		if o.Date.IsZero() {
			o.Date = p.Updated
		}
		return render(o, func(d *doc) {
			d.page()
			d.checklist(b, p)
			d.footer()
		})
	})
}

func (d *doc) checklist(b *plan.Binder, p *plan.Plan) {
	d.day(b, p)
	d.footer()
	d.page()

	T := d.o.Loc.T
	x := Margin
	d.heading(x, plan.KindTitleKey(p.Kind), 20)
	d.y += 1
	if p.Context != "" {
		d.para(x, T("show.context", "Context", p.Context), 11, false)
	}
	made := d.o.Date
	d.pdf.SetTextColor(90, 90, 90)
	d.twice(x, "print.made", 9, "Made", made.String(), "Review", made.AddDays(ReviewAfter).String())
	d.pdf.SetTextColor(0, 0, 0)
	d.y += 3

	for _, s := range plan.Sections(p.Kind) {
		// A heading is never left alone at the foot of a page: it goes
		// on with its first point.
		d.room(2 + d.headingHeight(x, s.TitleKey(), 14) + 2 + d.pointHeight(b, p, s.Questions[0]))
		d.y += 2
		d.heading(x, s.TitleKey(), 14)
		d.rule(x)
		d.y += 2
		for _, q := range s.Questions {
			d.point(b, p, q)
		}
	}

	d.people(b, p)
	d.numbers(b)
}

// The sizes, in points, of a point of the checklist.
const (
	pointTitleSize  = 10.5
	pointSecondSize = 9.5
	pointAnswerSize = 10.0
)

// pointTitles returns the title of q in the printout's languages, and the
// height they take over the width w.
func (d *doc) pointTitles(q plan.Question, w float64) (first, second string, h float64) {
	first, second = d.both(q.TitleKey())
	h = d.height(first, pointTitleSize, true, w)
	if second != "" {
		h += d.height(second, pointSecondSize, false, w)
	}
	return first, second, h
}

// pointHeight returns the height of the part of point q that stays on
// one page: its title with its lines to write on, or with the first
// lines of its answer.
func (d *doc) pointHeight(b *plan.Binder, p *plan.Plan, q plan.Question) float64 {
	indent := Margin + 7
	_, _, h := d.pointTitles(q, d.pageW-Margin-indent)
	lines := d.answerLines(b, p, q)
	if len(lines) == 0 {
		return h + writingLinesHeight(2)
	}
	for _, l := range lines[:min(len(lines), 3)] {
		h += d.height(l, pointAnswerSize, false, d.pageW-Margin-indent-2)
	}
	return h
}

// answerLines is AnswerLines, with yes and no in both languages of a
// bilingual printout.
func (d *doc) answerLines(b *plan.Binder, p *plan.Plan, q plan.Question) []string {
	lines := AnswerLines(d.o.Loc, b, *p, q)
	if yes := p.Answers[q.ID].Yes; yes != nil && len(lines) > 0 {
		lines[0] = d.bothWords(map[bool]string{true: "show.yes", false: "show.no"}[*yes])
	}
	return lines
}

// point writes one question: a tick if it is answered, a cross if it
// does not apply, an empty box if it is skipped or still to do; its
// title, and the answer or lines to write one.
func (d *doc) point(b *plan.Binder, p *plan.Plan, q plan.Question) {
	x := Margin
	indent := x + 7
	textW := d.pageW - Margin - indent
	first, second, _ := d.pointTitles(q, textW)
	lines := d.answerLines(b, p, q)
	d.room(d.pointHeight(b, p, q))
	d.checkBox(x, d.y+0.6, b.StateOf(*p, q))
	d.y = d.col(indent, d.y, textW, first, pointTitleSize, true)
	if second != "" {
		d.pdf.SetTextColor(80, 80, 80)
		d.y = d.col(indent, d.y, textW, second, pointSecondSize, false)
		d.pdf.SetTextColor(0, 0, 0)
	}
	if len(lines) == 0 {
		// Lines to write on: an open point, not a failure.
		d.writingLines(indent, 2)
		return
	}
	for _, l := range lines {
		d.para(indent+2, l, pointAnswerSize, false)
	}
	d.y += 2
}

// checkBox draws a point's box with its top at y: "☐" for a point still
// to do, "☑" for a point answered. They are characters, not drawings, so
// that a screen reader and a search find them.
func (d *doc) checkBox(x, y float64, st plan.State) {
	// The same states as on screen: ☑ answered, ☒ doesn't apply (said
	// in words on the answer line), ☐ skipped or to do: room to write.
	box := map[plan.State]string{plan.Answered: "☑", plan.NotApply: "☒"}[st]
	if box == "" {
		box = "☐"
	}
	d.w.text(x, y+pointTitleSize*ptToMM-0.3, box, 12, false)
}

// people lists the contacts the plan names, with their numbers.
func (d *doc) people(b *plan.Binder, p *plan.Plan) {
	ids := planPeople(p)
	if len(ids) == 0 {
		return
	}
	first := ""
	if c := b.Contact(ids[0]); c != nil {
		first = d.contactLine(RolesIn(*c, p.Kind))
	}
	d.room(4 + d.headingHeight(Margin, "print.people", 14) + 2 + d.height(first, 10, false, d.pageW-2*Margin-2))
	d.y += 4
	d.heading(Margin, "print.people", 14)
	d.rule(Margin)
	d.y += 2
	for _, id := range ids {
		if c := b.Contact(id); c != nil {
			d.para(Margin+2, d.contactLine(RolesIn(*c, p.Kind)), 10, false)
			d.y += 1
		}
	}
}

// contactLine is ContactLine with labels, its fixed words (roles, agreed,
// learn by heart) in both languages of a bilingual printout.
func (d *doc) contactLine(c plan.Contact) string {
	if d.o.Second == nil {
		return ContactLine(d.o.Loc, c, true)
	}
	parts := nameAndNumbers(d.o.Loc, c)
	if len(c.Roles) > 0 {
		parts[0] += " (" + d.roleNames(c.Roles) + ")"
	}
	if c.Agreed {
		parts = append(parts, d.bothWords("show.agreed"))
	}
	if c.Learn {
		parts = append(parts, d.bothWords("show.learn"))
	}
	if by := ConfirmedBy(d.o.Loc, c); by != "" {
		parts = append(parts, by)
	}
	return strings.Join(parts, " — ")
}

// Digit boxes for practising a number from memory.
const (
	boxW   = 6.0
	boxH   = 8.0
	boxGap = 3.0
	boxRow = boxH + 2 // from one row of boxes to the next
)

// The sizes, in points, of the numbers to learn on the checklist: printed
// at LearnNumberSize, smaller if they must to fit between the margins,
// down to MinLearnNumberSize, and only then broken between groups.
const (
	LearnNumberSize    = 22.0
	MinLearnNumberSize = 12.0
)

// PracticeRows is how many dated rows of boxes each number to learn has on
// the checklist: one for each day it is written from memory, so the
// worker can see the days go by and the number stay.
const PracticeRows = 3

// The parts of a practice row: the blank line for the date written by
// hand, the gap after it, and the gap from one practice row to the next.
const (
	dateLineW   = 20.0
	dateGap     = 4.0
	practiceGap = 2.0
)

// numbers prints the numbers to learn by heart, large and in spoken
// groups, each with PracticeRows dated rows of empty boxes to write it
// from memory, the extension's digits included. A number, its name and
// its rows are kept together on one page.
func (d *doc) numbers(b *plan.Binder) {
	learn := b.ToLearn()
	if len(learn) == 0 {
		return
	}
	cw := d.pageW - 2*Margin
	dateLabel := d.o.Loc.T("print.practice-date")
	dateW := d.w.width(dateLabel, 8, false) + 1.5 + dateLineW
	extLabel := strings.TrimSpace(d.o.Loc.T("print.ext", "Ext", ""))
	extW := d.w.width(extLabel, 9, false) + 1.5
	// The practice row of c's first number, and the height of c's
	// number with its name and its rows.
	numberH := func(c plan.Contact) (float64, []string, float64, practice) {
		ph := c.Phones[0]
		size, lines := d.w.fitNumber(spokenNumber(d.o.Loc, ph), LearnNumberSize, MinLearnNumberSize, true, cw)
		row := layoutBoxes(ph.Groups(), ph.Ext, extW, cw-dateW-dateGap)
		rows := PracticeRows*row.h + (PracticeRows-1)*practiceGap
		return d.height(c.Name, 11, false, cw) + float64(len(lines))*lineH(size) + 1 + rows + 3, lines, size, row
	}
	// The heading and the instructions go on with the first number.
	first, _, _, _ := numberH(learn[0])
	help := d.height(d.o.Loc.T("print.learn-help"), 9.5, false, cw)
	if d.o.Second != nil {
		help += d.height(d.o.Second.T("print.learn-help"), 8.5, false, cw)
	}
	d.room(4 + d.headingHeight(Margin, "print.learn", 14) + 2 + help + 2 + first)
	d.y += 4
	d.heading(Margin, "print.learn", 14)
	d.rule(Margin)
	d.y += 2
	d.pdf.SetTextColor(90, 90, 90)
	d.twice(Margin, "print.learn-help", 9.5)
	d.pdf.SetTextColor(0, 0, 0)
	d.y += 2
	for _, c := range learn {
		h, lines, size, row := numberH(c)
		d.room(h)
		d.y = d.col(Margin, d.y, cw, c.Name, 11, false)
		for _, l := range lines {
			d.w.text(Margin, d.y+size*ptToMM, l, size, true)
			d.y += lineH(size)
		}
		d.y++
		for i := range PracticeRows {
			if i > 0 {
				d.y += practiceGap
			}
			d.practiceRow(Margin, d.y, dateLabel, dateW, extLabel, row)
			d.y += row.h
		}
		d.y += 3
	}
}

// A practice is the layout of one row of boxes for a number: where each
// digit's box goes, and the extension's label, from the top left of the
// boxes; h is the height it takes, to the next row.
type practice struct {
	boxes          []box
	labelX, labelY float64
	hasExt         bool
	h              float64
}

// A box is the top left of one digit's box.
type box struct{ x, y float64 }

// layoutBoxes lays out an empty box per digit, in the number's groups,
// and then, after a label extW wide, one per digit of the extension ext,
// in lines within the width cw: a group that does not fit the end of a
// line goes whole to the next, a group longer than a line goes on below,
// and a box is never left out.
func layoutBoxes(groups []string, ext string, extW, cw float64) practice {
	var p practice
	x, y := 0.0, 0.0
	place := func(digits string, lead float64) {
		if x > 0 && x+lead+float64(len(digits))*boxW > cw {
			y += boxRow
			x = 0
		}
		if lead > 0 {
			p.labelX, p.labelY, p.hasExt = x, y, true
			x += lead
		}
		for range digits {
			if x > 0 && x+boxW > cw {
				y += boxRow
				x = 0
			}
			p.boxes = append(p.boxes, box{x, y})
			x += boxW
		}
		x += boxGap
	}
	for _, g := range groups {
		place(strings.TrimPrefix(g, "+"), 0)
	}
	if ext != "" {
		place(ext, extW)
	}
	p.h = y + boxRow
	return p
}

// boxRows returns how many rows of boxes the groups take in a width cw:
// a group that does not fit the end of a row goes whole to the next.
func boxRows(groups []string, cw float64) int {
	return int(layoutBoxes(groups, "", 0, cw).h/boxRow + 0.5)
}

// practiceRow draws one practice row at y: the label and blank line for
// the date, dateW wide, then the boxes of row and the extension's label.
func (d *doc) practiceRow(x0, y float64, dateLabel string, dateW float64, extLabel string, row practice) {
	d.pdf.SetTextColor(90, 90, 90)
	d.w.text(x0, y+boxH-1, dateLabel, 8, false)
	d.pdf.SetDrawColor(110, 110, 110)
	d.pdf.SetLineWidth(0.25)
	d.pdf.Line(x0+dateW-dateLineW, y+boxH, x0+dateW, y+boxH)
	bx := x0 + dateW + dateGap
	if row.hasExt {
		d.w.text(bx+row.labelX, y+row.labelY+boxH-2, extLabel, 9, false)
	}
	d.pdf.SetTextColor(0, 0, 0)
	for _, b := range row.boxes {
		d.pdf.Rect(bx+b.x, y+b.y, boxW, boxH, "D")
	}
	d.pdf.SetDrawColor(0, 0, 0)
}
