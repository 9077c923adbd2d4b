// Package directory holds lists of organisations that can help: the
// guide's "Resources and Referrals", embedded, and the lists an outreach
// organisation ships of its own. It reads and checks such lists, filters
// and searches them, and turns a listing into a contact for a plan.
//
// Nothing in the guide's list is invented: the names, numbers, web
// addresses and the date are the guide's; the descriptions are ours.
package directory

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"pathway/plan"
)

//go:embed guide.json
var guideJSON []byte

// Format is the newest version of the list format this package reads.
// Format 2 added a listing's "confirmed" day; a format-1 list is a format-2
// list without it, read the same. A list that gives "confirmed" should say
// 2, so that a pathway older than the field says it needs a newer version
// instead of refusing an unknown field.
const Format = 2

// MaxList is the largest list file, in bytes.
const MaxList = 1 << 20

// Categories are the kinds of help a listing gives.
var Categories = []string{"emergency", "legal", "shelter", "health", "sex-worker-led", "migrant", "labour", "community"}

// A List is a directory: a name, the day its facts were checked, and its
// listings.
type List struct {
	Format   int       `json:"format"`
	Name     string    `json:"name"`
	Source   string    `json:"source,omitempty"`
	Date     string    `json:"date"` // when the facts were checked: 2020-01 or 2020-01-31
	Listings []Listing `json:"listings"`

	// Signer is who signed the list, for an imported list whose
	// signature was checked; nil for the guide's and an unsigned list.
	// It is kept in the vault beside the list, never in its file.
	Signer *Signer `json:"-"`
}

// A Listing is one organisation or service.
type Listing struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Phones      []Phone  `json:"phones,omitempty"`
	Web         string   `json:"web,omitempty"`
	Region      string   `json:"region"`
	Categories  []string `json:"categories"`
	Languages   []string `json:"languages,omitempty"` // BCP 47 tags, or "many"
	AlwaysOpen  bool     `json:"always_open,omitempty"`
	Description string   `json:"description"`
	// Confirmed is the day the listing's numbers were last confirmed, if
	// not the list's date: 2026-11 or 2026-11-23. See ConfirmedOn.
	Confirmed string `json:"confirmed,omitempty"`

	// List is the list the listing comes from (not part of the JSON of
	// a listing: it is the list's name and date).
	List *List `json:"-"`
}

// A Phone is a number as the list prints it.
type Phone struct {
	Text     string `json:"text"`            // as printed: "416-323-9149 ext. 234"
	Label    string `json:"label,omitempty"` // what the number is for: "intake", "Kenora"
	TTY      bool   `json:"tty,omitempty"`
	TollFree bool   `json:"toll_free,omitempty"`
}

var (
	guideOnce sync.Once
	guide     *List
)

// Guide returns the guide's list. It is embedded and checked by the tests:
// reading it cannot fail.
func Guide() *List {
	guideOnce.Do(func() {
		l, _, err := Parse(guideJSON)
		if err != nil {
			panic(fmt.Sprintf("the embedded directory does not read: %v", err))
		}
		guide = l
	})
	return guide
}

// GuideJSON returns the guide's list in the list format, as a start for
// an organisation's own.
func GuideJSON() []byte { return bytes.Clone(guideJSON) }

// IsGuide reports whether l is the embedded guide's list.
func (l *List) IsGuide() bool { return l == Guide() }

// CheckImported refuses a list that would pass for the guide's own: its
// listings would show "From: A Pathway to End Violence…" beside numbers
// the guide never printed. (Parse cannot check it: it reads the guide.)
func CheckImported(l *List) error {
	if strings.EqualFold(strings.Join(strings.Fields(l.Name), " "), Guide().Name) {
		return &Error{Code: "guide-name", Field: "name", Value: l.Name}
	}
	return nil
}

// ErrorCodes lists every Error.Code, so that callers can check that each
// has a message.
var ErrorCodes = []string{"too-big", "invalid-utf8", "invalid-json", "unknown-field", "newer-format", "bad-format",
	"missing", "bad-id", "duplicate-id", "bad-category", "bad-phone", "too-long", "bad-date", "guide-name"}

// Error says what is wrong with a list: where (the listing and the line
// of the file), and what, as a stable code the caller words.
type Error struct {
	Code    string // "too-big", "invalid-utf8", "invalid-json", "unknown-field", "newer-format", "bad-format", "missing", "bad-id", "duplicate-id", "bad-category", "bad-phone", "too-long", "bad-date"
	Listing string // the listing's name or id, if the problem is in one
	Field   string
	Value   string
	Line    int
}

func (e *Error) Error() string {
	s := "directory"
	if e.Line > 0 {
		s += fmt.Sprintf(" line %d", e.Line)
	}
	if e.Listing != "" {
		s += fmt.Sprintf(" listing %q", e.Listing)
	}
	if e.Field != "" {
		s += " field " + e.Field
	}
	s += ": " + e.Code
	if e.Value != "" {
		s += fmt.Sprintf(" %q", e.Value)
	}
	return s
}

// A Warning is a text that was cleaned on the way in: escape sequences,
// control characters or direction overrides removed.
type Warning struct {
	Listing string
	Field   string
	Line    int
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
)

// Parse reads a list in the list format, strictly: unknown fields are
// refused, every phone number must read, every category be known. Texts
// are cleaned, and each cleaning is returned as a Warning.
func Parse(data []byte) (*List, []Warning, error) {
	if len(data) > MaxList {
		return nil, nil, &Error{Code: "too-big"}
	}
	if !utf8.Valid(data) {
		return nil, nil, &Error{Code: "invalid-utf8"}
	}
	var top struct {
		Format   *int              `json:"format"`
		Name     string            `json:"name"`
		Source   string            `json:"source"`
		Date     string            `json:"date"`
		Listings []json.RawMessage `json:"listings"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&top); err != nil {
		return nil, nil, jsonError(data, err, "")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, &Error{Code: "invalid-json", Line: lineOf(data, int(dec.InputOffset()))}
	}
	switch {
	case top.Format == nil:
		return nil, nil, &Error{Code: "missing", Field: "format"}
	case *top.Format > Format:
		return nil, nil, &Error{Code: "newer-format", Value: fmt.Sprint(*top.Format)}
	case *top.Format < 1:
		return nil, nil, &Error{Code: "bad-format", Value: fmt.Sprint(*top.Format)}
	}
	l := &List{Format: *top.Format, Date: top.Date}
	var warns []Warning
	clean := func(listing, field string, line int, s string, oneLine bool) string {
		c := plan.Clean(s)
		if oneLine {
			c = plan.CleanLine(s)
		}
		if c != strings.TrimSpace(s) && c != s {
			warns = append(warns, Warning{Listing: listing, Field: field, Line: line})
		}
		return c
	}
	l.Name = clean("", "name", 0, top.Name, true)
	l.Source = clean("", "source", 0, top.Source, true)
	if l.Name == "" {
		return nil, nil, &Error{Code: "missing", Field: "name"}
	}
	if !datePattern.MatchString(l.Date) {
		return nil, nil, &Error{Code: "bad-date", Field: "date", Value: plan.CleanLine(l.Date)}
	}
	lines := listingLines(data)
	ids := map[string]bool{}
	for i, raw := range top.Listings {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		var x Listing
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&x); err != nil {
			e := jsonError(raw, err, fmt.Sprintf("listings[%d]", i))
			if pe, ok := e.(*Error); ok && line > 0 {
				pe.Line = line + max(0, pe.Line-1)
			}
			return nil, nil, e
		}
		who := plan.CleanLine(x.Name)
		if who == "" {
			who = x.ID
		}
		x.Name = clean(who, "name", line, x.Name, true)
		fail := func(code, field, value string) error {
			return &Error{Code: code, Listing: who, Field: field, Value: plan.CleanLine(value), Line: line}
		}
		switch {
		case !idPattern.MatchString(x.ID):
			return nil, nil, fail("bad-id", "id", x.ID)
		case ids[x.ID]:
			return nil, nil, fail("duplicate-id", "id", x.ID)
		case x.Name == "":
			return nil, nil, fail("missing", "name", "")
		}
		ids[x.ID] = true
		if x.Confirmed != "" && !datePattern.MatchString(x.Confirmed) {
			return nil, nil, fail("bad-date", "confirmed", x.Confirmed)
		}
		x.Web = clean(who, "web", line, x.Web, true)
		x.Region = clean(who, "region", line, x.Region, true)
		x.Description = clean(who, "description", line, x.Description, false)
		for _, f := range []struct{ name, v string }{{"name", x.Name}, {"web", x.Web}, {"region", x.Region}, {"description", x.Description}} {
			if len(f.v) > plan.MaxText {
				return nil, nil, fail("too-long", f.name, "")
			}
		}
		if len(x.Categories) == 0 {
			return nil, nil, fail("missing", "categories", "")
		}
		for _, c := range x.Categories {
			if !slices.Contains(Categories, c) {
				return nil, nil, fail("bad-category", "categories", c)
			}
		}
		for j := range x.Languages {
			x.Languages[j] = clean(who, "languages", line, x.Languages[j], true)
		}
		for j := range x.Phones {
			p := &x.Phones[j]
			p.Text = clean(who, "phones", line, p.Text, true)
			p.Label = clean(who, "phones", line, p.Label, true)
			if _, err := p.Parse(); err != nil {
				return nil, nil, fail("bad-phone", fmt.Sprintf("phones[%d]", j), p.Text)
			}
		}
		x.List = l
		l.Listings = append(l.Listings, x)
	}
	return l, warns, nil
}

// listingLines returns the line on which each listing of the list starts.
func listingLines(data []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	var lines []int
	depth := 0
	inListings := false
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return lines
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if inListings && depth == 2 && t == '{' {
					lines = append(lines, lineOf(data, int(off)+leadingSpace(data[off:])))
				}
				depth++
			case '}', ']':
				depth--
				if depth == 1 {
					inListings = false
				}
			}
		case string:
			if depth == 1 && t == "listings" {
				inListings = true
			}
		}
	}
}

func leadingSpace(b []byte) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\n' || b[n] == '\t' || b[n] == '\r' || b[n] == ',' || b[n] == ':') {
		n++
	}
	return n
}

func lineOf(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func jsonError(data []byte, err error, where string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &Error{Code: "invalid-json", Line: lineOf(data, int(syn.Offset)), Listing: where}
	case errors.As(err, &typ):
		return &Error{Code: "invalid-json", Field: typ.Field, Line: lineOf(data, int(typ.Offset)), Listing: where}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name = strings.Trim(name, `"`)
		return &Error{Code: "unknown-field", Field: plan.CleanLine(name), Listing: where,
			Line: lineOf(data, bytes.Index(data, []byte(`"`+name+`"`)))}
	}
	return &Error{Code: "invalid-json", Listing: where, Line: lineOf(data, len(data))}
}

// Parse reads the number as a phone number of a plan.
func (p Phone) Parse() (plan.Phone, error) {
	ph, err := plan.ParsePhone(p.Text)
	if err != nil {
		return ph, err
	}
	ph.TTY = ph.TTY || p.TTY
	ph.Note = p.Label
	return ph, nil
}

// Encode writes the list in the list format.
func (l *List) Encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A Filter picks listings. Empty fields pick everything.
type Filter struct {
	Category   string
	Region     string   // a place: listings there, in a wider area that holds it, or with no region
	Language   string   // a language tag; "many" languages match no single one
	AlwaysOpen bool     // only those open day and night
	Words      []string // every word must be in the listing's texts (any case)
	// Describe gives the description to search in the person's language;
	// nil searches the list's own.
	Describe func(Listing) string
}

// Find returns the listings of lists that match f, in order.
func Find(lists []*List, f Filter) []Listing {
	var out []Listing
	for _, l := range lists {
		for _, x := range l.Listings {
			if f.matches(x) {
				out = append(out, x)
			}
		}
	}
	return out
}

func (f Filter) matches(x Listing) bool {
	if f.Category != "" && !slices.Contains(x.Categories, f.Category) {
		return false
	}
	if f.Region != "" && !Serves(x.Region, f.Region) {
		return false
	}
	if f.Language != "" {
		base, _, _ := strings.Cut(strings.ToLower(f.Language), "-")
		ok := false
		for _, l := range x.Languages {
			lb, _, _ := strings.Cut(strings.ToLower(l), "-")
			if lb == base {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if f.AlwaysOpen && !x.AlwaysOpen {
		return false
	}
	desc := x.Description
	if f.Describe != nil {
		desc = f.Describe(x) + " " + x.Description
	}
	hay := strings.ToLower(strings.Join([]string{x.ID, x.Name, x.Region, x.Web, desc, strings.Join(x.Categories, " ")}, " "))
	for _, w := range f.Words {
		if !strings.Contains(hay, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// within names, for each place a list may name, the wider areas that hold
// it: a line for all of Ontario serves Hamilton too. Only places whose
// answer is not in doubt are here.
var within = map[string][]string{
	"toronto":     {"ontario", "canada"},
	"hamilton":    {"ontario", "canada"},
	"ottawa":      {"ontario", "canada"},
	"kenora":      {"ontario", "canada"},
	"thunder bay": {"ontario", "canada"},
	"london":      {"ontario", "canada"},
	"sudbury":     {"ontario", "canada"},
	"ontario":     {"canada"},
}

// Serves reports whether a listing whose region is region serves place:
// region names place (any case, a part of it will do), or names an area
// that holds place (Ontario holds Hamilton), or is empty — the list does
// not say where it serves, so it is not left out.
func Serves(region, place string) bool {
	region = strings.ToLower(strings.TrimSpace(region))
	place = strings.ToLower(strings.TrimSpace(place))
	if region == "" || place == "" || strings.Contains(region, place) {
		return true
	}
	for _, wider := range within[place] {
		for _, part := range strings.Split(region, ",") {
			if strings.TrimSpace(part) == wider {
				return true
			}
		}
	}
	return false
}

// Lookup finds a listing by id in lists.
func Lookup(lists []*List, id string) (Listing, bool) {
	for _, l := range lists {
		for _, x := range l.Listings {
			if x.ID == id {
				return x, true
			}
		}
	}
	return Listing{}, false
}

// Contact turns a listing into a contact of a binder: its name and
// numbers, and a note with where it came from. A listing open day and
// night is marked as a 24-hour line, which the cards can print on their
// back.
func (x Listing) Contact() plan.Contact {
	c := plan.Contact{Name: x.Name}
	for _, p := range x.Phones {
		if ph, err := p.Parse(); err == nil {
			c.Phones = append(c.Phones, ph)
		}
	}
	if x.AlwaysOpen {
		c.Roles = append(c.Roles, plan.RoleEmergencyService)
	}
	var note []string
	if x.Web != "" {
		note = append(note, x.Web)
	}
	if x.List != nil {
		note = append(note, x.List.Name+" ("+x.List.Date+")")
	}
	c.Note = strings.Join(note, "\n")
	c.Source = x.Source()
	return c
}

// EncodeStore writes the lists a person imported, to be sealed in the
// vault.
func EncodeStore(lists []*List) ([]byte, error) {
	var raws []json.RawMessage
	for _, l := range lists {
		b, err := l.Encode()
		if err != nil {
			return nil, err
		}
		raws = append(raws, b)
	}
	return json.Marshal(struct {
		Format int               `json:"format"`
		Lists  []json.RawMessage `json:"lists"`
	}{Format, raws})
}

// DecodeStore reads what EncodeStore or Store.Encode wrote, checking
// every list again, and returns the lists.
func DecodeStore(data []byte) ([]*List, error) {
	st, err := ReadStore(data)
	if err != nil {
		return nil, err
	}
	return st.Lists, nil
}
