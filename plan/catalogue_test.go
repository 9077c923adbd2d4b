package plan

import (
	"strings"
	"testing"
)

func TestCatalogueIsConsistent(t *testing.T) {
	seen := map[string]bool{}
	sections := map[string]bool{}
	for _, s := range Catalogue() {
		if sections[s.ID] {
			t.Errorf("section %q appears twice", s.ID)
		}
		sections[s.ID] = true
		if !s.Kind.Valid() {
			t.Errorf("section %q has kind %q", s.ID, s.Kind)
		}
		if len(s.Questions) == 0 {
			t.Errorf("section %q has no questions", s.ID)
		}
		for _, q := range s.Questions {
			if seen[q.ID] {
				t.Errorf("question %q appears twice", q.ID)
			}
			seen[q.ID] = true
			if !strings.HasPrefix(q.ID, s.ID+".") || q.Section != s.ID {
				t.Errorf("question %q is in section %q (Section=%q)", q.ID, s.ID, q.Section)
			}
			switch q.Kind {
			case Choice, Checklist:
				if len(q.Options) < 2 {
					t.Errorf("%s: a %s needs options", q.ID, q.Kind)
				}
			case Contacts:
				if !q.Role.Valid() {
					t.Errorf("%s: role %q", q.ID, q.Role)
				}
			case Text, YesNo, Learn, Silence:
				if len(q.Options) > 0 {
					t.Errorf("%s: a %s has no options", q.ID, q.Kind)
				}
			default:
				t.Errorf("%s: unknown kind %q", q.ID, q.Kind)
			}
			got, ok := Lookup(q.ID)
			if !ok || got.ID != q.ID || got.Section != s.ID {
				t.Errorf("Lookup(%q) = %+v, %v", q.ID, got, ok)
			}
		}
	}
	if _, ok := Lookup("no.such"); ok {
		t.Error("Lookup found a question that does not exist")
	}
}

// The guide's points (pages 26-29) each have a question. If one is
// removed from the catalogue, this fails.
func TestCatalogueCoversTheGuide(t *testing.T) {
	want := map[Kind][]string{
		Safety: {
			"leave.risk", "leave.where", "leave.how", "leave.when", "leave.bag", "leave.dependants",
			"supports.people", "supports.needs", "supports.priorities", "supports.strengths", "supports.lawyer",
			"money.saved", "money.bank", "money.mail",
			"papers.together", "papers.copy", "papers.record", "papers.email",
		},
		Release: {
			"network.clinic", "network.immigration", "network.criminal", "network.family", "network.worker", "network.advocate",
			"heart.numbers", "home.carer", "home.key", "home.fetch",
			"bond.money", "bond.testify", "out.address", "out.relationship",
			"calls.lawyer", "calls.family", "calls.say", "calls.not",
			"extra.medication", "extra.attorney", "extra.bank", "extra.papers",
		},
	}
	for kind, ids := range want {
		inKind := map[string]bool{}
		for _, s := range Sections(kind) {
			for _, q := range s.Questions {
				inKind[q.ID] = true
			}
		}
		for _, id := range ids {
			if !inKind[id] {
				t.Errorf("%s plan lacks %q", kind, id)
			}
		}
	}
	q, _ := Lookup("home.fetch")
	for _, o := range []string{"clothes", "money", "documents", "medication"} {
		if !q.HasOption(o) {
			t.Errorf("home.fetch lacks %q", o)
		}
	}
}

func TestSectionsReturnsACopy(t *testing.T) {
	s := Sections(Release)
	s[0].Questions[0].ID = "changed"
	if Sections(Release)[0].Questions[0].ID == "changed" {
		t.Fatal("Sections shares its questions with the catalogue")
	}
}
