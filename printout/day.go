package printout

import (
	"slices"
	"strings"

	"pathway/plan"
)

// The sizes, in points, of the page a checklist opens with, made to be
// read at arm's length on the day a plan is needed: its text at
// DayTextSize, its numbers at DayNumberSize, smaller if they must down to
// MinDayNumberSize, and only then broken between their groups.
const (
	DayTitleSize     = 22.0
	dayHeadingSize   = 16.0
	DayTextSize      = 14.0
	DayNumberSize    = 22.0
	MinDayNumberSize = 20.0
)

// dayPlace is, for each plan kind, the question whose answer says where
// to go on the day: the address to give to be released to, or the place
// to go when leaving.
var dayPlace = map[plan.Kind]string{
	plan.Release: "out.address",
	plan.Safety:  "leave.where",
}

var (
	dayTitle      = map[plan.Kind]string{plan.Release: "print.day-title-release", plan.Safety: "print.day-title-safety"}
	dayPlaceTitle = map[plan.Kind]string{plan.Release: "print.day-address-release", plan.Safety: "print.day-address-safety"}
)

// planPeople returns the ids of the contacts plan p names, in the order
// of its questions, each once.
func planPeople(p *plan.Plan) []string {
	var ids []string
	for _, s := range plan.Sections(p.Kind) {
		for _, q := range s.Questions {
			for _, id := range p.Answers[q.ID].Contacts {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	return ids
}

// day writes the page a checklist opens with: what to know on the day the
// plan is needed, large. The numbers to know by heart, name and number;
// who does what, each person of the plan once with their roles of this
// plan's kind and, if it is not among the numbers above, their number;
// and the place to go. The detail pages follow on a new page.
func (d *doc) day(b *plan.Binder, p *plan.Plan) {
	// Laid out once on a page of its own to see if it fits; if not, again
	// closer set, with a narrower column of names.
	trial, err := newDoc(d.o)
	if err == nil {
		trial.page()
		trial.dayPage(b, p, false)
		d.dayPage(b, p, trial.pdf.PageNo() > 1)
		return
	}
	d.dayPage(b, p, false)
}

func (d *doc) dayPage(b *plan.Binder, p *plan.Plan, close bool) {
	x := Margin
	cw := d.pageW - 2*Margin
	nameW, gap := cw*0.32, 2.0
	if close {
		nameW, gap = cw*0.25, 0.5
	}
	numX := x + nameW + 4
	numW := cw - nameW - 4
	d.heading(x, dayTitle[p.Kind], DayTitleSize)
	d.y += 2

	learn := b.ToLearn()
	known := map[string]bool{}
	if len(learn) > 0 {
		d.dayHeading("print.learn", lineH(DayNumberSize))
		for _, c := range learn {
			known[c.ID] = true
			size, lines := d.w.fitNumber(spokenNumber(d.o.Loc, c.Phones[0]), DayNumberSize, MinDayNumberSize, true, numW)
			h := max(d.height(c.Name, DayTextSize, false, nameW), float64(len(lines))*lineH(size))
			d.room(h)
			// The name's baseline on the number's first line.
			d.col(x, d.y+(size-DayTextSize)*ptToMM, nameW, c.Name, DayTextSize, false)
			y := d.y
			for _, l := range lines {
				d.w.text(numX, y+size*ptToMM, l, size, true)
				y += lineH(size)
			}
			d.y += h + gap*0.75
		}
	}

	var people []plan.Contact
	for _, id := range planPeople(p) {
		if c := b.Contact(id); c != nil {
			if c := RolesIn(*c, p.Kind); len(c.Roles) > 0 {
				people = append(people, c)
			}
		}
	}
	if len(people) > 0 {
		d.y += gap
		d.dayHeading("print.day-people", lineH(DayTextSize)*2)
		for _, c := range people {
			roles := d.roleNames(c.Roles)
			var nums []string
			if !known[c.ID] {
				for _, ph := range c.Phones {
					s := spokenNumber(d.o.Loc, ph)
					if ph.TTY {
						s += " " + d.o.Loc.T("show.tty")
					}
					nums = append(nums, s)
				}
			}
			type numLines struct {
				size  float64
				lines []string
			}
			var fitted []numLines
			h := d.height(roles, DayTextSize, false, numW)
			for _, n := range nums {
				size, lines := d.w.fitNumber(n, MinDayNumberSize, MinDayNumberSize, true, numW)
				fitted = append(fitted, numLines{size, lines})
				h += float64(len(lines)) * lineH(size)
			}
			h = max(h, d.height(c.Name, DayTextSize, true, nameW))
			d.room(h)
			d.col(x, d.y, nameW, c.Name, DayTextSize, true)
			y := d.col(numX, d.y, numW, roles, DayTextSize, false)
			for _, f := range fitted {
				for _, l := range f.lines {
					d.w.text(numX, y+f.size*ptToMM, l, f.size, true)
					y += lineH(f.size)
				}
			}
			d.y += h + gap
		}
	}

	d.y += gap
	d.dayHeading(dayPlaceTitle[p.Kind], lineH(DayTextSize)*2)
	if text := p.Answers[dayPlace[p.Kind]].Text; text != "" {
		for _, l := range strings.Split(text, "\n") {
			d.para(x, l, DayTextSize, false)
		}
	} else {
		d.writingLines(x, 2)
	}
}

// dayHeading writes a heading of the day page and a rule under it, on
// the page where the next next mm go too.
func (d *doc) dayHeading(id string, next float64) {
	d.room(d.headingHeight(Margin, id, dayHeadingSize) + 2 + next)
	d.heading(Margin, id, dayHeadingSize)
	d.rule(Margin)
	d.y += 2
}

// roleNames words roles in the printout's language, and in the second
// one after a slash if it has two; then roles are parted by semicolons,
// as a role's name may have a comma.
func (d *doc) roleNames(roles []plan.Role) string {
	var out []string
	for _, r := range roles {
		out = append(out, d.bothWords(plan.RoleKey(r)))
	}
	if d.o.Second != nil {
		return strings.Join(out, "; ")
	}
	return strings.Join(out, ", ")
}
