package plan

import "slices"

// A State is where one question of a plan stands, in the one vocabulary
// the screens, show, the check-up and the printout all use.
type State string

// The states of a question.
const (
	// Answered: the person said something (for the numbers to learn: at
	// least one number is marked).
	Answered State = "answered"
	// Skipped: its page was gone through and nothing was said ("not now").
	Skipped State = "skipped"
	// NotApply: the person said it does not apply to them.
	NotApply State = "doesnt-apply"
	// ToDo: its page has not been reached yet.
	ToDo State = "to-do"
)

// States lists the states in the order they are counted and shown.
var States = []State{Answered, Skipped, NotApply, ToDo}

// StateOf says where question q of plan p stands. A page counts as gone
// through when the plan is done, or when the plan's resume point is past
// it; a draft with no resume point has every page still to do.
func (b *Binder) StateOf(p Plan, q Question) State {
	a := p.Answers[q.ID]
	switch {
	case a.NotApply:
		return NotApply
	case q.Kind == Learn && len(b.ToLearn()) > 0, q.Kind == Silence && b.silenceAgreed(&p),
		q.Kind != Learn && q.Kind != Silence && !a.Empty():
		return Answered
	case p.Status == Done:
		return Skipped
	}
	sections := Sections(p.Kind)
	at := slices.IndexFunc(sections, func(s Section) bool { return s.ID == p.Resume })
	mine := slices.IndexFunc(sections, func(s Section) bool { return s.ID == q.Section })
	if at >= 0 && mine >= 0 && mine < at {
		return Skipped
	}
	return ToDo
}

// silenceAgreed reports whether one helper of p has an "if you don't
// hear from me" agreement: that question's answer lives on the helpers.
func (b *Binder) silenceAgreed(p *Plan) bool {
	for _, c := range b.Helpers(p) {
		if !c.IfSilent.Empty() {
			return true
		}
	}
	return false
}

// Tally counts the questions of plan p in each state; with only set, the
// questions of that section alone.
func (b *Binder) Tally(p Plan, only string) map[State]int {
	n := map[State]int{}
	for _, s := range Sections(p.Kind) {
		if only != "" && s.ID != only {
			continue
		}
		for _, q := range s.Questions {
			n[b.StateOf(p, q)]++
		}
	}
	return n
}
