package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// New returns an empty binder of the current format, started on day.
func New(day Date) *Binder {
	return &Binder{Format: Format, Created: day, Contacts: []Contact{}, Plans: []Plan{}}
}

// Decode reads a binder from its JSON text, cleans it and validates it.
// Every problem is an *Error. A binder of a newer format is refused with
// CodeNewerFormat before anything else of it is read.
func Decode(data []byte) (*Binder, error) {
	if len(data) > MaxBinder {
		return nil, &Error{Code: CodeTooBig, Limit: MaxBinder}
	}
	if !utf8.Valid(data) {
		return nil, &Error{Code: CodeInvalidUTF8, Line: lineOf(data, invalidUTF8At(data))}
	}
	var head struct {
		Format *json.RawMessage `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(data, err)
	}
	if head.Format == nil {
		return nil, &Error{Code: CodeNoFormat}
	}
	var format int
	if err := json.Unmarshal(*head.Format, &format); err != nil {
		return nil, &Error{Code: CodeBadFormat, Field: "format", Value: shorten(string(*head.Format))}
	}
	if format > Format {
		return nil, &Error{Code: CodeNewerFormat, Value: fmt.Sprint(format)}
	}
	if format < 1 {
		return nil, &Error{Code: CodeBadFormat, Field: "format", Value: fmt.Sprint(format)}
	}
	// Format 1 is a subset of format 2: every field, question, option and
	// role it may hold means the same in format 2, so a format 1 file needs
	// no migration and is written back as format 2. A later format that
	// changes a meaning migrates older ones here, before the strict
	// decoding below.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b Binder
	if err := dec.Decode(&b); err != nil {
		return nil, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &Error{Code: CodeInvalidJSON, Line: lineOf(data, int(dec.InputOffset()))}
	}
	b.Format = Format // read as the current format; written back as it
	if b.Contacts == nil {
		b.Contacts = []Contact{}
	}
	if b.Plans == nil {
		b.Plans = []Plan{}
	}
	for i := range b.Plans {
		if b.Plans[i].Answers == nil {
			b.Plans[i].Answers = map[string]Answer{}
		}
	}
	// A name with an invisible character could pass for another person's:
	// refused, before cleaning could hide it.
	for i, c := range b.Contacts {
		if r, pos, ok := NameChar(c.Name); !ok {
			return nil, &Error{Code: CodeNameChar, Field: fmt.Sprintf("contacts[%d].name", i), Value: fmt.Sprintf("U+%04X", r), Limit: pos}
		}
		if r, pos, ok := NameChar(c.CardName); !ok {
			return nil, &Error{Code: CodeNameChar, Field: fmt.Sprintf("contacts[%d].card_name", i), Value: fmt.Sprintf("U+%04X", r), Limit: pos}
		}
	}
	b.Clean()
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return &b, nil
}

// Encode validates the binder and writes it as indented JSON, with the
// current [Format] whatever older format b says: what it holds may be
// what only the current format has. The same binder always gives the same
// bytes.
func Encode(b *Binder) ([]byte, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	current := *b
	current.Format = Format
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&current); err != nil {
		return nil, fmt.Errorf("encoding binder: %w", err)
	}
	if buf.Len() > MaxBinder {
		return nil, &Error{Code: CodeTooBig, Limit: MaxBinder}
	}
	return buf.Bytes(), nil
}

// jsonError turns an encoding/json error into an *Error with a line.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var pe *Error
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &syn):
		return &Error{Code: CodeInvalidJSON, Line: lineOf(data, int(syn.Offset)), Err: err}
	case errors.As(err, &typ):
		return &Error{Code: CodeInvalidJSON, Field: typ.Field, Line: lineOf(data, int(typ.Offset)), Err: err}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Code: CodeInvalidJSON, Line: lineOf(data, len(data)), Err: err}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &Error{Code: CodeUnknownField, Value: strings.Trim(name, `"`), Line: lineOf(data, strings.Index(string(data), name))}
	}
	return &Error{Code: CodeInvalidJSON, Err: err}
}

// lineOf returns the 1-based line of byte offset off in data.
func lineOf(data []byte, off int) int {
	if off < 0 {
		return 0
	}
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Plan returns the plan with the given id, or nil.
func (b *Binder) Plan(id string) *Plan {
	for i := range b.Plans {
		if b.Plans[i].ID == id {
			return &b.Plans[i]
		}
	}
	return nil
}

// Contact returns the contact with the given id, or nil.
func (b *Binder) Contact(id string) *Contact {
	for i := range b.Contacts {
		if b.Contacts[i].ID == id {
			return &b.Contacts[i]
		}
	}
	return nil
}

// ToLearn returns the contacts marked to learn by heart that have a number.
func (b *Binder) ToLearn() []Contact {
	var out []Contact
	for _, c := range b.Contacts {
		if c.Learn && len(c.Phones) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// NewPlanID returns an id for a new plan of kind k: "safety-1", "safety-2"…
func (b *Binder) NewPlanID(k Kind) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s-%d", k, n)
		if b.Plan(id) == nil {
			return id
		}
	}
}

// NewContactID returns an id for a new contact: "c1", "c2"…
func (b *Binder) NewContactID() string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("c%d", n)
		if b.Contact(id) == nil {
			return id
		}
	}
}
