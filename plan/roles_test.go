package plan

import (
	"slices"
	"strings"
	"testing"
)

// The roles table has one entry per role, in the order of Roles, and
// everything it names exists, in the role's own plans.
func TestRoleTableIsConsistent(t *testing.T) {
	infos := RoleInfos()
	if len(infos) != len(Roles) {
		t.Fatalf("%d entries for %d roles", len(infos), len(Roles))
	}
	blocks := map[string]Block{}
	for i, ri := range infos {
		r := ri.Role
		if r != Roles[i] {
			t.Errorf("entry %d is %q, Roles has %q", i, r, Roles[i])
		}
		if len(ri.Kinds) == 0 {
			t.Errorf("%s: no plan kind", r)
		}
		for _, k := range ri.Kinds {
			if !k.Valid() || !slices.Contains(RolesOf(k), r) || !r.In(k) {
				t.Errorf("%s: kind %q", r, k)
			}
		}
		if ri.About == "" {
			t.Errorf("%s: no About for the docs", r)
		}
		if ri.Question != "" {
			q, ok := Lookup(ri.Question)
			if !ok || q.Kind != Contacts || q.Role != r {
				t.Errorf("%s: question %q is %+v", r, ri.Question, q)
			}
			if !slices.Contains(ri.Kinds, kindOf(t, ri.Question)) {
				t.Errorf("%s: its question %s is in another plan", r, ri.Question)
			}
		}
		for _, bl := range ri.Sheet {
			if bl.ID == "" || !strings.HasPrefix(bl.Title, "print.sheet-") ||
				(bl.Text != "" && !strings.HasPrefix(bl.Text, "print.sheet-")) {
				t.Errorf("%s: block %+v", r, bl)
			}
			if prev, ok := blocks[bl.ID]; ok && !blockEqual(prev, bl) {
				t.Errorf("%s: block %q differs from another block of that id", r, bl.ID)
			}
			blocks[bl.ID] = bl
			for _, id := range bl.Questions {
				if _, ok := Lookup(id); !ok {
					t.Errorf("%s: block %s names %q, not a question", r, bl.ID, id)
				} else if !slices.Contains(ri.Kinds, kindOf(t, id)) {
					t.Errorf("%s: block %s names %s, a question of another plan", r, bl.ID, id)
				}
			}
		}
		if len(ri.Sheet) == 0 && r != RoleEmergencyService {
			t.Errorf("%s: no sheet: a helper with this role would get nothing", r)
		}
		for _, x := range ri.Rules {
			if !slices.Contains(Rules, x) {
				t.Errorf("%s: rule %q", r, x)
			}
			if ri.Question == "" {
				t.Errorf("%s: rule %q with no question to watch", r, x)
			}
		}
		for _, c := range ri.Categories {
			if c == "" || strings.ToLower(c) != c {
				t.Errorf("%s: category %q", r, c)
			}
		}
	}
	// Every Contacts question gives a role, and no role is given twice.
	given := map[Role]string{}
	for _, s := range Catalogue() {
		for _, q := range s.Questions {
			if q.Kind != Contacts {
				if q.Role != "" {
					t.Errorf("%s: a %s question gives %q", q.ID, q.Kind, q.Role)
				}
				continue
			}
			if q.Role == "" {
				t.Errorf("%s gives no role: add it to the roles table", q.ID)
			}
			if prev, ok := given[q.Role]; ok {
				t.Errorf("%s is given by %s and %s", q.Role, prev, q.ID)
			}
			given[q.Role] = q.ID
		}
	}
	// The roles of a kind are the ones of its questions, and the 24-hour
	// line, which belongs to every plan.
	for _, k := range Kinds {
		for _, r := range RolesOf(k) {
			if q := r.Info().Question; q == "" && r != RoleEmergencyService {
				t.Errorf("%s: in %s plans with no question", r, k)
			}
		}
	}
	if got := Role("no-such").Info(); got.Role != "no-such" || len(got.Kinds) != 0 {
		t.Errorf("an unknown role: %+v", got)
	}
}

func blockEqual(a, b Block) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Text == b.Text && a.Details == b.Details && slices.Equal(a.Questions, b.Questions)
}

func kindOf(t *testing.T, id string) Kind {
	t.Helper()
	q, _ := Lookup(id)
	for _, s := range Catalogue() {
		if s.ID == q.Section {
			return s.Kind
		}
	}
	t.Fatalf("%s: no section", id)
	return ""
}

// Roles never cross plans: no release role in a safety plan and back.
func TestRolesOfKeepPlansApart(t *testing.T) {
	safety, release := RolesOf(Safety), RolesOf(Release)
	for _, r := range []Role{RolePlaceToGo, RoleSupporter, RoleLawyer, RoleDocumentKeeper} {
		if !slices.Contains(safety, r) || slices.Contains(release, r) {
			t.Errorf("%s should be a safety role only", r)
		}
	}
	for _, r := range []Role{RoleBondMoney, RoleBondTestify, RoleReleaseHost, RoleCarer, RoleKeyHolder, RoleCallsLawyer} {
		if !slices.Contains(release, r) || slices.Contains(safety, r) {
			t.Errorf("%s should be a release role only", r)
		}
	}
}

// A share for a helper carries the questions of their roles' sheets, of
// the plans they are named in, and no other plan's.
func TestSelectForReadsTheTable(t *testing.T) {
	b := New(Date{})
	b.Contacts = []Contact{
		{ID: "c1", Name: "Rosa", Roles: []Role{RoleBondTestify, RolePlaceToGo}},
		{ID: "c2", Name: "Tam", Roles: []Role{RoleBondMoney}},
	}
	b.Plans = []Plan{
		{ID: "safety-1", Kind: Safety, Status: Draft, Answers: map[string]Answer{"leave.places": {Contacts: []string{"c1"}}}},
		{ID: "release-1", Kind: Release, Status: Draft, Answers: map[string]Answer{"bond.testify": {Contacts: []string{"c1"}}}},
		{ID: "release-2", Kind: Release, Status: Draft, Answers: map[string]Answer{"bond.money": {Contacts: []string{"c2"}}}},
	}
	sel := b.SelectFor("c1")
	if !slices.Equal(sel["safety-1"], RolePlaceToGo.SheetQuestions()) {
		t.Errorf("safety-1: %v", sel["safety-1"])
	}
	if !slices.Equal(sel["release-1"], RoleBondTestify.SheetQuestions()) {
		t.Errorf("release-1: %v", sel["release-1"])
	}
	if len(sel["release-2"]) != 0 {
		t.Errorf("release-2 does not name Rosa, yet a share for her holds %v", sel["release-2"])
	}
	if sel := b.SelectFor("c2"); len(sel["safety-1"]) != 0 || len(sel["release-1"]) != 0 || len(sel["release-2"]) == 0 {
		t.Errorf("Tam: %v", sel)
	}
}

// The check-up's role rules come from the table.
func TestCheckUpRoleRules(t *testing.T) {
	b := New(Date{})
	b.Contacts = []Contact{
		{ID: "c1", Name: "Rosa", Roles: []Role{RoleBondTestify}, Agreed: true},
		{ID: "c2", Name: "Okafor", Roles: []Role{RoleImmigrationLaw}},
		{ID: "c3", Name: "Tam", Roles: []Role{RoleCarer}, Agreed: true},
	}
	b.Plans = []Plan{{ID: "release-1", Kind: Release, Status: Draft, Answers: map[string]Answer{
		"bond.testify":        {Contacts: []string{"c1"}},
		"network.immigration": {Contacts: []string{"c2"}},
		"home.carer":          {Contacts: []string{"c3"}},
		"bond.money":          {Contacts: []string{"c1"}},
	}}}
	r := b.CheckUp(Date{})
	p := r.Plans[0]
	if !slices.Contains(p.Has, "network.clinic") {
		t.Errorf("an immigration lawyer counts for the legal clinic point (any-lawyer): %+v", p)
	}
	if !slices.Contains(p.Has, "bond.money") {
		t.Errorf("an agreed contact under bond.money closes it (agreed): %+v", p)
	}
	var confirm []string
	for _, o := range r.Old {
		if o.Code == "bond-never" {
			confirm = append(confirm, o.Contact)
		}
	}
	// Rosa (bond-testify has confirm) is asked; Tam the carer is not.
	if !slices.Equal(confirm, []string{"c1"}) {
		t.Errorf("asked to confirm: %v", confirm)
	}
	// Without the lawyer, the legal point is open again.
	delete(b.Plans[0].Answers, "network.immigration")
	if p := b.CheckUp(Date{}).Plans[0]; slices.Contains(p.Has, "network.clinic") {
		t.Errorf("no lawyer, yet the point is done: %+v", p)
	}
}
