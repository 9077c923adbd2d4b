package plan

import "slices"

// How old things may get before the check-up mentions them.
const (
	ReviewDays   = 90 // a plan not gone through for this long
	ConfirmDays  = 90 // a bond person not asked again for this long
	PractiseDays = 30 // a number not practised for this long
	SilenceDays  = 90 // "if you don't hear from me" not gone over with a helper for this long
)

// A Report is what the check-up finds: per plan, the essentials it has and
// those still open, in the catalogue's order; what is getting old; and how
// many numbers are known by heart. It is information, never a verdict.
type Report struct {
	Plans []PlanReport `json:"plans"`
	Old   []Aging      `json:"getting_old"`
	Known int          `json:"numbers_known"`
	Total int          `json:"numbers_to_learn"`
	Due   int          `json:"numbers_due"`
}

// A PlanReport is the check-up of one plan.
type PlanReport struct {
	Plan string   `json:"plan"`
	Kind Kind     `json:"kind"`
	Has  []string `json:"has"`
	Open []Open   `json:"open"`
	// NotApply lists the essentials the person said do not apply to
	// them: never asked for again.
	NotApply []string `json:"doesnt_apply"`
}

// An Open point is an essential still to do.
type Open struct {
	Question string `json:"question"`
	// Code is "open" (nothing yet), "bond-not-agreed" (a contact is named
	// for a role with RuleAgreed, a bond person, but has not said yes) or
	// "numbers-not-known" (numbers are marked but not yet known by heart).
	Code    string `json:"code"`
	Contact string `json:"contact,omitempty"`
}

// Aging is something getting old. Code is "plan-never", "plan-old",
// "bond-never", "bond-old" (a contact who agreed to a role with
// RuleConfirm, a bond person, never confirmed or not for ConfirmDays),
// "silence-never", "silence-old" (what a helper does if they do not hear
// from the person is written but was never agreed with them, or not gone
// over again for SilenceDays), or "not-practised" (a number practised
// once, not for PractiseDays);
// "number-changed" (a newer list changed a number: see Binder.NumberNews),
// "number-old" (a contact's own number not confirmed with them for
// NumberDays) or "list-old" (a number to learn that its list confirmed
// over ListDays ago); Days is how old it is. A number never practised is
// not getting old: the open point "numbers-not-known" says it. The
// consent ledger adds "share-passed" and "share-old" (see Ledger.CheckUp),
// with Share the consent's number, For whom, and Date the day they were
// asked to stop (share-passed) or the day it was made (share-old).
type Aging struct {
	Code    string `json:"code"`
	Plan    string `json:"plan,omitempty"`
	Contact string `json:"contact,omitempty"`
	Share   string `json:"share,omitempty"`
	For     string `json:"for,omitempty"`
	Date    Date   `json:"date,omitzero"`
	Days    int    `json:"days,omitempty"`
}

// CheckUp looks at the binder on day today. The rules about roles (who
// must have agreed, who is asked to confirm, which questions count
// together) come from the roles table: see Rule.
func (b *Binder) CheckUp(today Date) Report {
	r := Report{Plans: []PlanReport{}, Old: []Aging{}}
	for _, d := range b.Drills() {
		r.Total++
		if d.Progress.Known() {
			r.Known++
		}
		if d.Progress.IsDue(today) {
			r.Due++
		}
	}
	for _, p := range b.Plans {
		pr := PlanReport{Plan: p.ID, Kind: p.Kind, Has: []string{}, Open: []Open{}, NotApply: []string{}}
		for _, s := range Sections(p.Kind) {
			for _, q := range s.Questions {
				if !q.Essential {
					continue
				}
				if p.Answers[q.ID].NotApply {
					pr.NotApply = append(pr.NotApply, q.ID)
					continue
				}
				if o, open := b.essential(p, q); open {
					pr.Open = append(pr.Open, o)
				} else {
					pr.Has = append(pr.Has, q.ID)
				}
			}
		}
		r.Plans = append(r.Plans, pr)
		switch {
		case p.Reviewed.IsZero():
			r.Old = append(r.Old, Aging{Code: "plan-never", Plan: p.ID})
		case p.Reviewed.DaysUntil(today) > ReviewDays:
			r.Old = append(r.Old, Aging{Code: "plan-old", Plan: p.ID, Days: p.Reviewed.DaysUntil(today)})
		}
	}
	for _, c := range b.Contacts {
		if !c.Agreed || !slices.ContainsFunc(c.Roles, func(r Role) bool { return r.Has(RuleConfirm) }) {
			continue
		}
		switch {
		case c.Confirmed.IsZero():
			r.Old = append(r.Old, Aging{Code: "bond-never", Contact: c.ID})
		case c.Confirmed.DaysUntil(today) > ConfirmDays:
			r.Old = append(r.Old, Aging{Code: "bond-old", Contact: c.ID, Days: c.Confirmed.DaysUntil(today)})
		}
	}
	r.Old = append(r.Old, b.listAging(today)...)
	for _, c := range b.Contacts {
		if c.IfSilent.Empty() {
			continue
		}
		switch agreed := c.IfSilent.Agreed; {
		case agreed.IsZero():
			r.Old = append(r.Old, Aging{Code: "silence-never", Contact: c.ID})
		case agreed.DaysUntil(today) > SilenceDays:
			r.Old = append(r.Old, Aging{Code: "silence-old", Contact: c.ID, Days: agreed.DaysUntil(today)})
		}
	}
	for _, d := range b.Drills() {
		switch {
		case d.Progress.Practised.IsZero():
			// Never practised: not old, still to do.
		case d.Progress.Practised.DaysUntil(today) > PractiseDays:
			r.Old = append(r.Old, Aging{Code: "not-practised", Contact: d.Contact.ID, Days: d.Progress.Practised.DaysUntil(today)})
		}
	}
	return r
}

// essential says whether an essential point of plan p is still open.
func (b *Binder) essential(p Plan, q Question) (Open, bool) {
	open := Open{Question: q.ID, Code: "open"}
	a := p.Answers[q.ID]
	switch {
	case q.Kind == YesNo:
		return open, a.Yes == nil || !*a.Yes
	case q.Kind == Learn:
		ds := b.Drills()
		if len(ds) == 0 {
			return open, true
		}
		if slices.ContainsFunc(ds, func(d Drill) bool { return !d.Progress.Known() }) {
			return Open{Question: q.ID, Code: "numbers-not-known"}, true
		}
		return open, false
	case q.Kind == Contacts && q.Role.Has(RuleAgreed):
		if len(a.Contacts) == 0 {
			return open, true
		}
		for _, id := range a.Contacts {
			if c := b.Contact(id); c != nil && c.Agreed {
				return open, false
			}
		}
		return Open{Question: q.ID, Code: "bond-not-agreed", Contact: a.Contacts[0]}, true
	case q.Kind == Contacts && q.Role.Has(RuleAnyLawyer):
		for _, r := range RolesOf(p.Kind) {
			if r.Has(RuleAnyLawyer) && !p.Answers[r.Info().Question].Empty() {
				return open, false
			}
		}
		return open, true
	}
	return open, a.Empty()
}
