package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// ShareKind marks a file made by pathway share.
const ShareKind = "pathway-share"

// A Share is what pathway share writes, sealed for one person: a part of a
// binder, who it is for, why, and until when. The end date is a courtesy
// of pathway (pathway open refuses to show an expired share); it is not a
// cryptographic guarantee.
type Share struct {
	Format  int     `json:"format"`
	Kind    string  `json:"kind"`
	For     string  `json:"for"`
	Purpose string  `json:"purpose"`
	Until   Date    `json:"until"`
	Made    Date    `json:"made"`
	Binder  *Binder `json:"binder"`
}

// Expired reports whether the share may no longer be shown on day today:
// it may be shown on its last day, not after.
func (s *Share) Expired(today Date) bool { return s.Until.Before(today) }

// EncodeShare writes a share as JSON, it and its binder with the current
// [Format], as Encode does: a share can hold what only the current format
// has (a helper's "if_silent", an answer's "na"), and a pathway of an
// older format must say that it comes from a newer one.
func EncodeShare(s *Share) ([]byte, error) {
	if err := s.Binder.Validate(); err != nil {
		return nil, err
	}
	current, binder := *s, *s.Binder
	current.Format, binder.Format = Format, Format
	current.Binder = &binder
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&current); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeShare reads a share, checking the binder inside as Decode does.
func DecodeShare(data []byte) (*Share, error) {
	var raw struct {
		Format  int             `json:"format"`
		Kind    string          `json:"kind"`
		For     string          `json:"for"`
		Purpose string          `json:"purpose"`
		Until   Date            `json:"until"`
		Made    Date            `json:"made"`
		Binder  json.RawMessage `json:"binder"`
	}
	if len(data) > MaxBinder+MaxText*4 {
		return nil, &Error{Code: CodeTooBig, Limit: MaxBinder}
	}
	if err := json.Unmarshal(data, &raw); err != nil || raw.Kind != ShareKind {
		return nil, &Error{Code: CodeInvalidJSON}
	}
	if raw.Format > Format {
		return nil, &Error{Code: CodeNewerFormat, Value: fmt.Sprint(raw.Format)}
	}
	b, err := Decode(raw.Binder)
	if err != nil {
		return nil, err
	}
	return &Share{Format: raw.Format, Kind: raw.Kind, For: CleanLine(raw.For), Purpose: CleanLine(raw.Purpose),
		Until: raw.Until, Made: raw.Made, Binder: b}, nil
}

// A Selection is what to share: per plan id, the question ids.
type Selection map[string][]string

// Empty reports whether nothing is selected.
func (s Selection) Empty() bool {
	for _, qs := range s {
		if len(qs) > 0 {
			return false
		}
	}
	return true
}

// SelectSections reads parts named as "bond" (that section of every plan
// that has it), "release-1/bond" (of one plan) or "release-1" (a whole
// plan). It returns the part it could not find, if any.
func (b *Binder) SelectSections(parts []string) (Selection, string) {
	sel := Selection{}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		planID, section, hasPlan := strings.Cut(part, "/")
		if hasPlan && (planID == "" || section == "") {
			return nil, part
		}
		if !hasPlan {
			section = part
			planID = ""
			if b.Plan(part) != nil {
				planID, section = part, ""
			}
		}
		found := false
		for _, p := range b.Plans {
			if planID != "" && p.ID != planID {
				continue
			}
			if section == "" || section == AboutPart {
				// The plan's "about" line travels only when chosen: alone,
				// or with the whole plan.
				if !slices.Contains(sel[p.ID], AboutPart) {
					sel[p.ID] = append(sel[p.ID], AboutPart)
				}
				if section == AboutPart {
					found = true
					continue
				}
			}
			for _, s := range Sections(p.Kind) {
				if section == "" || s.ID == section {
					for _, q := range s.Questions {
						if !slices.Contains(sel[p.ID], q.ID) {
							sel[p.ID] = append(sel[p.ID], q.ID)
						}
					}
					found = true
				}
			}
		}
		if !found {
			return nil, part
		}
	}
	return sel, ""
}

// AboutPart is the part of a plan that holds what it is about (its
// context, such as "my partner"): shared only when chosen, as
// "release-1/about", or with the whole plan.
const AboutPart = "about"

// silencePrefix marks, in a Selection, one helper's "if you don't hear
// from me" (Contact.IfSilent): "if-silent:c3". It is not a question id,
// so it can never be mistaken for one.
const silencePrefix = "if-silent:"

// SelectFor selects what the contact needs for the parts they play: for
// each of their roles, the questions that fill that role's sheet (see
// RoleInfo.Sheet), in the plans where they play it (see RolePlans), and
// what they agreed to do if they do not hear from the person, with the
// names and numbers of those they would tell — theirs only, never
// another helper's. The helper's sheet prints the same.
func (b *Binder) SelectFor(contactID string) Selection {
	sel := Selection{}
	c := b.Contact(contactID)
	if c == nil {
		return sel
	}
	for _, r := range c.Roles {
		for _, p := range b.RolePlans(c, r) {
			ids := r.SheetQuestions()
			if r.HasSilence() && !c.IfSilent.Empty() {
				ids = append(ids, silencePrefix+c.ID)
			}
			for _, id := range ids {
				if !slices.Contains(sel[p.ID], id) {
					sel[p.ID] = append(sel[p.ID], id)
				}
			}
		}
	}
	return sel
}

// Subset returns a new binder with only the selected answers, the plans
// they belong to, and the contacts they name. Nothing else of the binder
// goes into it: no other answer, no other contact, no practice record.
// What a helper agreed to do if they do not hear from the person goes
// with it only when chosen: for one helper (SelectFor), or for every
// helper of a plan whose Silence question is selected.
func (b *Binder) Subset(sel Selection) *Binder {
	out := New(b.Created)
	out.Language = b.Language
	var keep []string
	learn := false               // the numbers to learn are a chosen part
	roles := map[string][]Role{} // contact → the roles of the chosen parts
	silent := map[string]bool{}  // contacts whose IfSilent goes too
	keepSilent := func(c *Contact) {
		if c == nil || c.IfSilent.Empty() {
			return
		}
		silent[c.ID] = true
		keep = append(keep, c.ID)
		keep = append(keep, c.IfSilent.Tell...)
	}
	for _, p := range b.Plans {
		qs := sel[p.ID]
		if len(qs) == 0 {
			continue
		}
		np := Plan{ID: p.ID, Kind: p.Kind, Status: p.Status, Created: p.Created,
			Updated: p.Updated, Reviewed: p.Reviewed, Answers: map[string]Answer{}}
		if slices.Contains(qs, AboutPart) {
			np.Context = p.Context
		}
		for _, id := range qs {
			if a, ok := p.Answers[id]; ok {
				np.Answers[id] = a
				keep = append(keep, a.Contacts...)
				if q, _ := Lookup(id); q.Role != "" {
					for _, c := range a.Contacts {
						roles[c] = append(roles[c], q.Role)
					}
				}
			}
			if cid, ok := strings.CutPrefix(id, silencePrefix); ok {
				keepSilent(b.Contact(cid))
			}
			if q, _ := Lookup(id); q.Kind == Silence {
				for _, c := range b.Helpers(&p) {
					keepSilent(c)
				}
			}
			if q, _ := Lookup(id); q.Kind == Learn {
				learn = true
				for _, c := range b.ToLearn() {
					keep = append(keep, c.ID)
				}
			}
		}
		out.Plans = append(out.Plans, np)
	}
	for _, c := range b.Contacts {
		if !slices.Contains(keep, c.ID) {
			continue
		}
		// Only what the parts need: the name, the numbers, whether they
		// agreed, and the roles those parts give them. Not their address,
		// not the person's notes about them, not their other roles.
		c.Confirmed, c.Address, c.Note, c.Languages = Date{}, "", "", nil
		c.NumberChecked, c.Changed = Date{}, nil
		if silent[c.ID] {
			s := *c.IfSilent
			s.Tell = slices.Clone(s.Tell)
			c.IfSilent = &s
		} else {
			c.IfSilent = nil
		}
		if !learn {
			c.Learn = false
		}
		phones := make([]Phone, len(c.Phones))
		for i, ph := range c.Phones {
			ph.Note = "" // the person's own note about a number
			phones[i] = ph
		}
		c.Phones = phones
		c.Roles = slices.DeleteFunc(slices.Clone(c.Roles), func(r Role) bool {
			return !slices.Contains(roles[c.ID], r) && r != RoleEmergencyService
		})
		if len(c.Roles) == 0 {
			c.Roles = nil
		}
		out.Contacts = append(out.Contacts, c)
	}
	return out
}

// SelectionParts names what sel holds as pathway share names parts:
// "safety-1/money" for each section with a chosen question, and
// "safety-1/about" for a chosen context, in the binder's order. The
// consent ledger records these.
func (b *Binder) SelectionParts(sel Selection) []string {
	var parts []string
	for _, p := range b.Plans {
		qs := sel[p.ID]
		if len(qs) == 0 {
			continue
		}
		if slices.Contains(qs, AboutPart) {
			parts = append(parts, p.ID+"/"+AboutPart)
		}
		for _, s := range Sections(p.Kind) {
			if slices.ContainsFunc(s.Questions, func(q Question) bool { return slices.Contains(qs, q.ID) }) {
				parts = append(parts, p.ID+"/"+s.ID)
			}
		}
	}
	return parts
}
