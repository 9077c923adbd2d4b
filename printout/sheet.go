package printout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"pathway/locales"
	"pathway/plan"
)

// Details are what the person chose to tell one helper about themselves:
// what a bond person may need to give at a hearing. They are printed, not
// stored.
type Details struct {
	Name       string // full name
	Born       string // date of birth
	FileNumber string // immigration or court file number, if any
}

func (w Details) empty() bool { return w.Name == "" && w.Born == "" && w.FileNumber == "" }

// sheetIntro is the sentence under the title of each plan kind's page:
// one that names the person, and one that reads without a name (in
// Tagalog, "si" goes only before a name).
var sheetIntro = map[plan.Kind][2]string{
	plan.Safety:  {"print.sheet-intro-safety", "print.sheet-intro-safety-noname"},
	plan.Release: {"print.sheet-intro-release", "print.sheet-intro-release-noname"},
}

// Sheet prints the pages for one helper, with what that person needs and
// nothing else of the plans. What each role is asked and which answers
// it is given come from the roles table of package plan (plan.RoleInfo),
// the same table pathway share --for reads: a helper's sheet and a share
// made for them carry the same answers.
//
// Each plan kind the contact has a role in gets its own page, with only
// that kind's roles and answers: a release plan's page never names a
// place to go, a safety plan's page never a bond person. Every role with
// a sheet prints at least the sentence saying what the person asks of
// them. A contact with no such role (none at all, or only a 24-hour line,
// which is an organisation's number) gets ErrNothingToPrint.
func Sheet(b *plan.Binder, c *plan.Contact, who Details, o Options) ([]byte, error) {
	return sheet(b, c, plan.Kinds, who, o)
}

// SheetOf prints only the page of Sheet for plans of kind k, or returns
// ErrNothingToPrint if the contact has no role with a sheet in such plans.
func SheetOf(b *plan.Binder, c *plan.Contact, k plan.Kind, who Details, o Options) ([]byte, error) {
	return sheet(b, c, []plan.Kind{k}, who, o)
}

func sheet(b *plan.Binder, c *plan.Contact, kinds []plan.Kind, who Details, o Options) ([]byte, error) {
	var parts []sheetPart
	for _, k := range kinds {
		if p := partOf(b, c, k, who); len(p.groups) > 0 {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return nil, ErrNothingToPrint
	}
	return safely(func() ([]byte, error) {
		if o.Date.IsZero() {
			o.Date = b.Created
		}
		return render(o, func(d *doc) {
			for _, p := range parts {
				d.page()
				d.sheet(b, c, p, who)
				d.footer()
			}
		})
	})
}

// A sheetPart is what one plan kind's page says: the roles it names and
// its blocks, grouped under their headings.
type sheetPart struct {
	kind   plan.Kind
	roles  []plan.Role
	groups [][]sheetBlock
}

// A sheetBlock is a block of the table with the answers that fill it.
type sheetBlock struct {
	plan.Block
	answers []qa
}

// qa is one question and its answer, from the plans the role is played in.
type qa struct {
	q plan.Question
	a plan.Answer
}

// partOf gathers the page of kind k for contact c: the blocks of each of
// their roles of that kind, in the table's order, each block and each
// question once. A block other than a role's first is left out when
// nothing fills it.
func partOf(b *plan.Binder, c *plan.Contact, k plan.Kind, who Details) sheetPart {
	p := sheetPart{kind: k}
	type played struct {
		sheet []plan.Block
		plans []*plan.Plan
	}
	var mine []played
	for _, ri := range plan.RoleInfos() { // the table's order, not the contact's
		if !c.HasRole(ri.Role) || !ri.Role.In(k) || len(ri.Sheet) == 0 {
			continue
		}
		p.roles = append(p.roles, ri.Role)
		mine = append(mine, played{ri.Sheet, b.RolePlans(c, ri.Role)})
	}
	// A block several roles share (the address, the details, who may call
	// a lawyer) stands with the last of them, after what each role is
	// asked; it is always printed if it is what one of them is asked.
	last := map[string]int{}
	always := map[string]bool{}
	for i, m := range mine {
		for j, bl := range m.sheet {
			last[bl.ID] = i
			always[bl.ID] = always[bl.ID] || j == 0
		}
	}
	var blocks []sheetBlock
	seenQ := map[string]bool{}
	for i, m := range mine {
		for _, bl := range m.sheet {
			if last[bl.ID] != i {
				continue
			}
			sb := sheetBlock{Block: bl}
			for _, id := range bl.Questions {
				q, ok := plan.Lookup(id)
				if !ok || seenQ[id] {
					continue
				}
				if a := firstAnswer(m.plans, id); !a.Empty() {
					sb.answers = append(sb.answers, qa{q, a})
					seenQ[id] = true
				}
			}
			if always[bl.ID] || len(sb.answers) > 0 || (bl.Details && !who.empty()) || (bl.Silence && !c.IfSilent.Empty()) {
				blocks = append(blocks, sb)
			}
		}
	}
	// Blocks with the same heading go together, under one heading, where
	// the first of them stood.
	var titles []string
	for _, sb := range blocks {
		if !slices.Contains(titles, sb.Title) {
			titles = append(titles, sb.Title)
		}
	}
	for _, t := range titles {
		var g []sheetBlock
		for _, sb := range blocks {
			if sb.Title == t {
				g = append(g, sb)
			}
		}
		p.groups = append(p.groups, g)
	}
	return p
}

// firstAnswer returns the first answer given to question id in plans.
func firstAnswer(plans []*plan.Plan, id string) plan.Answer {
	for _, p := range plans {
		if a := p.Answers[id]; !a.Empty() {
			return a
		}
	}
	return plan.Answer{}
}

func (d *doc) sheet(b *plan.Binder, c *plan.Contact, p sheetPart, who Details) {
	x := Margin
	d.heading(x, "print.sheet-title", 18, "Name", c.Name)
	d.y += 2
	intro := sheetIntro[p.kind][0]
	if who.Name == "" {
		intro = sheetIntro[p.kind][1]
	}
	for i, l := range d.locales() {
		d.secondary(i, func(size float64) { d.para(x, l.T(intro, "Person", who.Name), size, false) }, 11)
	}
	d.y += 3

	for i, l := range d.locales() {
		var roles []string
		for _, r := range p.roles {
			roles = append(roles, l.T(plan.SheetRoleKey(r)))
		}
		d.secondary(i, func(size float64) {
			d.para(x, l.T("print.sheet-role", "Roles", strings.Join(roles, ", ")), size, false)
		}, 10)
	}
	d.y += 2

	bullet := func(s string) { d.para(x+6, "•  "+s, 10.5, false) }
	// A fixed line, in each language of the sheet.
	fixed := func(id string, kv ...any) {
		for i, l := range d.locales() {
			if i == 0 {
				bullet(l.T(id, kv...))
				continue
			}
			d.secondary(i, func(size float64) { d.para(x+10, l.T(id, kv...), size, false) }, 10.5)
		}
	}
	text := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			d.para(x+6, l, 10.5, false)
		}
	}
	listed := map[string]bool{} // contacts already on the page
	for _, g := range p.groups {
		if g[0].Silence {
			d.silence(b, c, who, x)
			continue
		}
		// A heading goes on with the first two lines under it.
		d.room(3 + d.headingHeight(x, g[0].Title, 12) + 1 + 2*lineH(10.5))
		d.y += 3
		d.heading(x, g[0].Title, 12)
		d.y += 1
		for _, sb := range g {
			if sb.Text != "" {
				fixed(sb.Text)
			}
			if sb.Details {
				for _, f := range []struct{ id, v string }{
					{"print.sheet-name", who.Name}, {"print.sheet-born", who.Born}, {"print.sheet-file", who.FileNumber},
				} {
					if f.v != "" {
						fixed(f.id, "Value", f.v)
					}
				}
			}
			for _, ans := range sb.answers {
				for _, l := range d.sheetLines(b, ans, listed) {
					if l.bullet {
						bullet(l.s)
					} else {
						text(l.s)
					}
				}
			}
		}
	}

	d.room(20)
	d.y += 8
	d.rule(x)
	d.y += 2
	d.pdf.SetTextColor(90, 90, 90)
	d.twice(x, "print.not-legal-advice", 9)
	d.pdf.SetTextColor(0, 0, 0)
}

// silence writes what helper c agreed to do if they do not hear from the
// person (plan.Contact.IfSilent), framed so that it stands out: when to
// act, what to do first, the exact words to pass on, and to whom with
// their numbers. Every line speaks to the helper about the person, by
// the name given for the sheet when there is one.
func (d *doc) silence(b *plan.Binder, c *plan.Contact, who Details, x float64) {
	s := c.IfSilent
	person := func(l *locales.Locale) string {
		if who.Name != "" {
			return who.Name
		}
		return l.T("print.sheet-them")
	}
	// The block is laid out as rows first, so that it can be measured and
	// kept on one page whenever it fits on one.
	type row struct {
		s         string
		dx, size  float64
		bold      bool
		grey      bool
		gapBefore float64
	}
	var rows []row
	ls := d.locales()
	// line adds a fixed line in each language of the sheet, the second
	// one a point smaller and grey.
	line := func(id string, dx, size float64, bold bool, gap float64, kv ...any) {
		for i, l := range ls {
			args := append([]any{"Person", person(l)}, kv...)
			r := row{s: upperFirst(l.T(id, args...)), dx: dx, size: size, bold: bold, gapBefore: gap}
			if i > 0 {
				r.size, r.grey, r.gapBefore = size-1, true, 0
			}
			rows = append(rows, r)
		}
	}
	// own adds the person's own words, as they wrote them.
	own := func(t string, bold bool) {
		for _, l := range strings.Split(t, "\n") {
			rows = append(rows, row{s: l, dx: 10, size: 10.5, bold: bold})
		}
	}
	line("print.sheet-silence", 3, 13, true, 0)
	if s.After != "" {
		line("print.sheet-silence-after", 6, 10.5, false, 1, "Value", s.After)
	}
	if s.First != "" {
		line("print.sheet-silence-first", 6, 10.5, false, 1)
		own(s.First, false)
	}
	if s.Words != "" {
		line("print.sheet-silence-words", 6, 10.5, false, 1)
		own("“"+s.Words+"”", true)
	}
	if len(s.Tell) > 0 || s.Others != "" {
		line("print.sheet-silence-tell", 6, 10.5, false, 1)
		for _, id := range s.Tell {
			if t := b.Contact(id); t != nil {
				rows = append(rows, row{s: "•  " + strings.Join(nameAndNumbers(d.o.Loc, *t), " — "), dx: 10, size: 10.5})
			}
		}
		if s.Others != "" {
			own(s.Others, false)
		}
	}
	if s.Agreed.IsZero() {
		line("print.sheet-silence-not-agreed", 6, 10, false, 1)
	} else {
		line("print.sheet-silence-agreed", 6, 10, false, 1, "Date", s.Agreed.String())
	}

	const before, inside, after = 5.0, 2.0, 2.0
	h := before + inside + after
	for _, r := range rows {
		h += r.gapBefore + d.height(r.s, r.size, r.bold, d.pageW-Margin-x-r.dx)
	}
	if h < d.pageH-2*Margin-16 {
		d.room(h)
	} else {
		d.room(before + inside + 3*lineH(10.5)) // longer than a page: at least the heading and a line
	}
	d.y += before
	top, page := d.y, d.pdf.PageNo()
	d.y += inside
	for _, r := range rows {
		d.y += r.gapBefore
		if r.grey {
			d.pdf.SetTextColor(80, 80, 80)
		}
		d.para(x+r.dx, r.s, r.size, r.bold)
		d.pdf.SetTextColor(0, 0, 0)
	}
	d.y += after
	// A frame on the left, from the heading to the last line, when the
	// block stayed on one page.
	if d.pdf.PageNo() == page {
		d.pdf.SetDrawColor(60, 60, 60)
		d.pdf.SetLineWidth(0.8)
		d.pdf.Line(x, top, x, d.y)
		d.pdf.SetDrawColor(0, 0, 0)
	}
}

// upperFirst puts the first letter of s in upper case: a sentence may
// start with the words that stand for the person ("the person who gave
// you this page"). Scripts without case are left as they are.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// secondary runs f, which writes a line at the size it is given: the
// line of the printout's language (i == 0) at size, the second
// language's a point smaller and grey.
func (d *doc) secondary(i int, f func(size float64), size float64) {
	if i == 0 {
		f(size)
		return
	}
	d.pdf.SetTextColor(80, 80, 80)
	f(size - 1)
	d.pdf.SetTextColor(0, 0, 0)
}

// A sheetLine is a line of an answer on a sheet.
type sheetLine struct {
	s      string
	bullet bool
}

// sheetLines words one answer for a helper: the options picked, the
// contacts named (name and numbers only, never their roles nor whether
// they agreed, and each contact once a page), and the person's own words.
func (d *doc) sheetLines(b *plan.Binder, x qa, listed map[string]bool) []sheetLine {
	var out []sheetLine
	if x.a.Yes != nil {
		if *x.a.Yes {
			out = append(out, sheetLine{d.bothWords("show.yes"), true})
		} else {
			out = append(out, sheetLine{d.bothWords("show.no"), true})
		}
	}
	if x.a.Choice != "" {
		out = append(out, sheetLine{d.bothWords(x.q.OptionKey(x.a.Choice)), true})
	}
	for _, o := range x.a.Checked {
		out = append(out, sheetLine{d.bothWords(x.q.OptionKey(o)), true})
	}
	for _, id := range x.a.Contacts {
		if c := b.Contact(id); c != nil && !listed[id] {
			listed[id] = true
			out = append(out, sheetLine{strings.Join(nameAndNumbers(d.o.Loc, *c), " — "), true})
		}
	}
	if x.a.Text != "" {
		out = append(out, sheetLine{x.a.Text, false})
	}
	return out
}
