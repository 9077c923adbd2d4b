package plan

// AnswerKind is the kind of answer a question takes.
type AnswerKind string

// The kinds of answer.
const (
	// Text is free text in the person's own words.
	Text AnswerKind = "text"
	// YesNo is yes or no, with an optional note.
	YesNo AnswerKind = "yesno"
	// Choice is one option of a fixed list, with an optional note.
	Choice AnswerKind = "choice"
	// Checklist is any number of options of a fixed list, with a note.
	Checklist AnswerKind = "checklist"
	// Contacts is one or more contacts of the binder, with a note. The
	// question's Role is given to the contacts picked.
	Contacts AnswerKind = "contacts"
	// Learn picks the contacts whose numbers the person learns by heart.
	// Its answer lives on the contacts themselves (Contact.Learn).
	Learn AnswerKind = "learn"
	// Silence agrees with each helper of the plan what they do if they
	// do not hear from the person. Its answer lives on the contacts
	// themselves (Contact.IfSilent).
	Silence AnswerKind = "silence"
)

// A Question is one point of a plan.
type Question struct {
	// ID is stable forever: answers are stored under it. It starts with
	// the section id: "leave.where".
	ID string
	// Section is the id of the section the question belongs to.
	Section string
	// Kind is the kind of answer it takes.
	Kind AnswerKind
	// Options are the option ids of a Choice or Checklist question.
	Options []string
	// Role is given to the contacts picked for a Contacts question. It
	// comes from the roles table (RoleInfo.Question).
	Role Role
	// Essential marks the points the check-up names when they are open.
	Essential bool
}

// TitleKey is the message key of the question as it is asked.
func (q Question) TitleKey() string { return "q." + q.ID + ".title" }

// HelpKey is the message key of the short help under the question.
func (q Question) HelpKey() string { return "q." + q.ID + ".help" }

// OpenKey is the message key of the sentence the check-up shows when the
// question is still open, worded as something still to do.
func (q Question) OpenKey() string { return "q." + q.ID + ".open" }

// OptionKey is the message key of one option of a Choice or Checklist.
func (q Question) OptionKey(option string) string { return "q." + q.ID + ".opt." + option }

// HasOption reports whether option is one of the question's options.
func (q Question) HasOption(option string) bool {
	for _, o := range q.Options {
		if o == option {
			return true
		}
	}
	return false
}

// A Section is one page of a plan: a group of questions.
type Section struct {
	ID        string
	Kind      Kind
	Questions []Question
}

// TitleKey is the message key of the section's title.
func (s Section) TitleKey() string { return "section." + s.ID + ".title" }

// IntroKey is the message key of the sentence that opens the section.
func (s Section) IntroKey() string { return "section." + s.ID + ".intro" }

// KindTitleKey is the message key of a plan kind's name ("Safety plan").
func KindTitleKey(k Kind) string { return "kind." + string(k) + ".title" }

// KindIntroKey is the message key of a short text that says what a plan
// kind is for.
func KindIntroKey(k Kind) string { return "kind." + string(k) + ".intro" }

// RoleKey is the message key of a role's name.
func RoleKey(r Role) string { return "role." + string(r) }

// SheetRoleKey is the message key of a role as a helper's sheet names
// it: said to the helper about the person ("calls their lawyer"), never
// with a "you" that would read as the helper's own lawyer.
func SheetRoleKey(r Role) string { return "print.sheet-as." + string(r) }

func q(id string, kind AnswerKind, opts ...string) Question {
	return Question{ID: id, Kind: kind, Options: opts}
}

// contacts is a Contacts question; the role it gives is written in the
// roles table (roles.go), which fills it in.
func contacts(id string) Question {
	return Question{ID: id, Kind: Contacts}
}

func essential(q Question) Question {
	q.Essential = true
	return q
}

// The catalogue follows pages 26-29 of "A Pathway to End Violence Against
// Migrant Sex Workers" (2020), point by point, plus what its case studies
// show people needed: medication, power of attorney, a frozen bank account,
// an interpreter, people abroad who depend on them, child protection, a
// school or an employer, wishes if removal is likely, support after
// release, a phone kept out of an abuser's reach. docs/coverage.md maps
// each point to its questions (TestCoverage keeps it true).
var catalogue = []Section{
	// Safety plan: for a risk of violence or abuse.
	{ID: "leave", Kind: Safety, Questions: []Question{
		q("leave.risk", Text),
		essential(q("leave.where", Text)),
		contacts("leave.places"),
		essential(q("leave.how", Text)),
		q("leave.when", Choice, "soon", "ready", "unsure"),
		q("leave.bag", Checklist, "medication", "clothes", "money", "documents", "charger", "keys"),
		q("leave.dependants", Text),
		q("leave.others", Text),
	}},
	{ID: "supports", Kind: Safety, Questions: []Question{
		contacts("supports.people"),
		q("supports.needs", Text),
		q("supports.priorities", Text),
		q("supports.strengths", Text),
		contacts("supports.lawyer"),
		q("supports.silence", Silence),
	}},
	{ID: "money", Kind: Safety, Questions: []Question{
		essential(q("money.saved", YesNo)),
		q("money.bank", YesNo),
		q("money.mail", Text),
	}},
	{ID: "papers", Kind: Safety, Questions: []Question{
		essential(q("papers.together", YesNo)),
		contacts("papers.copy"),
		q("papers.record", YesNo),
		q("papers.phone", Checklist, "passcode", "location", "passwords", "elsewhere"),
		q("papers.email", YesNo),
	}},

	// Release plan: for a risk of detention.
	{ID: "network", Kind: Release, Questions: []Question{
		essential(contacts("network.clinic")),
		contacts("network.immigration"),
		contacts("network.criminal"),
		contacts("network.family"),
		contacts("network.worker"),
		contacts("network.advocate"),
		q("network.interpreter", Text),
	}},
	// Second: the numbers that matter most are often known already (a
	// friend, a clinic), and a person who stops early must not miss the
	// guide's first point. Contacts added later are asked one by one
	// whether to learn their number too.
	{ID: "heart", Kind: Release, Questions: []Question{
		essential(q("heart.numbers", Learn)),
	}},
	{ID: "home", Kind: Release, Questions: []Question{
		essential(contacts("home.carer")),
		q("home.care", Text),
		q("home.others", Text),
		q("home.cas", Text),
		essential(contacts("home.key")),
		q("home.fetch", Checklist, "clothes", "money", "documents", "medication"),
		q("home.where", Text),
	}},
	{ID: "bond", Kind: Release, Questions: []Question{
		essential(contacts("bond.money")),
		contacts("bond.testify"),
	}},
	{ID: "out", Kind: Release, Questions: []Question{
		essential(q("out.address", Text)),
		contacts("out.host"),
		q("out.relationship", Choice, "built", "started", "not-yet"),
		contacts("out.support"),
	}},
	{ID: "calls", Kind: Release, Questions: []Question{
		contacts("calls.lawyer"),
		contacts("calls.family"),
		q("calls.say", Text),
		q("calls.not", Text),
		q("calls.school", Text),
		q("calls.silence", Silence),
	}},
	{ID: "extra", Kind: Release, Questions: []Question{
		q("extra.medication", Text),
		contacts("extra.attorney"),
		q("extra.bank", Text),
		q("extra.papers", Text),
		q("extra.removal", Checklist, "belongings", "money", "lease", "abroad"),
	}},
}

// Sections returns the sections of a plan kind, in the order they are asked.
// The result is a copy: changing it changes nothing else.
func Sections(k Kind) []Section {
	var out []Section
	for _, s := range catalogue {
		if s.Kind == k {
			s.Questions = append([]Question(nil), s.Questions...)
			out = append(out, s)
		}
	}
	return out
}

// Catalogue returns every section of every kind, in order.
func Catalogue() []Section {
	var out []Section
	for _, k := range Kinds {
		out = append(out, Sections(k)...)
	}
	return out
}

// Lookup returns the question with the given id.
func Lookup(id string) (Question, bool) {
	for _, s := range catalogue {
		for _, q := range s.Questions {
			if q.ID == id {
				q.Section = s.ID
				return q, true
			}
		}
	}
	return Question{}, false
}

func init() {
	for i := range catalogue {
		for j := range catalogue[i].Questions {
			catalogue[i].Questions[j].Section = catalogue[i].ID
		}
	}
}
