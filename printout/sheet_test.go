package printout

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pathway/directory"
	"pathway/locales"
	"pathway/plan"
)

const helperID = "h1"

// rolesBinder is a binder with a safety plan and a release plan in which
// every question is answered, each answer carrying a word of its own
// ("mark07x"), each Contacts question naming a contact of its own
// ("Kim07x"), and the helper having role r, named under r's question.
func rolesBinder(t *testing.T, r plan.Role) (*plan.Binder, map[string]string) {
	t.Helper()
	b := plan.New(plan.Date{})
	b.Contacts = []plan.Contact{{ID: helperID, Name: "Helperzz", Roles: []plan.Role{r}, Agreed: true}}
	marks := map[string]string{}
	n := 0
	for _, k := range plan.Kinds {
		p := plan.Plan{ID: string(k) + "-1", Kind: k, Status: plan.Done, Answers: map[string]plan.Answer{}}
		for _, s := range plan.Sections(k) {
			for _, q := range s.Questions {
				n++
				a := plan.Answer{Text: fmt.Sprintf("mark%02dx", n)}
				marks[q.ID] = a.Text
				switch q.Kind {
				case plan.YesNo:
					yes := true
					a.Yes = &yes
				case plan.Choice:
					a.Choice = q.Options[0]
				case plan.Checklist:
					a.Checked = q.Options[:1]
				case plan.Contacts:
					if q.ID == r.Info().Question {
						a.Contacts = []string{helperID}
						break
					}
					ph, err := plan.ParsePhone(fmt.Sprintf("+1 416 555 01%02d", n))
					if err != nil {
						t.Fatal(err)
					}
					id := fmt.Sprintf("c%d", n)
					b.Contacts = append(b.Contacts, plan.Contact{ID: id, Name: fmt.Sprintf("Kim%02dx", n),
						Roles: []plan.Role{q.Role}, Phones: []plan.Phone{ph}})
					a.Contacts = []string{id}
				}
				p.Answers[q.ID] = a
			}
		}
		b.Plans = append(b.Plans, p)
	}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	return b, marks
}

var markRE = regexp.MustCompile(`mark\d\dx|Kim\d\dx`)

// marksIn returns the answer words found in s, sorted, each once.
func marksIn(s string) []string {
	found := markRE.FindAllString(s, -1)
	slices.Sort(found)
	return slices.Compact(found)
}

// want returns the words of the answers to ids in b: their own word and
// the names of the contacts they name, the helper excepted.
func want(b *plan.Binder, marks map[string]string, ids []string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, marks[id])
		for _, p := range b.Plans {
			for _, c := range p.Answers[id].Contacts {
				if c != helperID {
					out = append(out, b.Contact(c).Name)
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Every role, through the four places that read the roles table: the
// helper's sheet, pathway share --for, the wizard's directory picker and
// the check-up.
func TestEveryRole(t *testing.T) {
	for _, r := range plan.Roles {
		t.Run(string(r), func(t *testing.T) {
			ri := r.Info()
			b, marks := rolesBinder(t, r)
			helper := b.Contact(helperID)
			ids := r.SheetQuestions()

			// The share for the helper: the table's questions, in the
			// role's plans only.
			sel := b.SelectFor(helperID)
			var shared []string
			for planID, qs := range sel {
				if p := b.Plan(planID); p == nil || !r.In(p.Kind) {
					t.Errorf("the share holds plan %s, not one of %v", planID, ri.Kinds)
				}
				shared = append(shared, qs...)
			}
			slices.Sort(shared)
			if sorted := slices.Sorted(slices.Values(ids)); !slices.Equal(shared, sorted) {
				t.Errorf("share --for selects %v, the sheet prints %v", shared, sorted)
			}

			// The sheet, read back from the PDF.
			pdf, err := Sheet(b, helper, Details{}, en())
			if len(ri.Sheet) == 0 {
				if !errors.Is(err, ErrNothingToPrint) {
					t.Errorf("a role with no sheet: %v", err)
				}
				if !sel.Empty() {
					t.Errorf("a role with no sheet shares %v", sel)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				path := save(t, pdf)
				checkPDF(t, path)
				text := squash(pdfText(t, path))
				// Not empty: the first block says what is asked of them.
				if first := squash(locales.English().T(ri.Sheet[0].Title)); !strings.Contains(text, first) {
					t.Errorf("the sheet lacks its first block %q:\n%s", first, text)
				}
				if got, w := marksIn(text), want(b, marks, ids); !slices.Equal(got, w) {
					t.Errorf("the sheet shows %v, the table names %v", got, w)
				}
				// The share carries the same answers as the sheet.
				if got, w := marksIn(shareText(b.Subset(sel))), want(b, marks, ids); !slices.Equal(got, w) {
					t.Errorf("the share holds %v, the table names %v", got, w)
				}
			}

			// The wizard's picker offers first organisations that fit.
			for _, c := range r.Categories() {
				if !slices.Contains(directory.Categories, c) {
					t.Errorf("category %q is not the directory's", c)
				}
				if !slices.ContainsFunc(directory.Guide().Listings, func(x directory.Listing) bool {
					return slices.Contains(x.Categories, c)
				}) {
					t.Errorf("no listing of the guide has category %q", c)
				}
			}

			// The check-up's rules watch a question of the role's plans.
			for _, x := range ri.Rules {
				q, ok := plan.Lookup(ri.Question)
				if !ok || q.Role != r {
					t.Fatalf("rule %s watches %q", x, ri.Question)
				}
				for _, k := range plan.Kinds {
					in := slices.ContainsFunc(plan.Sections(k), func(s plan.Section) bool { return s.ID == q.Section })
					if in != r.In(k) {
						t.Errorf("rule %s watches %s, a question of %s plans, for a role of %v", x, q.ID, k, ri.Kinds)
					}
				}
				// And the check-up of the answered binder says it is done.
				for _, p := range b.CheckUp(plan.Date{}).Plans {
					if q.Essential && r.In(p.Kind) && !slices.Contains(p.Has, q.ID) {
						t.Errorf("rule %s: %s is answered by an agreed contact, yet open: %+v", x, q.ID, p.Open)
					}
				}
			}
		})
	}
}

// shareText is every text and contact name of a shared binder.
func shareText(b *plan.Binder) string {
	var s []string
	for _, p := range b.Plans {
		for _, a := range p.Answers {
			s = append(s, a.Text)
		}
	}
	for _, c := range b.Contacts {
		if c.ID != helperID {
			s = append(s, c.Name)
		}
	}
	return strings.Join(s, " ")
}

// A sheet that asks for one thing asks for that thing: a hearing-only bond
// person is not asked to bring money, and a lawyer named three times is
// listed once.
func TestSheetPrintsOnlyWhatThePlanAsks(t *testing.T) {
	b := sample(t)
	T := locales.English().T
	sam := b.Contact("c5") // bond-testify, not bond-money; calls the lawyer
	text := squash(pdfText(t, save(t, must(t)(Sheet(b, sam, Details{}, en())))))
	if !strings.Contains(text, squash(T("print.sheet-bond-testify"))) {
		t.Errorf("the hearing is not asked:\n%s", text)
	}
	if strings.Contains(text, squash(T("print.sheet-bond-money"))) {
		t.Errorf("a bond person for the hearing only is asked to bring money:\n%s", text)
	}
	if n := strings.Count(text, "J. Okafor"); n != 1 {
		t.Errorf("the lawyer named for three kinds of law is listed %d times:\n%s", n, text)
	}
	mei := b.Contact("c1") // bond-money and bond-testify: both, under one heading
	text = squash(pdfText(t, save(t, must(t)(Sheet(b, mei, Details{Name: "Li Na"}, en())))))
	if strings.Count(text, squash(T("print.sheet-bond"))) != 1 || !strings.Contains(text, squash(T("print.sheet-bond-money"))) {
		t.Errorf("Mei's sheet:\n%s", text)
	}
	if strings.Count(text, "Full name: Li Na") != 1 {
		t.Errorf("the details are not printed once:\n%s", text)
	}
	// Only a 24-hour line: nothing to print.
	line := plan.Contact{ID: "c3", Name: "Butterfly", Roles: []plan.Role{plan.RoleEmergencyService}}
	if _, err := Sheet(b, &line, Details{}, en()); !errors.Is(err, ErrNothingToPrint) {
		t.Errorf("a 24-hour line: %v", err)
	}
}

// Each plan kind's page names only that kind's roles, in every language:
// a release plan's page never says "place to go", a safety plan's page
// never says "bond".
func TestSheetKeepsPlansApart(t *testing.T) {
	b, _ := rolesBinder(t, plan.RolePlaceToGo)
	all := b.Contact(helperID)
	all.Roles = slices.Clone(plan.Roles) // every role, in both plans
	never := map[plan.Kind][]plan.Role{
		plan.Release: {plan.RolePlaceToGo},
		plan.Safety:  {plan.RoleBondMoney, plan.RoleBondTestify, plan.RoleReleaseHost},
	}
	for _, tag := range locales.Available() {
		loc, _ := locales.Get(tag)
		for _, k := range plan.Kinds {
			pdf, err := SheetOf(b, all, k, Details{}, Options{Loc: loc})
			if err != nil {
				t.Fatal(err)
			}
			// Without spaces: a line may break inside a name.
			text := strings.ToLower(strings.Join(strings.Fields(pdfText(t, save(t, pdf))), ""))
			for _, r := range plan.Roles {
				name := strings.ToLower(strings.Join(strings.Fields(loc.T(plan.SheetRoleKey(r))), ""))
				switch {
				case slices.Contains(never[k], r) && strings.Contains(text, name):
					t.Errorf("%s: the %s page says %q", tag, k, name)
				case r.In(k) && len(r.Info().Sheet) > 0 && !strings.Contains(text, name):
					t.Errorf("%s: the %s page does not name %q", tag, k, name)
				}
			}
			if tag == "en" && k == plan.Safety && strings.Contains(text, "bond") {
				t.Errorf("the safety page speaks of a bond:\n%s", text)
			}
		}
	}
	// Sheet prints both, one kind to a page or more, safety first.
	text := pdfText(t, save(t, must(t)(Sheet(b, all, Details{}, en()))))
	s, r := strings.Index(text, "leave in a hurry"), strings.Index(text, "if they are detained")
	if s < 0 || r < 0 || s > r {
		t.Errorf("both parts, safety first: %d %d", s, r)
	}
}

// A contact named in a plan is labelled with that plan's roles only.
func TestAnswerLinesKeepPlansApart(t *testing.T) {
	b := sample(t)
	lin := b.Contact("c6") // place to go (safety) and power of attorney (release)
	loc := locales.English()
	for _, p := range b.Plans {
		for _, s := range plan.Sections(p.Kind) {
			for _, q := range s.Questions {
				if !slices.Contains(p.Answers[q.ID].Contacts, lin.ID) {
					continue
				}
				line := strings.Join(AnswerLines(loc, b, p, q), "\n")
				for _, r := range lin.Roles {
					if name := loc.T(plan.RoleKey(r)); strings.Contains(line, name) != r.In(p.Kind) {
						t.Errorf("%s %s: %q and role %s:\n%s", p.ID, q.ID, name, r, line)
					}
				}
			}
		}
	}
}

// secondPerson finds, in each language, the words that say "you" or
// "your". On a helper's sheet "you" is the helper: a role label with
// "your lawyer" in it tells the helper to call their own lawyer.
var secondPerson = map[string]*regexp.Regexp{
	"en":      regexp.MustCompile(`(?i)\byour?\b`),
	"fr":      regexp.MustCompile(`(?i)\b(vous|votre|vos|tu|ton|ta|tes|toi)\b`),
	"es":      regexp.MustCompile(`(?i)\b(tu|tú|tus|te|ti|usted|contigo)\b`),
	"zh-Hans": regexp.MustCompile(`你|您`),
	"zh-Hant": regexp.MustCompile(`你|您`),
	"vi":      regexp.MustCompile(`(?i)\bbạn\b`),
	"ko":      regexp.MustCompile(`당신|너`),
	"th":      regexp.MustCompile(`คุณ`),
	"tl":      regexp.MustCompile(`(?i)\b(iyo|mo|ikaw|ka|ninyo|inyo)\b`),
}

// TestSheetSpeaksToTheHelper checks that a helper's sheet is written
// from the helper's side, in every language: every message the sheet
// prints is one reviewed for it (a print.sheet key, or one of the few
// shared words below), and the roles it names carry no "you" — they are
// the person's lawyer, the person's family, never "yours".
func TestSheetSpeaksToTheHelper(t *testing.T) {
	src, err := os.ReadFile("sheet.go")
	if err != nil {
		t.Fatal(err)
	}
	shared := []string{"print.not-legal-advice", "show.yes", "show.no"}
	for _, m := range regexp.MustCompile(`"([a-z]+\.[a-z0-9.-]+)"`).FindAllStringSubmatch(string(src), -1) {
		if !strings.HasPrefix(m[1], "print.sheet") && !slices.Contains(shared, m[1]) {
			t.Errorf("sheet.go prints %s, a message not written for the helper (print.sheet-…)", m[1])
		}
	}
	if strings.Contains(string(src), "plan.RoleKey(") {
		t.Errorf("sheet.go names roles with plan.RoleKey, the person's words; the sheet's are plan.SheetRoleKey")
	}
	for _, k := range plan.SheetKeys() {
		if !strings.HasPrefix(k, "print.sheet") {
			t.Errorf("a sheet block prints %s, a message not written for the helper", k)
		}
	}
	for _, tag := range locales.Available() {
		re := secondPerson[tag]
		if re == nil {
			t.Errorf("%s: no words for \"you\" to check the sheet with", tag)
			continue
		}
		l, _ := locales.Get(tag)
		for _, r := range plan.Roles {
			if s := l.T(plan.SheetRoleKey(r)); re.MatchString(s) {
				t.Errorf("%s: the sheet names the role %s as %q: its \"you\" reads as the helper", tag, r, s)
			}
		}
	}
}
