package plan

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

const coveragePath = "../docs/coverage.md"

// A guidePoint is one point of the guide's pages 26-29, or one need its
// case studies show, in our own words, with the questions that ask it.
type guidePoint struct {
	where     string
	point     string
	questions []string
}

// guidePoints is the guide, point by point. A point with no question is
// printed as MISSING in docs/coverage.md, and TestCoverage fails.
var guidePoints = []guidePoint{
	{"Safety plan · Plan to leave", "How dangerous leaving could be: what they might do if you go.", []string{"leave.risk"}},
	{"Safety plan · Plan to leave", "Where you would go, with the address or number of each place, kept hidden.", []string{"leave.where", "leave.places"}},
	{"Safety plan · Plan to leave", "How you would get there.", []string{"leave.how"}},
	{"Safety plan · Plan to leave", "Leaving soon, or ready to leave fast if you have to.", []string{"leave.when"}},
	{"Safety plan · Plan to leave", "A few things kept in a bag (medicine, clothes, hidden money), not so many they raise suspicion.", []string{"leave.bag"}},
	{"Safety plan · Plan to leave", "A plan for children, people you care for and pets.", []string{"leave.dependants"}},
	{"Safety plan · Supports and resources", "People and groups who can find out about services for you.", []string{"supports.people"}},
	{"Safety plan · Supports and resources", "Other help you need (emotional support, a ride).", []string{"supports.needs"}},
	{"Safety plan · Supports and resources", "What matters most to you now.", []string{"supports.priorities"}},
	{"Safety plan · Supports and resources", "Your strengths: how you have kept safe before.", []string{"supports.strengths"}},
	{"Safety plan · Supports and resources", "A lawyer to talk to before going to the police or immigration.", []string{"supports.lawyer"}},
	{"Safety plan · Finances", "Money saved and hidden, enough for transport or a room.", []string{"money.saved"}},
	{"Safety plan · Finances", "A bank account only you can use, whose letters do not go where the abuser can read them.", []string{"money.bank", "money.mail"}},
	{"Safety plan · ID, documents and bank", "Important papers together, ready to take.", []string{"papers.together"}},
	{"Safety plan · ID, documents and bank", "Copies of papers kept by an organisation or someone you trust.", []string{"papers.copy"}},
	{"Safety plan · ID, documents and bank", "A record of every message and meeting with the abuser, with dates and places.", []string{"papers.record"}},
	{"Safety plan · ID, documents and bank", "The abuser kept away from your phone and your records.", []string{"papers.phone"}},
	{"Safety plan · ID, documents and bank", "An email account nobody knows about, opened only at a library or an organisation.", []string{"papers.email"}},
	{"Safety plan · ID, documents and bank", "Lean on friends and advocates you trust: agree what they do if they stop hearing from you.", []string{"supports.silence"}},
	{"Release plan · Support network", "A community legal clinic.", []string{"network.clinic"}},
	{"Release plan · Support network", "An immigration, criminal or family lawyer.", []string{"network.immigration", "network.criminal", "network.family"}},
	{"Release plan · Support network", "A community support worker.", []string{"network.worker"}},
	{"Release plan · Support network", "A person you really trust, to speak up for you.", []string{"network.advocate"}},
	{"Release plan · Plan in advance", "The numbers you would call, known by heart: your phone may be taken.", []string{"heart.numbers"}},
	{"Release plan · Plan in advance", "Someone to look after your children or pets.", []string{"home.carer", "home.care"}},
	{"Release plan · Plan in advance", "Someone with a key who can bring clothes, money, papers and medicine.", []string{"home.key", "home.fetch", "home.where"}},
	{"Release plan · Plan in advance", "A bond person who can bring money as a guarantee.", []string{"bond.money"}},
	{"Release plan · Plan in advance", "Someone who can come to the hearing and speak for you.", []string{"bond.testify"}},
	{"Release plan · Plan in advance", "The address you would give, and a relationship built with that person or shelter beforehand.", []string{"out.address", "out.host", "out.relationship"}},
	{"Release plan · Plan in advance", "Community groups that support you once released.", []string{"out.support"}},
	{"Release plan · Plan in advance", "Someone who can call an immigration or criminal lawyer for you.", []string{"calls.lawyer"}},
	{"Release plan · Plan in advance", "A trusted worker who reaches your family or friends, and what they may and may not say for you.", []string{"calls.family", "calls.say", "calls.not"}},
	{"Release plan · Plan in advance", "What your helpers pass on for you, agreed in advance: once detained you can hardly call anyone.", []string{"calls.silence"}},
	{"Case 1 (Lina)", "Medication and hormones she needs.", []string{"extra.medication"}},
	{"Case 1 (Lina)", "Her papers were stolen: where papers are kept, and copies.", []string{"extra.papers", "papers.copy"}},
	{"Case 1 (Lina)", "Translation or support in another language.", []string{"network.interpreter"}},
	{"Case 2 (Li Li)", "Child protection may get involved once the police or immigration are: who should be called.", []string{"home.cas"}},
	{"Case 2 (Li Li)", "Her partner recorded her and threatens to post it: phone and records out of his reach.", []string{"papers.phone", "papers.record"}},
	{"Case 2 (Li Li)", "She supports her partner and her daughter: others who depend on her.", []string{"leave.others"}},
	{"Case 3 (Bao)", "An interpreter at the detention review.", []string{"network.interpreter"}},
	{"Case 3 (Bao)", "Medication in detention.", []string{"extra.medication"}},
	{"Case 3 (Bao)", "Someone with power of attorney.", []string{"extra.attorney"}},
	{"Case 3 (Bao)", "A frozen bank account.", []string{"extra.bank"}},
	{"Case 3 (Bao)", "People in Canada or in his home country who depend on him, children, pets.", []string{"home.others", "home.carer"}},
	{"Case 3 (Bao)", "A child who needs care, and the risk of Children's Aid getting involved.", []string{"home.cas"}},
	{"Case 3 (Bao)", "His university must not hold his absence against him: who tells it, and what.", []string{"calls.school"}},
	{"Case 3 (Bao)", "Which friends, family and community supports should be contacted.", []string{"calls.family", "calls.silence"}},
	{"Case 3 (Bao)", "He may prefer removal to staying detained: his wishes are followed (things, money, lease, who to tell at home).", []string{"extra.removal"}},
	{"Case 3 (Bao)", "Emotional and community support once released.", []string{"out.support"}},
	{"Case 4 (May Yi)", "Translation or support in another language.", []string{"network.interpreter"}},
}

// coverageDoc is the table of docs/coverage.md and the points with no
// question.
func coverageDoc(en map[string]string) (string, []string) {
	var b strings.Builder
	var missing []string
	b.WriteString("| Where in the guide | The point, in our words | Questions | Plan |\n")
	b.WriteString("|---|---|---|---|\n")
	for _, p := range guidePoints {
		var qs, kinds []string
		for _, id := range p.questions {
			q, ok := Lookup(id)
			if !ok {
				continue
			}
			qs = append(qs, fmt.Sprintf("`%s` (%s)", id, cell(en[q.TitleKey()])))
			for _, s := range Catalogue() {
				if s.ID == q.Section && !slices.Contains(kinds, string(s.Kind)) {
					kinds = append(kinds, string(s.Kind))
				}
			}
		}
		if len(qs) == 0 {
			missing = append(missing, p.where+": "+p.point)
			qs, kinds = []string{"**MISSING**"}, []string{"–"}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", p.where, cell(p.point), strings.Join(qs, "<br>"), strings.Join(kinds, ", "))
	}
	return b.String(), missing
}

// docs/coverage.md maps each point of the guide's pages 26-29 and of its
// case studies to the questions that ask it. Every point has a question,
// every question a point, every id named exists; -update rewrites the
// table.
func TestCoverage(t *testing.T) {
	for _, p := range guidePoints {
		for _, id := range p.questions {
			if _, ok := Lookup(id); !ok {
				t.Errorf("%s (%s): no question %q in the catalogue", p.where, p.point, id)
			}
		}
	}
	for _, s := range Catalogue() {
		for _, q := range s.Questions {
			if !slices.ContainsFunc(guidePoints, func(p guidePoint) bool { return slices.Contains(p.questions, q.ID) }) {
				t.Errorf("question %s answers no point of the guide: add it to guidePoints", q.ID)
			}
		}
	}
	table, missing := coverageDoc(english(t))
	for _, m := range missing {
		t.Errorf("MISSING: %s", m)
	}
	data, err := os.ReadFile(coveragePath)
	if err != nil {
		t.Fatal(err)
	}
	doc := replaceBetween(t, string(data), "coverage", table)
	if doc == string(data) {
		return
	}
	if *update {
		if err := os.WriteFile(coveragePath, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with the catalogue: run go test ./plan -run TestCoverage -update", coveragePath)
}
