// Package pocket makes the pocket file: one HTML page that holds a part of
// a person's plans, sealed with age, and everything needed to open it in a
// phone's browser with no network, no install and nothing stored.
//
// The sealed part is an armored age file ("-----BEGIN AGE ENCRYPTED
// FILE-----") sealed with a passphrase (scrypt): the real age command
// opens the same bytes cut out of the page. In the browser, the official
// TypeScript age (the npm package age-encryption), bundled with the small
// viewer in js/ into viewer.bundle.js, opens it. The page's
// Content-Security-Policy lets nothing in or out: no connection, no font,
// no image, and only its own two scripts and one style, by hash.
//
// Outside, the page says nothing of pathway, plans, law or immigration:
// its title and first screen are one neutral word and a passphrase field,
// in the person's language.
package pocket

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"

	"filippo.io/age/armor"

	"pathway/crypt"
	"pathway/locales"
	"pathway/plan"
	"pathway/printout"
)

// WorkFactor is the scrypt work factor (log2 of N) a pocket file is sealed
// with: the largest that a slow phone's browser opens in about ten seconds
// and under 300 MB (measured in headless Chromium with the processor
// slowed four times; see BENCHMARKS.md and docs/threat-model.md). It is
// lower than age's default of 18, which the browser's scrypt needs 256 MiB
// for, on top of the page.
const WorkFactor = 16

// FileName is the name a pocket file gets when the person gives none: a
// word that says nothing of what is inside.
const FileName = "notes.html"

// Words is the length of a generated passphrase, in words of crypt's list.
const Words = 6

// ErrNothing is returned when the chosen parts hold nothing to show.
var ErrNothing = errors.New("pocket: nothing to put in the file")

//go:embed viewer.bundle.js
var bundle string

//go:embed viewer.css
var style string

// Options are the choices of a pocket file.
type Options struct {
	// Loc is the language of every word in the file.
	Loc *locales.Locale
	// Passphrase seals the file; it must not be empty. Spaces around and
	// between its words do not count: the file is sealed with the words
	// joined by one space, as the page joins what is typed on a phone.
	Passphrase string
	// CallLinks makes every number a link that calls it when tapped.
	CallLinks bool

	workFactor int // 0: WorkFactor; tests lower it
}

// DefaultSelection is what a pocket file holds when the person chooses
// nothing: of each release plan, the numbers to know by heart, who does
// what and the release address; of each safety plan, who its people are
// and their numbers.
func DefaultSelection(b *plan.Binder) plan.Selection {
	sel := plan.Selection{}
	for _, p := range b.Plans {
		for _, s := range plan.Sections(p.Kind) {
			for _, q := range s.Questions {
				if q.Kind == plan.Contacts || q.Kind == plan.Learn || q.ID == "out.address" {
					sel[p.ID] = append(sel[p.ID], q.ID)
				}
			}
		}
	}
	return sel
}

// Build makes the pocket file of b, a binder that holds only the parts
// to put in it (see plan.Binder.Subset).
func Build(b *plan.Binder, o Options) ([]byte, error) {
	o.Passphrase = strings.Join(strings.Fields(o.Passphrase), " ")
	if o.Passphrase == "" {
		return nil, crypt.ErrEmptyPassphrase
	}
	data, err := payload(b, o)
	if err != nil {
		return nil, err
	}
	k, err := crypt.Passphrase(o.Passphrase)
	if err != nil {
		return nil, err
	}
	wf := o.workFactor
	if wf == 0 {
		wf = WorkFactor
	}
	sealed, err := crypt.Seal(data, k.WithWorkFactor(wf))
	if err != nil {
		return nil, fmt.Errorf("sealing the pocket file: %w", err)
	}
	var armored bytes.Buffer
	w := armor.NewWriter(&armored)
	if _, err := w.Write(sealed); err != nil {
		return nil, fmt.Errorf("armoring the pocket file: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("armoring the pocket file: %w", err)
	}
	return assemble(o.Loc, armored.String())
}

// Armored returns the armored age file inside a pocket file, or nil if
// there is none: what "age -d" opens.
func Armored(page []byte) []byte {
	const begin, end = "-----BEGIN AGE ENCRYPTED FILE-----", "-----END AGE ENCRYPTED FILE-----\n"
	i := bytes.Index(page, []byte(begin))
	j := bytes.Index(page, []byte(end))
	if i < 0 || j < i {
		return nil
	}
	return page[i : j+len(end)]
}

// lockStrings are the only words the page shows before it is opened:
// neutral ones.
type lockStrings struct {
	Wrong string `json:"wrong"`
	Wait  string `json:"wait"`
	Old   string `json:"old"`
}

// assemble writes the HTML: the locked screen, the sealed file, the
// viewer, and a policy that allows exactly its own script and style.
func assemble(loc *locales.Locale, armored string) ([]byte, error) {
	T := loc.T
	if strings.Contains(strings.ToLower(bundle), "</script") {
		return nil, errors.New("pocket: the viewer's script would end its own tag")
	}
	ls, err := json.Marshal(lockStrings{Wrong: T("pocket.wrong"), Wait: T("pocket.wait"), Old: T("pocket.old")})
	if err != nil {
		return nil, err
	}
	word := html.EscapeString(T("pocket.word"))
	csp := "default-src 'none'; script-src " + hash(bundle) + "; style-src " + hash(style) +
		"; base-uri 'none'; form-action 'none'"
	var b strings.Builder
	b.WriteString("<!doctype html>\n")
	fmt.Fprintf(&b, "<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(loc.Tag))
	fmt.Fprintf(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", csp)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", word, style)
	fmt.Fprintf(&b, "<main id=\"l\"><form id=\"f\"><label for=\"p\">%s</label>\n", word)
	b.WriteString("<input id=\"p\" type=\"password\" autocomplete=\"off\" autocapitalize=\"none\" autocorrect=\"off\" spellcheck=\"false\">\n")
	fmt.Fprintf(&b, "<button id=\"o\">%s</button>\n<p id=\"m\" role=\"status\"></p></form></main>\n", html.EscapeString(T("pocket.open")))
	b.WriteString("<main id=\"a\" hidden></main>\n")
	// Data blocks: the browser runs neither.
	fmt.Fprintf(&b, "<script type=\"application/json\" id=\"s\">%s</script>\n", ls)
	fmt.Fprintf(&b, "<script type=\"text/plain\" id=\"d\">\n%s</script>\n", armored)
	fmt.Fprintf(&b, "<script>%s</script>\n</body>\n</html>\n", bundle)
	return []byte(b.String()), nil
}

// hash is the CSP source that allows one inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// content is what the sealed file holds, as the viewer reads it.
type content struct {
	Lang   string            `json:"lang"`
	T      map[string]string `json:"t"`
	Learn  []person          `json:"learn,omitempty"`  // the numbers to know by heart
	People []person          `json:"people,omitempty"` // who does what
	Plans  []planView        `json:"parts,omitempty"`
	Drill  []drill           `json:"drill,omitempty"`
	Seps   string            `json:"seps"`
	Zeros  []rune            `json:"zeros"`
}

type person struct {
	Name  string   `json:"name"`
	Roles []string `json:"roles,omitempty"`
	// Phones are the numbers, each whole, in its spoken groups.
	Phones []phone `json:"phones,omitempty"`
}

type phone struct {
	Groups []string `json:"groups"`
	Ext    string   `json:"ext,omitempty"` // worded: "ext. 234"
	Tel    string   `json:"tel,omitempty"` // for a tel: link, if chosen
}

type planView struct {
	Title    string        `json:"title"`
	Context  string        `json:"context,omitempty"`
	Sections []sectionView `json:"sections"`
}

type sectionView struct {
	Title string `json:"title"`
	Items []item `json:"items"`
}

type item struct {
	Q     string   `json:"q"`
	Lines []string `json:"lines,omitempty"`
}

type drill struct {
	Name   string   `json:"name"`
	Groups []string `json:"groups"`
	Accept []string `json:"accept"`
}

// payload words b for the viewer, as JSON.
func payload(b *plan.Binder, o Options) ([]byte, error) {
	loc := o.Loc
	T := loc.T
	c := content{Lang: loc.Tag, Seps: plan.DialSeparators(), Zeros: plan.DialZeros(), T: map[string]string{
		"summary": T("pocket.summary"),
		"drill":   T("practise.title"),
		"close":   T("pocket.close"),
		"numbers": T("pocket.numbers"),
		"people":  T("pocket.people"),
		"ask":     T("practise.ask", "Name", "{1}"),
		"check":   T("pocket.check"),
		"skip":    T("practise.skip-help"),
		"digits":  T("practise.check-digits"),
		"right":   T("practise.right", "Number", "{1}"),
		"wrong":   T("practise.wrong", "Number", "{1}"),
		"score":   T("pocket.score", "Right", "{1}", "Total", "{2}"),
		"again":   T("pocket.again"),
	}}
	phoneOf := func(ph plan.Phone) phone {
		v := phone{Groups: ph.Groups()}
		if ph.Ext != "" {
			v.Ext = T("print.ext", "Ext", ph.Ext)
		}
		if ph.TTY {
			v.Ext = strings.TrimSpace(v.Ext + " " + T("show.tty"))
		}
		if o.CallLinks {
			v.Tel = ph.Number
			if ph.Ext != "" {
				v.Tel += "," + ph.Ext // dialled after a pause
			}
		}
		return v
	}
	for _, ct := range b.Contacts {
		p := person{Name: ct.Name}
		for _, r := range ct.Roles {
			p.Roles = append(p.Roles, T(plan.RoleKey(r)))
		}
		for _, ph := range ct.Phones {
			p.Phones = append(p.Phones, phoneOf(ph))
		}
		c.People = append(c.People, p)
	}
	for _, ct := range b.ToLearn() {
		ph := ct.Phones[0]
		c.Learn = append(c.Learn, person{Name: ct.Name, Phones: []phone{phoneOf(ph)}})
		c.Drill = append(c.Drill, drill{Name: ct.OnCard(), Groups: ph.Groups(), Accept: ph.MatchDigits()})
	}
	for _, p := range b.Plans {
		pv := planView{Title: T(plan.KindTitleKey(p.Kind)), Context: p.Context}
		for _, s := range plan.Sections(p.Kind) {
			sv := sectionView{Title: T(s.TitleKey())}
			for _, q := range s.Questions {
				a, ok := p.Answers[q.ID]
				if !ok || a.Empty() || q.Kind == plan.Learn {
					continue // the numbers to learn are shown first, whole
				}
				it := item{Q: T(q.TitleKey())}
				if q.Kind == plan.Contacts {
					// The people are in "who does what", once each with
					// their roles; here only the note the person wrote.
					if a.Text == "" {
						continue
					}
					it.Lines = strings.Split(a.Text, "\n")
				} else {
					it.Lines = printout.AnswerLines(loc, b, p, q)
				}
				sv.Items = append(sv.Items, it)
			}
			if len(sv.Items) > 0 {
				pv.Sections = append(pv.Sections, sv)
			}
		}
		if len(pv.Sections) > 0 || pv.Context != "" {
			c.Plans = append(c.Plans, pv)
		}
	}
	if len(c.Learn) == 0 && len(c.People) == 0 && len(c.Plans) == 0 {
		return nil, ErrNothing
	}
	data, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("writing the pocket file's content: %w", err)
	}
	return data, nil
}
