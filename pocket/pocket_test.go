package pocket

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"filippo.io/age/armor"
	"github.com/rogpeppe/go-internal/testscript"

	"pathway/crypt"
	"pathway/internal/testtool"
	"pathway/locales"
	"pathway/plan"
	"pathway/printout"
)

const testPass = "orbit velvet canyon pupil ladder frost"

func locale(t testing.TB, tag string) *locales.Locale {
	t.Helper()
	l, err := locales.Get(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func sampleBinder(t testing.TB) *plan.Binder {
	t.Helper()
	return readBinder(t, "../testdata/sample-binder.json")
}

// hardBinder is the binder of hard data: numbers from many countries and
// with long extensions, names in eight scripts, long notes.
func hardBinder(t testing.TB) *plan.Binder {
	t.Helper()
	return readBinder(t, "../testdata/hard-binder.json")
}

func readBinder(t testing.TB, path string) *plan.Binder {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writePocket(t testing.TB, path string, b *plan.Binder, o Options) []byte {
	t.Helper()
	page, err := Build(b, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, page, 0o600); err != nil {
		t.Fatal(err)
	}
	return page
}

// phoneTexts are a contact's numbers as the page shows them: whole, in
// their groups.
func phoneTexts(c plan.Contact) []string {
	var out []string
	for _, ph := range c.Phones {
		out = append(out, strings.Join(ph.Groups(), " "))
	}
	return out
}

// unchosen returns what the default selection leaves out of the sample
// binder: the answers of the questions it does not choose, the contacts'
// addresses and notes, the plans' contexts.
func unchosen(b *plan.Binder) []string {
	sel := DefaultSelection(b)
	var out []string
	for _, p := range b.Plans {
		if p.Context != "" {
			out = append(out, p.Context)
		}
		for id, a := range p.Answers {
			if !slices.Contains(sel[p.ID], id) && a.Text != "" {
				out = append(out, strings.Split(a.Text, "\n")[0])
			}
		}
	}
	var chosen []string // chosen answers may repeat a contact's address
	for _, p := range b.Plans {
		for _, id := range sel[p.ID] {
			chosen = append(chosen, p.Answers[id].Text)
		}
	}
	for _, c := range b.Contacts {
		more := []string{c.Address, c.Note}
		for _, ph := range c.Phones {
			more = append(more, ph.Note)
		}
		for _, s := range more {
			if s != "" && !slices.ContainsFunc(chosen, func(a string) bool { return strings.Contains(a, s) }) {
				out = append(out, s)
			}
		}
	}
	return out
}

// open opens a pocket file's armored block with the passphrase, in Go.
func openPocket(t *testing.T, page []byte, pass string) []byte {
	t.Helper()
	a := Armored(page)
	if a == nil {
		t.Fatal("no armored age file in the page")
	}
	sealed, err := readArmor(a)
	if err != nil {
		t.Fatal(err)
	}
	k, err := crypt.Passphrase(pass)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := crypt.Open(sealed, k)
	if err != nil {
		t.Fatalf("opening the pocket file: %v", err)
	}
	return plain
}

func readArmor(a []byte) ([]byte, error) {
	var out bytes.Buffer
	_, err := out.ReadFrom(armor.NewReader(bytes.NewReader(a)))
	return out.Bytes(), err
}

// markedBinder is the sample binder with a marker in every field a pocket
// file of the whole of both plans would show: names, card names, roles'
// notes, the plans' contexts, every text answer.
func markedBinder(t *testing.T) (*plan.Binder, []string) {
	b := sampleBinder(t)
	var markers []string
	mark := func(s *string, what string) {
		m := "Zq" + what + "Xj"
		markers = append(markers, m)
		if *s == "" {
			*s = m
		} else {
			*s += " " + m
		}
	}
	for i := range b.Contacts {
		c := &b.Contacts[i]
		mark(&c.Name, "name"+c.ID)
		if c.Learn { // the drill asks by the card name
			mark(&c.CardName, "card"+c.ID)
		}
	}
	for i := range b.Plans {
		p := &b.Plans[i]
		mark(&p.Context, "context"+p.ID)
		for id, a := range p.Answers {
			q, _ := plan.Lookup(id)
			if q.Kind == plan.Learn {
				continue
			}
			a.Text += " Zqtext" + strings.ReplaceAll(id, ".", "") + "Xj"
			markers = append(markers, "Zqtext"+strings.ReplaceAll(id, ".", "")+"Xj")
			p.Answers[id] = a
		}
	}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	return b, markers
}

// encodings returns the forms in which a marker could hide in a page:
// UTF-8, UTF-16 both ways, and base64 of each at every alignment (the
// part of the base64 that does not depend on the bytes around it).
func encodings(m string) [][]byte {
	u16 := utf16.Encode([]rune(m))
	le := make([]byte, 2*len(u16))
	be := make([]byte, 2*len(u16))
	for i, u := range u16 {
		binary.LittleEndian.PutUint16(le[2*i:], u)
		binary.BigEndian.PutUint16(be[2*i:], u)
	}
	var out [][]byte
	for _, raw := range [][]byte{[]byte(m), []byte(strings.ToLower(m)), le, be} {
		out = append(out, raw)
		for off := range 3 {
			for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
				s := enc.EncodeToString(append(make([]byte, off), raw...))
				start := 0
				if off > 0 {
					start = 4
				}
				if core := s[start : len(s)-4]; len(core) >= 8 {
					out = append(out, []byte(core))
				}
			}
		}
	}
	return out
}

// TestMarkers: a marker in every chosen field is inside the sealed file
// and nowhere in the page: not as text, not as UTF-16, not as base64. The
// real age command opens the armored block with the passphrase.
func TestMarkers(t *testing.T) {
	b, markers := markedBinder(t)
	sel, bad := b.SelectSections([]string{"release-1", "safety-1"})
	if bad != "" {
		t.Fatal(bad)
	}
	sub := b.Subset(sel)
	dir := t.TempDir()
	page := writePocket(t, filepath.Join(dir, FileName), sub, Options{Loc: locale(t, "en"), Passphrase: testPass, CallLinks: true, workFactor: 10})
	joined := bytes.ReplaceAll(page, []byte("\n"), nil) // base64 broken across lines
	plain := openPocket(t, page, testPass)
	for _, m := range markers {
		if !bytes.Contains(plain, []byte(m)) {
			t.Errorf("marker %s is not in the sealed file: the test would prove nothing", m)
		}
		for _, enc := range encodings(m) {
			if bytes.Contains(page, enc) || bytes.Contains(joined, enc) {
				t.Errorf("marker %s is in the page as %q", m, enc)
			}
		}
	}
	// Numbers too: their digits are nowhere in the page.
	for _, c := range sub.Contacts {
		for _, ph := range c.Phones {
			if d := strings.TrimPrefix(ph.Number, "+"); bytes.Contains(joined, []byte(d)) || bytes.Contains(page, []byte(strings.Join(ph.Groups(), " "))) {
				t.Errorf("the number %s is in the page", ph.Number)
			}
		}
	}

	// The real age command opens the armored block, as it is in the page.
	if err := os.WriteFile(filepath.Join(dir, "notes.age"), Armored(page), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"content.json": plain, "pass.txt": []byte(testPass + "\n"), "other.txt": []byte("not the words\n")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ageDir := buildAge(t)
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "age"),
		Setup: func(e *testscript.Env) error {
			if err := os.CopyFS(e.WorkDir, os.DirFS(dir)); err != nil {
				return err
			}
			e.Setenv("PATH", ageDir+string(os.PathListSeparator)+e.Getenv("PATH"))
			return nil
		},
	})
}

// buildAge builds the real age command, at the version go.mod pins, as
// crypt's tests do, and returns the folder that holds it.
func buildAge(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := testtool.BuildAge(dir, "age"); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The default holds the numbers to know, who does what, the release
// address and the safety plan's people, and nothing else.
func TestDefaultHoldsOnlyChosen(t *testing.T) {
	full := sampleBinder(t)
	sub := full.Subset(DefaultSelection(full))
	loc := locale(t, "en")
	page, err := Build(sub, Options{Loc: loc, Passphrase: testPass, workFactor: 10})
	if err != nil {
		t.Fatal(err)
	}
	plain := openPocket(t, page, testPass)
	var c content
	if err := json.Unmarshal(plain, &c); err != nil {
		t.Fatal(err)
	}
	for _, s := range unchosen(full) {
		if bytes.Contains(plain, []byte(s)) {
			t.Errorf("the file holds %q, which was not chosen", s)
		}
	}
	rel := full.Plan("release-1")
	if !bytes.Contains(plain, []byte(strings.Split(rel.Answers["out.address"].Text, "\n")[0])) {
		t.Error("the release address is missing")
	}
	if len(c.Learn) != len(full.ToLearn()) || len(c.Drill) != len(full.ToLearn()) {
		t.Errorf("%d numbers to know and %d to drill, want %d", len(c.Learn), len(c.Drill), len(full.ToLearn()))
	}
	for _, p := range c.People {
		for _, ph := range p.Phones {
			if ph.Tel != "" {
				t.Errorf("%s: a call link, though none was asked for", p.Name)
			}
		}
	}
	// Every answer line is worded as the printout words it.
	for _, p := range sub.Plans {
		for _, s := range plan.Sections(p.Kind) {
			for _, q := range s.Questions {
				if q.Kind == plan.Text && !p.Answers[q.ID].Empty() {
					for _, l := range printout.AnswerLines(loc, sub, p, q) {
						if !bytes.Contains(plain, []byte(l)) {
							t.Errorf("%s: line %q missing", q.ID, l)
						}
					}
				}
			}
		}
	}
}

// The page's policy lets in exactly its own script and style, and the
// locked screen is in the person's language and says nothing more.
func TestPageOutside(t *testing.T) {
	full := sampleBinder(t)
	sub := full.Subset(DefaultSelection(full))
	for _, tag := range locales.Available() {
		loc := locale(t, tag)
		page, err := Build(sub, Options{Loc: loc, Passphrase: testPass, workFactor: 10})
		if err != nil {
			t.Fatal(err)
		}
		s := string(page)
		if !strings.Contains(s, "<title>"+loc.T("pocket.word")+"</title>") || !strings.Contains(s, `<html lang="`+tag+`">`) {
			t.Errorf("%s: title or language missing", tag)
		}
		csp := regexp.MustCompile(`content="(default-src 'none'; [^"]*)"`).FindStringSubmatch(s)
		if csp == nil {
			t.Fatalf("%s: no Content-Security-Policy", tag)
		}
		for _, want := range []string{"script-src " + hash(bundle) + ";", "style-src " + hash(style) + ";", "base-uri 'none'", "form-action 'none'"} {
			if !strings.Contains(csp[1], want) {
				t.Errorf("%s: policy %q lacks %q", tag, csp[1], want)
			}
		}
		for _, bad := range []string{"unsafe", "connect-src", "http:", "https:", "data:", "blob:"} {
			if strings.Contains(csp[1], bad) {
				t.Errorf("%s: policy %q allows %q", tag, csp[1], bad)
			}
		}
		if n := strings.Count(s, "<script>"); n != 1 {
			t.Errorf("%s: %d scripts to run, want 1", tag, n)
		}
		for _, w := range []string{"pathway", "Pathway", "plan", "immigra", "lawyer", "release", "detention", "http://", "https://"} {
			outside := strings.ReplaceAll(strings.ReplaceAll(s, bundle, ""), string(Armored(page)), "")
			if strings.Contains(outside, w) {
				t.Errorf("%s: the page outside the script says %q", tag, w)
			}
		}
	}
}

// The viewer's script holds no eval and reaches for no storage or
// network; it ends no tag early.
func TestBundleIsPlain(t *testing.T) {
	for _, bad := range []string{"eval(", "new Function", "localStorage", "sessionStorage", "indexedDB", "document.cookie",
		"serviceWorker", "fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "</script"} {
		if strings.Contains(bundle, bad) {
			t.Errorf("the bundle holds %q", bad)
		}
	}
	if len(bundle) > 200_000 {
		t.Errorf("the bundle is %d bytes: more than expected", len(bundle))
	}
}

// Spaces do not count: the file opens with the words joined by one space,
// as the page joins what is typed.
func TestPassphraseSpaces(t *testing.T) {
	full := sampleBinder(t)
	page, err := Build(full.Subset(DefaultSelection(full)), Options{Loc: locale(t, "en"), Passphrase: "  orbit\tvelvet   canyon pupil ladder frost \n", workFactor: 10})
	if err != nil {
		t.Fatal(err)
	}
	openPocket(t, page, testPass)
}

// The TypeScript age refuses work factors over 20 (recipients.js, "scrypt
// work factor is too high"): the page must stay under it, and above what
// a guesser would find cheap.
func TestWorkFactorInRange(t *testing.T) {
	if WorkFactor < 15 || WorkFactor > 20 {
		t.Errorf("WorkFactor %d: the browser's age opens at most 20, and below 15 guesses are cheap", WorkFactor)
	}
	if !strings.Contains(bundle, "scrypt work factor is too high") {
		t.Error("the bundle no longer has the TypeScript age's work factor check: read its limit again")
	}
}

func TestBuildRefuses(t *testing.T) {
	full := sampleBinder(t)
	if _, err := Build(full.Subset(plan.Selection{}), Options{Loc: locale(t, "en"), Passphrase: testPass}); err != ErrNothing {
		t.Errorf("nothing chosen: %v, want ErrNothing", err)
	}
	if _, err := Build(full, Options{Loc: locale(t, "en"), Passphrase: " \t "}); err != crypt.ErrEmptyPassphrase {
		t.Errorf("no passphrase: %v", err)
	}
}
