// Package plan is pathway's domain: a person's binder of contacts and plans,
// the question catalogue of the safety plan and the release plan, and the
// rules that keep a binder clean and within its limits.
//
// It knows nothing of terminals, files or encryption: it turns a binder into
// JSON and back, and says what is wrong with one. Every message it returns is
// a stable code that the caller turns into words in the person's language.
package plan

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Format is the version of the binder JSON this package writes. Files with
// a higher number come from a newer pathway and are refused, never rewritten.
//
// Format 2 added, to what format 1 (the pathway of 2026-11-23) knew: an
// answer's "na" (does not apply), a contact's "card_name", "number_checked",
// "source", "number_changed" and "if_silent", a phone's "groups", the role
// "after-release", new questions and options in the catalogue, and numbers
// such as 988. A pathway of format 1 refuses a file that holds any of them
// field by field; the number 2 makes it say instead that the file comes from
// a newer pathway. Whatever a later version adds that an older one would
// refuse needs a higher Format again (TestFormatCoversVocabulary checks the
// fields, questions, options and roles).
const Format = 2

// A Binder is everything pathway keeps for one person.
type Binder struct {
	// Format is the version of the JSON layout; see [Format].
	Format int `json:"format"`
	// Language is the language the person chose (a BCP 47 tag such as
	// "en" or "zh-Hans"), or empty to follow the computer's setting.
	Language string `json:"language,omitempty"`
	// Created is the day the binder was started. Printouts use it as their
	// date so that the same binder always prints the same bytes.
	Created Date `json:"created,omitzero"`
	// Contacts are the people and organisations the plans refer to, shared
	// by all plans: a bond person entered once appears everywhere.
	Contacts []Contact `json:"contacts"`
	// Plans are the person's plans, in the order they made them.
	Plans []Plan `json:"plans"`
	// Practice is the progress in learning numbers by heart.
	Practice []Progress `json:"practice,omitempty"`
}

// Kind is the kind of a plan.
type Kind string

// The plan kinds of the guide.
const (
	// Safety is a plan for a risk of violence or abuse.
	Safety Kind = "safety"
	// Release is a plan for a risk of detention.
	Release Kind = "release"
)

// Kinds lists the plan kinds in the order they are offered.
var Kinds = []Kind{Safety, Release}

// Valid reports whether k is a known plan kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Status says whether a plan is still being written.
type Status string

// Plan statuses.
const (
	// Draft is a plan the person has not finished; the wizard resumes it.
	Draft Status = "draft"
	// Done is a plan the person finished at least once.
	Done Status = "done"
)

// A Plan is one safety plan or release plan.
type Plan struct {
	// ID is short and stable within the binder, such as "safety-1".
	ID string `json:"id"`
	// Kind is safety or release.
	Kind Kind `json:"kind"`
	// Context is what the plan is about in the person's own words: a
	// partner, a workplace, a client, a raid: anything, or nothing.
	Context string `json:"context,omitempty"`
	// Status is draft or done.
	Status Status `json:"status"`
	// Resume is the section the wizard stopped at, for a draft.
	Resume string `json:"resume,omitempty"`
	// Created, Updated and Reviewed are days. Reviewed is the last day the
	// person went through the whole plan.
	Created  Date `json:"created,omitzero"`
	Updated  Date `json:"updated,omitzero"`
	Reviewed Date `json:"reviewed,omitzero"`
	// Answers holds an answer per question id of the catalogue. A question
	// with no entry is open: skipping is always allowed.
	Answers map[string]Answer `json:"answers"`
}

// An Answer is what the person said to one question. Which fields are used
// depends on the question's [AnswerKind]; the rest stay empty.
type Answer struct {
	// Text is free text, or the note that goes with a yes/no, a choice, a
	// checklist or a list of contacts.
	Text string `json:"text,omitempty"`
	// Yes is the answer to a yes/no question; nil means not answered.
	Yes *bool `json:"yes,omitempty"`
	// Choice is the id of the option picked for a choice question.
	Choice string `json:"choice,omitempty"`
	// Checked lists the ids of the ticked options of a checklist.
	Checked []string `json:"checked,omitempty"`
	// Contacts lists contact ids for a contacts question.
	Contacts []string `json:"contacts,omitempty"`
	// NotApply is the answer "this does not apply to me" (no children, no
	// pets, no papers to keep): the check-up stops asking. It goes with
	// no other answer but a note.
	NotApply bool `json:"na,omitempty"`
}

// Empty reports whether the answer holds nothing.
func (a Answer) Empty() bool {
	return a.Text == "" && a.Yes == nil && a.Choice == "" && len(a.Checked) == 0 && len(a.Contacts) == 0 && !a.NotApply
}

// A Contact is a person or an organisation.
type Contact struct {
	// ID is short and stable within the binder, such as "c3".
	ID string `json:"id"`
	// Name is a name or nickname, as the person wants it printed.
	Name string `json:"name"`
	// CardName is what the wallet cards and the drill show instead of
	// Name: an alias, initials, a word only the person understands. Empty
	// means Name. The checklist and the sheets keep Name.
	CardName string `json:"card_name,omitempty"`
	// Roles are the parts this contact plays in the person's plans.
	Roles []Role `json:"roles,omitempty"`
	// Phones are the contact's numbers, the first being the main one.
	Phones []Phone `json:"phones,omitempty"`
	// Address is where to find them, if the person wants it kept.
	Address string `json:"address,omitempty"`
	// Languages the contact speaks, as BCP 47 tags or plain words.
	Languages []string `json:"languages,omitempty"`
	// Agreed is true once the contact said yes to their role; Confirmed is
	// the last day they confirmed it.
	Agreed    bool `json:"agreed,omitempty"`
	Confirmed Date `json:"confirmed,omitzero"`
	// Learn marks a contact whose main number the person wants to know by
	// heart. It is printed on the wallet cards and practised in the drill.
	Learn bool `json:"learn,omitempty"`
	// Note is anything else worth keeping about them.
	Note string `json:"note,omitempty"`
	// NumberChecked is the last day the main number was confirmed with
	// the contact: set when the number is entered. See NumberDays.
	NumberChecked Date `json:"number_checked,omitzero"`
	// Source is the organisations' list the contact was added from, if
	// any: who confirmed its numbers, and when.
	Source *Source `json:"source,omitempty"`
	// Changed is set when a newer version of Source's list changed the
	// main number: the old number, for the notices and the old cards.
	Changed *NumberChange `json:"number_changed,omitempty"`
	// IfSilent is what this helper does if they do not hear from the
	// person: agreed with them, printed on their sheet, sent with a share
	// made for them. Nil when nothing is agreed.
	IfSilent *IfSilent `json:"if_silent,omitempty"`
}

// IfSilent is the "if you don't hear from me" agreement with one helper.
// Once a phone is taken, nobody can send these words any more: they live
// with the helper, on paper and in their memory. Every field may be
// empty.
type IfSilent struct {
	// After is how long without news before the helper acts, in the
	// person's words ("two days", "by Sunday night").
	After string `json:"after,omitempty"`
	// First is what the helper does first.
	First string `json:"first,omitempty"`
	// Words are the exact words the helper passes on.
	Words string `json:"words,omitempty"`
	// Tell are the contacts the helper passes the words to.
	Tell []string `json:"tell,omitempty"`
	// Others are anyone else the helper tells, who is not a contact (the
	// children's school, an employer), in the person's words.
	Others string `json:"others,omitempty"`
	// Agreed is the last day the helper agreed to all this; zero when they
	// have not yet.
	Agreed Date `json:"agreed,omitzero"`
}

// Empty reports whether nothing is agreed.
func (s *IfSilent) Empty() bool {
	return s == nil || s.After == "" && s.First == "" && s.Words == "" && len(s.Tell) == 0 && s.Others == ""
}

// OnCard returns the name the wallet cards and the drill show: the card
// name if the person gave one, else the name.
func (c Contact) OnCard() string {
	if c.CardName != "" {
		return c.CardName
	}
	return c.Name
}

// MaxCardName is the longest card name, in bytes: a card name is a word or
// two, printed at a readable size on a wallet card.
const MaxCardName = 64

// NeutralCardName returns a card name that says nothing of who the
// contact is: word (such as "Line", in the person's language) and the
// smallest number no other contact's card name uses yet ("Line 1", "Line
// 2"…).
//
// It is what pathway suggests for an organisation added from a list. Its
// name on a wallet card, or its initials or first word, would tell whoever
// finds the card where the person turns for help (a sex workers' network, an
// immigration clinic): a neutral word tells nothing, and the person learns
// which number is which from the cards' number and the checklist, which
// keeps the real name. They can change it at any time.
func (b *Binder) NeutralCardName(word string) string {
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s %d", word, n)
		if !slices.ContainsFunc(b.Contacts, func(c Contact) bool { return strings.EqualFold(c.OnCard(), name) }) {
			return name
		}
	}
}

// HasRole reports whether the contact plays role r.
func (c Contact) HasRole(r Role) bool { return slices.Contains(c.Roles, r) }

// Role is a part a contact plays. Roles are printed only when the person
// asks for labels: a card with "bond person" on it tells too much.
type Role string

// The roles of the guide's two plans.
const (
	RoleSupporter        Role = "supporter"    // helps find information and services
	RolePlaceToGo        Role = "place-to-go"  // a person or place to go to when leaving
	RoleLawyer           Role = "lawyer"       // a lawyer of any kind
	RoleLegalClinic      Role = "legal-clinic" // a community legal clinic
	RoleImmigrationLaw   Role = "immigration-lawyer"
	RoleCriminalLaw      Role = "criminal-lawyer"
	RoleFamilyLaw        Role = "family-lawyer"
	RoleSupportWorker    Role = "support-worker" // a community support worker
	RoleAdvocate         Role = "advocate"       // a trusted person who speaks up for you
	RoleCarer            Role = "carer"          // looks after children, people you care for, pets
	RoleKeyHolder        Role = "key-holder"     // has a key to your home
	RoleBondMoney        Role = "bond-money"     // can bring money as a financial guarantee
	RoleBondTestify      Role = "bond-testify"   // can testify at a detention review
	RoleReleaseHost      Role = "release-host"   // the person or shelter you would be released to
	RoleCallsLawyer      Role = "calls-lawyer"   // will call the lawyer for you
	RoleFamilyContact    Role = "family-contact" // tells family or friends what you chose
	RoleDocumentKeeper   Role = "document-keeper"
	RolePowerOfAttorney  Role = "power-of-attorney"
	RoleAfterRelease     Role = "after-release"  // supports the person once released
	RoleEmergencyService Role = "emergency-line" // a 24-hour line
)

// Roles lists every role, in the order they are offered.
var Roles = []Role{
	RoleSupporter, RolePlaceToGo, RoleLawyer, RoleLegalClinic, RoleImmigrationLaw,
	RoleCriminalLaw, RoleFamilyLaw, RoleSupportWorker, RoleAdvocate, RoleCarer,
	RoleKeyHolder, RoleBondMoney, RoleBondTestify, RoleReleaseHost, RoleCallsLawyer,
	RoleFamilyContact, RoleDocumentKeeper, RolePowerOfAttorney, RoleAfterRelease, RoleEmergencyService,
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Progress is how well the person knows one number by heart.
type Progress struct {
	// Contact is the contact's id and Number the normalised number.
	Contact string `json:"contact"`
	Number  string `json:"number"`
	// Box is the Leitner box, 0 (new) and up.
	Box int `json:"box"`
	// Due is the day the number is next asked; Practised the last day it was.
	Due       Date `json:"due,omitzero"`
	Practised Date `json:"practised,omitzero"`
}

// Date is a calendar day, written as "2026-11-23" in JSON. The zero Date
// means unknown. Days, not instants: a plan needs no time of day, and a
// timestamp tells more about the person's habits than they need to give.
type Date struct{ t time.Time }

// DateOf returns the day of t, in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads a day written as 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// AddDays returns the day n days after d.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

// String returns the day as 2006-01-02, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText writes the day as 2006-01-02.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a day written as 2006-01-02; an empty text is the
// zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return &Error{Code: CodeBadDate, Value: string(b)}
	}
	*d = p
	return nil
}
