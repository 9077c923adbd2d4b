package plan

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what a binder may hold.
const (
	// MaxText is the longest text, in bytes, of any one answer or field.
	MaxText = 4 << 10
	// MaxBinder is the largest binder JSON, in bytes.
	MaxBinder = 1 << 20
)

// Error codes. Each is also the last part of a message key ("error.plan."
// + code) under which the caller finds the words for the person.
const (
	CodeTooBig          = "too-big"          // the binder is over MaxBinder
	CodeInvalidUTF8     = "invalid-utf8"     // the bytes are not UTF-8 text
	CodeInvalidJSON     = "invalid-json"     // not JSON, or not the binder's shape
	CodeUnknownField    = "unknown-field"    // a field this version does not know
	CodeNoFormat        = "no-format"        // the "format" number is missing
	CodeNewerFormat     = "newer-format"     // made by a newer pathway
	CodeBadFormat       = "bad-format"       // a format number that never existed
	CodeTooLong         = "too-long"         // a text is over MaxText
	CodeBadDate         = "bad-date"         // a date that is not YYYY-MM-DD
	CodeBadID           = "bad-id"           // an empty or malformed id
	CodeDuplicateID     = "duplicate-id"     // two contacts or plans share an id
	CodeNoName          = "no-name"          // a contact without a name
	CodeNameChar        = "name-char"        // a name with an invisible or direction character
	CodeBadRole         = "bad-role"         // an unknown role
	CodeBadPhone        = "bad-phone"        // a phone number that does not parse, or a bad ext or groups
	CodeBadKind         = "bad-kind"         // a plan kind other than safety or release
	CodeBadStatus       = "bad-status"       // a plan status other than draft or done
	CodeUnknownQuestion = "unknown-question" // an answer to no question of that plan kind
	CodeBadAnswer       = "bad-answer"       // an answer of the wrong shape for its question
	CodeBadOption       = "bad-option"       // an option the question does not have
	CodeUnknownContact  = "unknown-contact"  // a reference to a contact that does not exist
	CodeBadSection      = "bad-section"      // a resume point that is no section of the plan
)

// Error says what is wrong with a binder, and where.
type Error struct {
	Code  string // one of the Code constants
	Field string // where: "contacts[2].phones[0]", or "" for the whole binder
	Value string // the offending value, shortened, when it helps
	Limit int    // the limit broken, for CodeTooLong and CodeTooBig
	Line  int    // the line in the JSON text, when known
	Err   error  // the underlying error, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("binder")
	if e.Field != "" {
		b.WriteString(" " + e.Field)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d)", e.Line)
	}
	b.WriteString(": " + e.Code)
	if e.Value != "" {
		fmt.Fprintf(&b, " %q", e.Value)
	}
	if e.Limit > 0 {
		fmt.Fprintf(&b, " (limit %d)", e.Limit)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// shorten keeps an offending value short enough to show in a message.
func shorten(s string) string {
	s = CleanLine(s)
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:39]) + "…"
}

var ansi = regexp.MustCompile(
	// CSI sequences, OSC/DCS/PM/APC strings ended by BEL or ST (or
	// nothing), and two-character escapes.
	"\x1b\\[[0-?]*[ -/]*[@-~]?" +
		"|\x1b[\\]PX^_][^\x07\x1b]*(\x07|\x1b\\\\)?" +
		"|\u009b[0-?]*[ -/]*[@-~]?" +
		"|[\u0090\u009d\u009e\u009f][^\x07\u009c]*[\x07\u009c]?" +
		"|\x1b[ -~]?")

// isBidiControl reports the characters that reorder text on screen and can
// make a name or a number look like something else.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// Clean removes from s what must never reach a terminal or a printout:
// escape sequences, control characters, and bidirectional overrides.
// Line breaks are kept (as "\n") and tabs become spaces. Invalid UTF-8
// bytes become U+FFFD.
func Clean(s string) string {
	if !needsCleaning(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = ansi.ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r == '\r' || r == '\u2028' || r == '\u2029':
			return '\n'
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, s)
}

// CleanLine is Clean for one-line texts such as names: line breaks become
// spaces and the ends are trimmed.
func CleanLine(s string) string {
	s = Clean(s)
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.TrimSpace(s)
}

func needsCleaning(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r == '\t' || r == '\r' || r == '\u2028' || r == '\u2029' ||
			(r != '\n' && unicode.IsControl(r)) || isBidiControl(r) {
			return true
		}
	}
	return false
}

// Clean cleans every text of the binder in place (see [Clean]) and puts
// phone numbers in their normal form where they parse. It does not check
// limits: [Binder.Validate] does.
func (b *Binder) Clean() {
	b.Language = CleanLine(b.Language)
	for i := range b.Contacts {
		c := &b.Contacts[i]
		c.ID = CleanLine(c.ID)
		c.Name = CleanLine(c.Name)
		c.CardName = CleanLine(c.CardName)
		c.Address = Clean(c.Address)
		c.Note = Clean(c.Note)
		for j := range c.Languages {
			c.Languages[j] = CleanLine(c.Languages[j])
		}
		if s := c.IfSilent; s != nil {
			s.After, s.First, s.Words, s.Others = Clean(s.After), Clean(s.First), Clean(s.Words), Clean(s.Others)
			for j := range s.Tell {
				s.Tell[j] = CleanLine(s.Tell[j])
			}
		}
		for j := range c.Phones {
			p := &c.Phones[j]
			p.Number = CleanLine(p.Number)
			p.Ext = CleanLine(p.Ext)
			p.Note = CleanLine(p.Note)
			raw := p.Number
			if p.Ext != "" {
				raw += " ext " + p.Ext
			}
			if n, err := ParsePhone(raw); err == nil {
				p.Number, p.Ext = n.Number, n.Ext
				p.TTY = p.TTY || n.TTY
				if p.Grouping == "" {
					p.Grouping = n.Grouping // as typed in the file
				}
			}
		}
	}
	for i := range b.Plans {
		p := &b.Plans[i]
		p.ID = CleanLine(p.ID)
		p.Context = CleanLine(p.Context)
		p.Resume = CleanLine(p.Resume)
		for id, a := range p.Answers {
			a.Text = Clean(a.Text)
			a.Choice = CleanLine(a.Choice)
			for j := range a.Checked {
				a.Checked[j] = CleanLine(a.Checked[j])
			}
			for j := range a.Contacts {
				a.Contacts[j] = CleanLine(a.Contacts[j])
			}
			p.Answers[id] = a
		}
	}
	for i := range b.Practice {
		pr := &b.Practice[i]
		pr.Contact = CleanLine(pr.Contact)
		pr.Number = CleanLine(pr.Number)
		if n, err := ParsePhone(pr.Number); err == nil && n.Ext == "" {
			pr.Number = n.Number
		}
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// Validate checks the binder against the catalogue and the limits. It
// returns the first problem found, as an *Error.
func (b *Binder) Validate() error {
	if b.Format > Format {
		return &Error{Code: CodeNewerFormat, Value: fmt.Sprint(b.Format)}
	}
	if b.Format < 1 {
		return &Error{Code: CodeBadFormat, Value: fmt.Sprint(b.Format)}
	}
	if err := checkText("language", b.Language); err != nil {
		return err
	}
	contactIDs := map[string]bool{}
	for i, c := range b.Contacts {
		at := fmt.Sprintf("contacts[%d]", i)
		if !idPattern.MatchString(c.ID) {
			return &Error{Code: CodeBadID, Field: at + ".id", Value: shorten(c.ID)}
		}
		if contactIDs[c.ID] {
			return &Error{Code: CodeDuplicateID, Field: at + ".id", Value: c.ID}
		}
		contactIDs[c.ID] = true
		if c.Name == "" {
			return &Error{Code: CodeNoName, Field: at + ".name"}
		}
		for _, f := range [][2]string{{"name", c.Name}, {"address", c.Address}, {"note", c.Note}} {
			if err := checkText(at+"."+f[0], f[1]); err != nil {
				return err
			}
		}
		if err := CheckCardName(at+".card_name", c.CardName); err != nil {
			return err
		}
		for j, l := range c.Languages {
			if err := checkText(fmt.Sprintf("%s.languages[%d]", at, j), l); err != nil {
				return err
			}
		}
		for j, r := range c.Roles {
			if !r.Valid() {
				return &Error{Code: CodeBadRole, Field: fmt.Sprintf("%s.roles[%d]", at, j), Value: shorten(string(r))}
			}
		}
		if err := c.checkListed(at); err != nil {
			return err
		}
		for j, p := range c.Phones {
			pat := fmt.Sprintf("%s.phones[%d]", at, j)
			n, err := ParsePhone(p.Number)
			if err != nil || n.Number != p.Number {
				return &Error{Code: CodeBadPhone, Field: pat, Value: shorten(p.Number), Err: err}
			}
			if p.Ext != "" && !isDigits(p.Ext, 6) {
				return &Error{Code: CodeBadPhone, Field: pat + ".ext", Value: shorten(p.Ext)}
			}
			if !p.Grouping.Fits(p.Number) {
				return &Error{Code: CodeBadPhone, Field: pat + ".groups", Value: shorten(string(p.Grouping))}
			}
			if err := checkText(pat+".note", p.Note); err != nil {
				return err
			}
		}
	}
	for i, c := range b.Contacts {
		if err := checkIfSilent(fmt.Sprintf("contacts[%d].if_silent", i), c, contactIDs); err != nil {
			return err
		}
	}
	planIDs := map[string]bool{}
	for i, p := range b.Plans {
		at := fmt.Sprintf("plans[%d]", i)
		if !idPattern.MatchString(p.ID) {
			return &Error{Code: CodeBadID, Field: at + ".id", Value: shorten(p.ID)}
		}
		if planIDs[p.ID] {
			return &Error{Code: CodeDuplicateID, Field: at + ".id", Value: p.ID}
		}
		planIDs[p.ID] = true
		if !p.Kind.Valid() {
			return &Error{Code: CodeBadKind, Field: at + ".kind", Value: shorten(string(p.Kind))}
		}
		if p.Status != Draft && p.Status != Done {
			return &Error{Code: CodeBadStatus, Field: at + ".status", Value: shorten(string(p.Status))}
		}
		if err := checkText(at+".context", p.Context); err != nil {
			return err
		}
		if p.Resume != "" && !slices.ContainsFunc(Sections(p.Kind), func(s Section) bool { return s.ID == p.Resume }) {
			return &Error{Code: CodeBadSection, Field: at + ".resume", Value: shorten(p.Resume)}
		}
		for _, id := range sortedKeys(p.Answers) {
			if err := checkAnswer(fmt.Sprintf("%s.answers[%q]", at, id), p.Kind, id, p.Answers[id], contactIDs); err != nil {
				return err
			}
		}
	}
	for i, pr := range b.Practice {
		at := fmt.Sprintf("practice[%d]", i)
		if !contactIDs[pr.Contact] {
			return &Error{Code: CodeUnknownContact, Field: at + ".contact", Value: shorten(pr.Contact)}
		}
		if n, err := ParsePhone(pr.Number); err != nil || n.Number != pr.Number {
			return &Error{Code: CodeBadPhone, Field: at + ".number", Value: shorten(pr.Number), Err: err}
		}
		if pr.Box < 0 || pr.Box > 10 {
			return &Error{Code: CodeBadAnswer, Field: at + ".box", Value: fmt.Sprint(pr.Box)}
		}
	}
	return nil
}

// checkIfSilent checks what contact c agreed to do if they do not hear
// from the person: its texts within the limits, and the contacts it
// names known, each once, and not c themselves.
func checkIfSilent(at string, c Contact, contactIDs map[string]bool) error {
	s := c.IfSilent
	if s == nil {
		return nil
	}
	for _, f := range [][2]string{{"after", s.After}, {"first", s.First}, {"words", s.Words}, {"others", s.Others}} {
		if err := checkText(at+"."+f[0], f[1]); err != nil {
			return err
		}
	}
	for j, id := range s.Tell {
		field := fmt.Sprintf("%s.tell[%d]", at, j)
		if !contactIDs[id] || id == c.ID {
			return &Error{Code: CodeUnknownContact, Field: field, Value: shorten(id)}
		}
		if slices.Index(s.Tell, id) != j {
			return &Error{Code: CodeDuplicateID, Field: field, Value: shorten(id)}
		}
	}
	return nil
}

func checkAnswer(at string, kind Kind, id string, a Answer, contactIDs map[string]bool) error {
	q, ok := Lookup(id)
	if !ok || !slices.ContainsFunc(Sections(kind), func(s Section) bool { return s.ID == q.Section }) {
		return &Error{Code: CodeUnknownQuestion, Field: at}
	}
	if err := checkText(at+".text", a.Text); err != nil {
		return err
	}
	wrong := func(field string) error { return &Error{Code: CodeBadAnswer, Field: at + "." + field} }
	if a.NotApply && (a.Yes != nil || a.Choice != "" || len(a.Checked) > 0 || len(a.Contacts) > 0) {
		return wrong("na")
	}
	if a.Yes != nil && q.Kind != YesNo {
		return wrong("yes")
	}
	if a.Choice != "" && (q.Kind != Choice || !q.HasOption(a.Choice)) {
		if q.Kind != Choice {
			return wrong("choice")
		}
		return &Error{Code: CodeBadOption, Field: at + ".choice", Value: shorten(a.Choice)}
	}
	if len(a.Checked) > 0 && q.Kind != Checklist {
		return wrong("checked")
	}
	for j, o := range a.Checked {
		if !q.HasOption(o) {
			return &Error{Code: CodeBadOption, Field: fmt.Sprintf("%s.checked[%d]", at, j), Value: shorten(o)}
		}
		if slices.Index(a.Checked, o) != j {
			return &Error{Code: CodeDuplicateID, Field: fmt.Sprintf("%s.checked[%d]", at, j), Value: shorten(o)}
		}
	}
	if len(a.Contacts) > 0 && q.Kind != Contacts {
		return wrong("contacts")
	}
	for j, c := range a.Contacts {
		if !contactIDs[c] {
			return &Error{Code: CodeUnknownContact, Field: fmt.Sprintf("%s.contacts[%d]", at, j), Value: shorten(c)}
		}
		if slices.Index(a.Contacts, c) != j {
			return &Error{Code: CodeDuplicateID, Field: fmt.Sprintf("%s.contacts[%d]", at, j), Value: shorten(c)}
		}
	}
	return nil
}

// CheckCardName checks a card name, already cleaned, at field at: not
// longer than [MaxCardName], and without an invisible or direction
// character (like a name, it must not pass for another). Empty is allowed.
func CheckCardName(at, s string) error {
	if len(s) > MaxCardName {
		return &Error{Code: CodeTooLong, Field: at, Limit: MaxCardName}
	}
	if r, pos, ok := NameChar(s); !ok {
		return &Error{Code: CodeNameChar, Field: at, Value: fmt.Sprintf("U+%04X", r), Limit: pos}
	}
	return nil
}

func checkText(at, s string) error {
	if len(s) > MaxText {
		return &Error{Code: CodeTooLong, Field: at, Limit: MaxText}
	}
	return nil
}

func isDigits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
