package directory

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pathway/internal/testtool"
	"pathway/plan"
)

// guideText reads the guide itself, which lies beside the project's
// checkout (../shared/seeds).
func guideText(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "seeds", "003_1853b4d963a28911.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		if testtool.CI() {
			t.Fatalf("the guide is not beside the checkout: %v", err)
		}
		t.Skipf("the guide is not beside the checkout: %v", err)
	}
	return string(b)
}

var guidePhone = regexp.MustCompile(`(?:1-)?\d{3}-\d{3}-\d{4}(?:\s*ext\.\s*\d+)?|\b[29]11\b`)

// guideNumbers reads the numbers of one row's contact column, each with
// the label of its part: "TTY: 416-482-1254; 1-866-482-2728 / Toll-free:
// 1-866-482-2724" is two TTY lines and one toll-free line.
func guideNumbers(contact string) (numbers []string, tty, tollFree map[string]bool) {
	tty, tollFree = map[string]bool{}, map[string]bool{}
	for _, part := range strings.Split(contact, "/") {
		part = strings.TrimSpace(part)
		for _, m := range guidePhone.FindAllString(part, -1) {
			numbers = append(numbers, m)
			tty[m] = strings.HasPrefix(part, "TTY:")
			tollFree[m] = strings.HasPrefix(part, "Toll-free:")
		}
	}
	return numbers, tty, tollFree
}

// TestEveryNumberOfTheGuide reads the guide's "Resources and Referrals"
// section and checks that every phone number printed there is in the
// embedded directory, with the organisation it is printed beside, TTY
// lines marked as such.
func TestEveryNumberOfTheGuide(t *testing.T) {
	text := guideText(t)
	start := strings.Index(text, "\nResources and Referrals\n")
	end := strings.Index(text, "\nAuthors\n")
	if start < 0 || end < start {
		t.Fatal("the section was not found in the guide")
	}
	g := Guide()
	rows, numbers := 0, 0
	sc := bufio.NewScanner(strings.NewReader(text[start:end]))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || cols[0] == "Organization" {
			continue
		}
		rows++
		org, contact := strings.TrimSpace(cols[0]), cols[1]
		var listing *Listing
		for i := range g.Listings {
			if g.Listings[i].Name == org {
				listing = &g.Listings[i]
			}
		}
		if listing == nil {
			t.Errorf("%q is in the guide, not in the directory", org)
			continue
		}
		found, tty, _ := guideNumbers(contact)
		for _, m := range found {
			numbers++
			want, err := plan.ParsePhone(m)
			if err != nil {
				t.Fatalf("%s: the guide's %q does not read: %v", org, m, err)
			}
			want.TTY = tty[m]
			found := false
			for _, p := range listing.Phones {
				got, err := p.Parse()
				if err == nil && got.SameNumber(want) && got.TTY == want.TTY {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the guide's number %q is not in its listing", org, m)
			}
		}
	}
	if rows < 45 || numbers < 45 {
		t.Fatalf("read %d rows and %d numbers from the guide: the reading is broken", rows, numbers)
	}
	// And the other way: no number in the directory that the guide does
	// not print (outside the section, the partner organisations' page).
	for _, x := range g.Listings {
		for _, p := range x.Phones {
			if !strings.Contains(text, p.Text) {
				t.Errorf("%s: %q is not in the guide", x.Name, p.Text)
			}
		}
		if x.Web != "" && !strings.Contains(text, x.Web) {
			t.Errorf("%s: the web address %q is not in the guide", x.Name, x.Web)
		}
	}
}

func TestGuideListReads(t *testing.T) {
	g := Guide()
	if g.Date != "2020-01" || len(g.Listings) < 50 {
		t.Fatalf("date %q, %d listings", g.Date, len(g.Listings))
	}
	out, err := g.Encode()
	if err != nil {
		t.Fatal(err)
	}
	again, warns, err := Parse(out)
	if err != nil || len(warns) > 0 || len(again.Listings) != len(g.Listings) {
		t.Fatalf("round trip: %v %v", err, warns)
	}
	// Export, then import: every listing the same, field by field.
	for i := range g.Listings {
		x, y := g.Listings[i], again.Listings[i]
		x.List, y.List = nil, nil
		if !reflect.DeepEqual(x, y) {
			t.Errorf("round trip changed %s:\n%+v\n%+v", x.ID, x, y)
		}
	}
	if again.Name != g.Name || again.Date != g.Date || again.Source != g.Source {
		t.Errorf("round trip changed the list's name or date")
	}
	for _, x := range g.Listings {
		if x.Description == "" || len(x.Categories) == 0 {
			t.Errorf("%s: incomplete", x.ID)
		}
	}
}

func TestFind(t *testing.T) {
	lists := []*List{Guide()}
	ids := func(f Filter) []string {
		var out []string
		for _, x := range Find(lists, f) {
			out = append(out, x.ID)
		}
		return out
	}
	if got := ids(Filter{AlwaysOpen: true}); strings.Join(got, " ") != "butterfly awhl emergency 211 femaide" {
		t.Errorf("24/7: %v", got)
	}
	if got := ids(Filter{Category: "sex-worker-led"}); len(got) != 5 {
		t.Errorf("sex-worker-led: %v", got)
	}
	// "many languages" is not a promise of any one language.
	if got := ids(Filter{Language: "vi"}); strings.Join(got, " ") != "csalc" {
		t.Errorf("Vietnamese: %v", got)
	}
	if got := ids(Filter{Language: "th"}); len(got) != 0 {
		t.Errorf("Thai: the guide names no line in Thai, got %v", got)
	}
	if got := ids(Filter{Language: "fr"}); strings.Join(got, " ") != "femaide" {
		t.Errorf("French: %v", got)
	}
	// A place gets its own lines, the lines for all of Ontario, and those
	// whose region the guide does not give; not another city's.
	hamilton := ids(Filter{Region: "Hamilton"})
	for _, want := range []string{"refugee-law-office", "swap", "butterfly", "211", "emergency", "awhl"} {
		if !slices.Contains(hamilton, want) {
			t.Errorf("Hamilton: %s missing from %v", want, hamilton)
		}
	}
	for _, not := range []string{"maggies", "swans", "safe-space-london", "family-law-offices", "toronto-shelter"} {
		if slices.Contains(hamilton, not) {
			t.Errorf("Hamilton: %s is for another city", not)
		}
	}
	if got := ids(Filter{Region: "Vancouver"}); slices.Contains(got, "butterfly") || !slices.Contains(got, "emergency") {
		t.Errorf("Vancouver: Ontario's lines are not there, 911 (no region given) is: %v", got)
	}
	if got := ids(Filter{Words: []string{"REFUGEE", "toronto"}}); len(got) < 2 {
		t.Errorf("words: %v", got)
	}
	if got := ids(Filter{Category: "legal", Words: []string{"nothing-like-this"}}); len(got) != 0 {
		t.Errorf("no match: %v", got)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct{ name, json, code string }{
		{"not json", `nope`, "invalid-json"},
		{"newer", `{"format":3,"name":"x","date":"2026-01","listings":[]}`, "newer-format"},
		{"no format", `{"name":"x","date":"2026-01","listings":[]}`, "missing"},
		{"unknown field", `{"format":1,"name":"x","date":"2026-01","listings":[],"extra":1}`, "unknown-field"},
		{"unknown field in listing", `{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","name":"A","region":"r","categories":["legal"],"description":"d","fax":"1"}]}`, "unknown-field"},
		{"bad date", `{"format":1,"name":"x","date":"soon","listings":[]}`, "bad-date"},
		{"bad phone", `{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","name":"Clinic A","phones":[{"text":"555-01"}],"region":"r","categories":["legal"],"description":"d"}]}`, "bad-phone"},
		{"bad category", `{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","name":"A","region":"r","categories":["police"],"description":"d"}]}`, "bad-category"},
		{"duplicate id", `{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","name":"A","region":"r","categories":["legal"],"description":"d"},{"id":"a","name":"B","region":"r","categories":["legal"],"description":"d"}]}`, "duplicate-id"},
		{"invalid utf8", "{\"format\":1,\"name\":\"\xff\"}", "invalid-utf8"},
		{"too big", `{"format":1,"name":"` + strings.Repeat("x", MaxList) + `"}`, "too-big"},
	} {
		_, _, err := Parse([]byte(c.json))
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
	_, _, err := Parse([]byte(`{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","name":"Clinic A","phones":[{"text":"555-01"}],"region":"r","categories":["legal"],"description":"d"}]}`))
	var e *Error
	if errors.As(err, &e); e == nil || e.Listing != "Clinic A" || e.Line != 1 {
		t.Errorf("the bad phone's error does not name its listing and line: %+v", e)
	}
}

// TestParseFormats: a list says format 1 or 2 and is read the same; a
// format-2 list gives "confirmed", which a pathway before format 2 would
// refuse as an unknown field.
func TestParseFormats(t *testing.T) {
	if Format != 2 {
		t.Fatalf("Format %d: the tests below are for 2", Format)
	}
	const listing = `{"id":"a","name":"A","phones":[{"text":"416-555-0177"}],"categories":["legal"],"description":"d"`
	for _, c := range []struct{ json, confirmed string }{
		{`{"format":1,"name":"x","date":"2026-01","listings":[` + listing + `}]}`, ""},
		{`{"format":2,"name":"x","date":"2026-01","listings":[` + listing + `,"confirmed":"2026-11-23"}]}`, "2026-11-23"},
	} {
		l, _, err := Parse([]byte(c.json))
		if err != nil {
			t.Fatalf("%s: %v", c.json, err)
		}
		if got := l.Listings[0].Confirmed; got != c.confirmed || len(l.Listings[0].Phones) != 1 {
			t.Errorf("%s: confirmed %q, phones %v", c.json, got, l.Listings[0].Phones)
		}
	}
}

func TestParseCleansWithWarnings(t *testing.T) {
	l, warns, err := Parse([]byte("{\"format\":1,\"name\":\"Our list\",\"date\":\"2026-11\",\"listings\":[\n" +
		`{"id":"a","name":"Evil\u001b]0;owned\u0007 \u001b[2JClinic","region":"Toronto","categories":["legal"],"description":"ok"}` + "]}"))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Listings[0].Name; got != "Evil Clinic" {
		t.Errorf("name %q", got)
	}
	if len(warns) != 1 || warns[0].Field != "name" || warns[0].Line != 2 {
		t.Errorf("warnings %+v", warns)
	}
}

func TestListingContact(t *testing.T) {
	x, ok := Lookup([]*List{Guide()}, "schlifer")
	if !ok {
		t.Fatal("no schlifer")
	}
	c := x.Contact()
	if len(c.Phones) != 2 || c.Phones[0].Ext != "234" || c.Phones[0].Note != "intake" || !c.Phones[1].TTY {
		t.Errorf("phones %+v", c.Phones)
	}
	if !strings.Contains(c.Note, "2020-01") {
		t.Errorf("note %q", c.Note)
	}
	b, _ := Lookup([]*List{Guide()}, "butterfly")
	if !b.Contact().HasRole(plan.RoleEmergencyService) {
		t.Error("a 24/7 line is not marked as one")
	}
}

func TestStoreRoundTrip(t *testing.T) {
	data, err := EncodeStore([]*List{Guide()})
	if err != nil {
		t.Fatal(err)
	}
	lists, err := DecodeStore(data)
	if err != nil || len(lists) != 1 || len(lists[0].Listings) != len(Guide().Listings) {
		t.Fatalf("%v", err)
	}
}

// guideRows returns, for each listing of the embedded list, the guide's
// own words about it: its row in "Resources and Referrals" (name,
// contact, services) and, for the partner organisations, the paragraph
// on the guide's last pages.
func guideRows(t *testing.T, text string) map[string]string {
	t.Helper()
	start := strings.Index(text, "\nResources and Referrals\n")
	end := strings.Index(text, "\nAuthors\n")
	partners := strings.Index(text, "\nPartner Organizations\n")
	if start < 0 || end < start || partners < end {
		t.Fatal("the sections were not found in the guide")
	}
	rows := map[string]string{}
	for _, line := range strings.Split(text[start:end], "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) >= 3 && cols[0] != "Organization" {
			rows[strings.TrimSpace(cols[0])] = line
		}
	}
	out := map[string]string{}
	for _, x := range Guide().Listings {
		words := rows[x.Name]
		if i := strings.Index(text[partners:], x.Name); i >= 0 {
			para := text[partners+i:]
			if j := strings.Index(para, "\n\n\n"); j >= 0 {
				para = para[:j]
			}
			words += "\n" + para
		}
		if words == "" {
			t.Errorf("%s: the guide's words about it were not found", x.ID)
		}
		out[x.ID] = words
	}
	return out
}

// languageWords are the guide's words for each language a listing may
// name: a language is listed only where the guide says it.
var languageWords = map[string]*regexp.Regexp{
	"zh":   regexp.MustCompile(`Chinese`),
	"vi":   regexp.MustCompile(`Vietnamese`),
	"km":   regexp.MustCompile(`Cambodian`),
	"lo":   regexp.MustCompile(`Laotian`),
	"es":   regexp.MustCompile(`Spanish`),
	"fr":   regexp.MustCompile(`Francophone`),
	"many": regexp.MustCompile(`languages|multilingual`),
}

var (
	aroundTheClock = regexp.MustCompile(`24/7|24-hour`)
	emergencyLine  = regexp.MustCompile(`^Emergency\t911\tEmergency services`)
	tollFreeNumber = regexp.MustCompile(`^1-8(00|33|44|55|66|77|88)-`)
)

// TestGuideWords checks every claim the embedded list makes about a
// listing against the guide's words about it: open day and night, TTY
// and toll-free lines, where it serves, the languages, and the claims in
// its description (free, confidential, plain language, many languages,
// day and night). A claim the guide does not make is an error: a worker
// may call a line at 3 a.m. because pathway said it answers.
func TestGuideWords(t *testing.T) {
	rows := guideRows(t, guideText(t))
	freeWord := regexp.MustCompile(`(?i)\bfree\b`)
	for _, x := range Guide().Listings {
		words := rows[x.ID]
		says := func(re *regexp.Regexp) bool { return re.MatchString(words) }
		open := says(aroundTheClock) || says(emergencyLine)
		if x.AlwaysOpen != open {
			t.Errorf("%s: always_open is %v, the guide's words say %v", x.ID, x.AlwaysOpen, open)
		}
		contact := words // a partner's paragraph: the numbers are in it
		if cols := strings.Split(words, "\t"); len(cols) >= 3 {
			contact = cols[1]
		}
		_, tty, tollFree := guideNumbers(contact)
		for _, p := range x.Phones {
			if p.TTY != tty[p.Text] {
				t.Errorf("%s: %s tty is %v, the guide says %v", x.ID, p.Text, p.TTY, tty[p.Text])
			}
			if p.TollFree && !tollFree[p.Text] && !tollFreeNumber.MatchString(p.Text) {
				t.Errorf("%s: %s is marked toll-free; neither the guide nor the number says so", x.ID, p.Text)
			}
		}
		if x.Region != "" {
			for _, place := range strings.Split(x.Region, ",") {
				if !strings.Contains(words, strings.TrimSpace(place)) {
					t.Errorf("%s: region %q, the guide's words do not name it: %s", x.ID, place, words)
				}
			}
		}
		for _, l := range x.Languages {
			re, ok := languageWords[l]
			if !ok || !says(re) {
				t.Errorf("%s: language %q, the guide's words do not say it", x.ID, l)
			}
		}
		d := strings.ToLower(x.Description)
		noTollFree := strings.ReplaceAll(strings.ToLower(words), "toll-free", "")
		claims := []struct {
			claim bool
			ok    bool
			what  string
		}{
			{freeWord.MatchString(d), freeWord.MatchString(noTollFree), "free"},
			{strings.Contains(d, "confidential"), strings.Contains(noTollFree, "confidential"), "confidential"},
			{strings.Contains(d, "plain"), strings.Contains(noTollFree, "plain"), "plain language"},
			{strings.Contains(d, "languages"), len(x.Languages) > 0, "languages"},
			{strings.Contains(d, "day and night") || strings.Contains(d, "any hour"), x.AlwaysOpen, "day and night"},
		}
		for _, c := range claims {
			if c.claim && !c.ok {
				t.Errorf("%s: the description says %q, the guide does not: %q", x.ID, c.what, x.Description)
			}
		}
	}
}
