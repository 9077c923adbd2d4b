package plan

import "slices"

// A RoleInfo says everything pathway knows about one role, in one place:
// the plans it belongs to, the question that gives it, what the helper's
// sheet and a share made for that helper carry, which kinds of
// organisation fit it, and which check-up rules watch it. The wizard,
// the printouts, pathway share and the check-up all read it from here.
type RoleInfo struct {
	// Role is the role described.
	Role Role
	// Kinds are the plan kinds the role belongs to. Its name, its sheet
	// and its answers appear only on the paper of plans of these kinds.
	Kinds []Kind
	// Question is the id of the Contacts question that gives the role to
	// the contacts picked, or "" for a role set on the contact directly.
	Question string
	// Sheet is what the helper's sheet says to a contact with this role,
	// block by block. The first block is what the person asks of them and
	// is always printed; the others only when one of their questions has
	// an answer. A role with no blocks has no sheet.
	Sheet []Block
	// Categories are the directory categories (directory/guide.json)
	// offered first when an organisation is picked for the role.
	Categories []string
	// Rules are the check-up rules that watch the role.
	Rules []Rule
	// About says what the role is, in English, for docs/plan-format.md.
	// It is never shown to the person: their words come from RoleKey.
	About string
}

// A Block is one part of a helper's sheet.
type Block struct {
	// ID names the block. Roles that share a block (the details a bond
	// person gives, the lawyers' "who may call you") name the same ID, and
	// a sheet prints it once.
	ID string
	// Title is the message key of the block's heading. Blocks printed one
	// after another with the same Title share one heading.
	Title string
	// Text is the message key of a line under the heading, or "".
	Text string
	// Questions are the ids of the questions whose answers fill the block,
	// in order. They are also what pathway share --for sends the helper.
	Questions []string
	// Details marks the block that prints the details the person chose to
	// give the helper (name, date of birth, file number), given when the
	// sheet is printed and never stored.
	Details bool
	// Silence marks the block that prints what the helper agreed to do if
	// they do not hear from the person (Contact.IfSilent): printed when
	// something is agreed, and sent with a share made for the helper.
	Silence bool
}

// A Rule is a check-up rule that belongs to a role.
type Rule string

// The check-up rules.
const (
	// RuleAgreed keeps the role's question open, when it is essential,
	// until one of the contacts named there has agreed to the role. The
	// check-up names the first one who has not ("bond-not-agreed").
	RuleAgreed Rule = "agreed"
	// RuleConfirm asks again a contact who agreed to the role once
	// ConfirmDays have passed since they last confirmed ("bond-never",
	// "bond-old").
	RuleConfirm Rule = "confirm"
	// RuleAnyLawyer counts the role's question as answered, when it is
	// essential, as soon as the question of any role with this rule in
	// the same plan is: a legal clinic or a lawyer, whichever they have.
	RuleAnyLawyer Rule = "any-lawyer"
)

// Rules lists the check-up rules, in the order the docs give them.
var Rules = []Rule{RuleAgreed, RuleConfirm, RuleAnyLawyer}

// Blocks shared by several roles.
var (
	blockDetails = Block{ID: "details", Title: "print.sheet-details", Details: true}
	blockAddress = Block{ID: "address", Title: "print.sheet-address", Questions: []string{"out.address"}}
	blockLegal   = Block{ID: "legal", Title: "print.sheet-legal"}
	blockCaller  = Block{ID: "caller", Title: "print.sheet-caller", Questions: []string{"calls.lawyer"}}
	blockSupport = Block{ID: "support", Title: "print.sheet-support"}
	// Every helper's sheet ends with what they do if they do not hear
	// from the person: once a phone is taken, these words can only come
	// from the helper.
	blockSilence     = Block{ID: "silence", Title: "print.sheet-silence", Silence: true}
	blockInterpreter = Block{ID: "interpreter", Title: "print.sheet-interpreter", Questions: []string{"network.interpreter"}}
	blockCAS         = Block{ID: "cas", Title: "print.sheet-cas", Questions: []string{"home.cas"}}
	blockRemoval     = Block{ID: "removal", Title: "print.sheet-removal", Questions: []string{"extra.removal"}}
)

var (
	safety      = []Kind{Safety}
	release     = []Kind{Release}
	legal       = []string{"legal"}
	community   = []string{"sex-worker-led", "migrant", "community"}
	lawyerRules = []Rule{RuleAnyLawyer}
)

// roles is the table, one entry per role, in the order of Roles.
var roles = []RoleInfo{
	{Role: RoleSupporter, Kinds: safety, Question: "supports.people", Categories: community,
		About: "Helps the person find information and services.",
		Sheet: []Block{
			{ID: "supporter", Title: "print.sheet-supporter"},
			{ID: "needs", Title: "print.sheet-needs", Questions: []string{"supports.needs"}},
			blockSilence,
		}},
	{Role: RolePlaceToGo, Kinds: safety, Question: "leave.places", Categories: []string{"shelter"},
		About: "A person or place to go to when leaving.",
		Sheet: []Block{
			{ID: "place", Title: "print.sheet-place"},
			{ID: "how", Title: "print.sheet-how", Questions: []string{"leave.how"}},
			{ID: "with", Title: "print.sheet-with", Questions: []string{"leave.dependants", "leave.others"}},
			blockSilence,
		}},
	{Role: RoleLawyer, Kinds: safety, Question: "supports.lawyer", Categories: legal,
		About: "A lawyer of any kind, to talk to first.",
		Sheet: []Block{{ID: "lawyer", Title: "print.sheet-lawyer"}, blockSilence}},
	{Role: RoleLegalClinic, Kinds: release, Question: "network.clinic", Categories: legal, Rules: lawyerRules,
		About: "A community legal clinic.", Sheet: []Block{blockLegal, blockCaller, blockInterpreter, blockSilence}},
	{Role: RoleImmigrationLaw, Kinds: release, Question: "network.immigration", Categories: legal, Rules: lawyerRules,
		About: "An immigration lawyer.", Sheet: []Block{blockLegal, blockCaller, blockInterpreter, blockSilence}},
	{Role: RoleCriminalLaw, Kinds: release, Question: "network.criminal", Categories: legal, Rules: lawyerRules,
		About: "A criminal lawyer.", Sheet: []Block{blockLegal, blockCaller, blockInterpreter, blockSilence}},
	{Role: RoleFamilyLaw, Kinds: release, Question: "network.family", Categories: legal, Rules: lawyerRules,
		About: "A family lawyer.", Sheet: []Block{blockLegal, blockCaller, blockInterpreter, blockCAS, blockSilence}},
	{Role: RoleSupportWorker, Kinds: release, Question: "network.worker", Categories: community,
		About: "A community support worker.", Sheet: []Block{blockSupport, blockSilence}},
	{Role: RoleAdvocate, Kinds: release, Question: "network.advocate", Categories: community,
		About: "A trusted person who speaks up for the person.",
		Sheet: []Block{blockSupport,
			{ID: "medication", Title: "print.sheet-medication", Questions: []string{"extra.medication"}},
			blockInterpreter, blockSilence,
		}},
	{Role: RoleCarer, Kinds: release, Question: "home.carer",
		About: "Looks after children, people the person cares for, or pets.",
		Sheet: []Block{
			{ID: "care", Title: "print.sheet-care", Questions: []string{"home.care"}},
			{ID: "others", Title: "print.sheet-others", Questions: []string{"home.others"}},
			blockCAS, blockSilence,
		}},
	{Role: RoleKeyHolder, Kinds: release, Question: "home.key",
		About: "Has a key to the person's home.",
		Sheet: []Block{
			{ID: "key", Title: "print.sheet-key", Questions: []string{"home.fetch"}},
			{ID: "where", Title: "print.sheet-where", Questions: []string{"home.where"}},
			blockRemoval, blockSilence,
		}},
	{Role: RoleBondMoney, Kinds: release, Question: "bond.money", Rules: []Rule{RuleAgreed, RuleConfirm},
		About: "Bond person who can bring money as a financial guarantee.",
		Sheet: []Block{
			{ID: "bond-money", Title: "print.sheet-bond", Text: "print.sheet-bond-money"},
			blockAddress, blockDetails, blockSilence,
		}},
	{Role: RoleBondTestify, Kinds: release, Question: "bond.testify", Rules: []Rule{RuleConfirm},
		About: "Bond person who can come to a detention review and speak for the person.",
		Sheet: []Block{
			{ID: "bond-testify", Title: "print.sheet-bond", Text: "print.sheet-bond-testify"},
			blockAddress, blockDetails, blockInterpreter, blockSilence,
		}},
	{Role: RoleReleaseHost, Kinds: release, Question: "out.host", Categories: []string{"shelter"},
		About: "The person or shelter the person would be released to.",
		Sheet: []Block{{ID: "host", Title: "print.sheet-host"}, blockAddress, blockDetails, blockSilence}},
	{Role: RoleCallsLawyer, Kinds: release, Question: "calls.lawyer",
		About: "Will call the lawyer for the person.",
		Sheet: []Block{{ID: "calls-lawyer", Title: "print.sheet-calls-lawyer",
			Questions: []string{"network.immigration", "network.criminal", "network.clinic"}},
			blockInterpreter, blockSilence,
		}},
	{Role: RoleFamilyContact, Kinds: release, Question: "calls.family",
		About: "Tells family or friends what the person chose to tell them.",
		Sheet: []Block{
			{ID: "family", Title: "print.sheet-family"},
			{ID: "may-say", Title: "print.sheet-may-say", Questions: []string{"calls.say"}},
			{ID: "not-say", Title: "print.sheet-not-say", Questions: []string{"calls.not"}},
			{ID: "school", Title: "print.sheet-school", Questions: []string{"calls.school"}},
			blockSilence,
		}},
	{Role: RoleDocumentKeeper, Kinds: safety, Question: "papers.copy",
		About: "Keeps copies of the person's papers.",
		Sheet: []Block{{ID: "papers", Title: "print.sheet-papers"}, blockSilence}},
	{Role: RolePowerOfAttorney, Kinds: release, Question: "extra.attorney",
		About: "Can act for the person on money and papers (power of attorney).",
		Sheet: []Block{
			{ID: "attorney", Title: "print.sheet-attorney"},
			{ID: "bank", Title: "print.sheet-bank", Questions: []string{"extra.bank"}},
			{ID: "papers-where", Title: "print.sheet-papers-where", Questions: []string{"extra.papers"}},
			blockRemoval, blockSilence,
		}},
	{Role: RoleAfterRelease, Kinds: release, Question: "out.support", Categories: []string{"sex-worker-led", "migrant", "community", "health"},
		About: "A person or organisation that supports the person once they are released.",
		Sheet: []Block{{ID: "after", Title: "print.sheet-after"}, blockSilence}},
	// A 24-hour line belongs to no plan in particular: it is printed on
	// the back of the wallet cards. It is an organisation's line, so it
	// has no sheet.
	{Role: RoleEmergencyService, Kinds: Kinds, Categories: []string{"emergency"},
		About: "A 24-hour line. Printed on the back of the wallet cards."},
}

// Info returns what the table says about role r; for an unknown role, a
// RoleInfo with only Role set.
func (r Role) Info() RoleInfo {
	for _, ri := range roles {
		if ri.Role == r {
			return ri
		}
	}
	return RoleInfo{Role: r}
}

// RoleInfos returns the whole table, in the order of Roles.
func RoleInfos() []RoleInfo { return slices.Clone(roles) }

// Kinds returns the plan kinds role r belongs to.
func (r Role) Kinds() []Kind { return slices.Clone(r.Info().Kinds) }

// In reports whether role r belongs to plans of kind k.
func (r Role) In(k Kind) bool { return slices.Contains(r.Info().Kinds, k) }

// Categories returns the directory categories offered first when an
// organisation is picked for role r.
func (r Role) Categories() []string { return slices.Clone(r.Info().Categories) }

// Has reports whether check-up rule x watches role r.
func (r Role) Has(x Rule) bool { return slices.Contains(r.Info().Rules, x) }

// SheetQuestions returns the question ids whose answers fill role r's
// sheet, in order, each once: what a share for the helper carries.
func (r Role) SheetQuestions() []string {
	var ids []string
	for _, bl := range r.Info().Sheet {
		for _, id := range bl.Questions {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// RolesOf returns the roles that belong to plans of kind k, in the order
// of Roles: the only roles a printout of such a plan may name.
func RolesOf(k Kind) []Role {
	var out []Role
	for _, ri := range roles {
		if slices.Contains(ri.Kinds, k) {
			out = append(out, ri.Role)
		}
	}
	return out
}

// RolePlans returns the plans of b in which contact c plays role r: the
// plans of r's kinds whose answer to r's question names c or, when none
// does (the role was set on the contact directly), every plan of r's
// kinds. The sheet and the share for a helper read the same plans.
func (b *Binder) RolePlans(c *Contact, r Role) []*Plan {
	ri := r.Info()
	var named, all []*Plan
	for i := range b.Plans {
		p := &b.Plans[i]
		if !slices.Contains(ri.Kinds, p.Kind) {
			continue
		}
		all = append(all, p)
		if ri.Question != "" && slices.Contains(p.Answers[ri.Question].Contacts, c.ID) {
			named = append(named, p)
		}
	}
	if len(named) > 0 {
		return named
	}
	return all
}

// HasSilence reports whether role r's sheet carries what the helper does
// if they do not hear from the person: whether a helper with this role is
// asked about it.
func (r Role) HasSilence() bool {
	return slices.ContainsFunc(r.Info().Sheet, func(bl Block) bool { return bl.Silence })
}

// Helpers returns the contacts of plan p whom the person may agree "if
// you don't hear from me" with: those named in p's answers for a role
// whose sheet carries it, in the order of the plan's questions, each once.
func (b *Binder) Helpers(p *Plan) []*Contact {
	var out []*Contact
	for _, s := range Sections(p.Kind) {
		for _, q := range s.Questions {
			if q.Kind != Contacts || !q.Role.HasSilence() {
				continue
			}
			for _, id := range p.Answers[q.ID].Contacts {
				if c := b.Contact(id); c != nil && !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// SheetKeys returns every message key the table names, each once.
func SheetKeys() []string {
	var keys []string
	for _, ri := range roles {
		for _, bl := range ri.Sheet {
			for _, k := range []string{bl.Title, bl.Text} {
				if k != "" && !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	for _, r := range Roles {
		keys = append(keys, SheetRoleKey(r))
	}
	return keys
}

// init fills in each Contacts question's Role from the table, so that
// which question gives which role is written once.
func init() {
	for _, ri := range roles {
		if ri.Question == "" {
			continue
		}
		for i := range catalogue {
			for j := range catalogue[i].Questions {
				if q := &catalogue[i].Questions[j]; q.ID == ri.Question {
					q.Role = ri.Role
				}
			}
		}
	}
}
