package flows

import (
	"errors"
	"slices"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/cmd/pathway/internal/wizard"
	"pathway/locales"
	"pathway/plan"
)

// Home is the menu that `pathway` alone opens. Everything the person
// chooses comes back to it; a refusal or an error is said on the screen
// and the menu comes back, where the cursor was.
func Home(e *env.Env, o *session.Options, in Settings) error {
	u := ChooseUI(e, in)
	var s *session.Session
	if o.Outreach {
		s = session.InMemory(e, o)
		if err := u.Show("pathway", e.T("outreach.banner")); err != nil {
			return ended(e, o, err)
		}
	} else {
		var err error
		if s, err = session.Start(e, o, u); err != nil {
			if !ends(err) {
				u.Close()
			}
			return ended(e, o, err)
		}
		defer s.Close()
	}
	for {
		type item struct {
			label string
			do    func() error
		}
		T := e.T
		items := []item{{T("home.new"), func() error { return StartPlan(s, u) }}}
		if len(s.Binder.Drills()) > 0 {
			items = append(items, item{T("home.practise"), func() error { return Practise(s, u, false) }})
		}
		if len(s.Binder.Plans) > 0 {
			items = append(items,
				item{T("home.continue"), func() error { return ContinuePlan(s, u, "") }},
				item{T("home.see"), func() error { return u.Show(T("home.see"), show.SummaryText(e, s.Binder)) }},
				item{T("home.check"), func() error {
					return u.Show(T("check.title"), show.Check(e, s.Binder, s.CheckUp(), ""))
				}},
				item{T("home.print"), func() error { return PrintMenu(s, u) }},
				item{T("home.share"), func() error { return Share(s, u) }},
				item{T("home.pocket"), func() error { return Pocket(s, u) }})
		}
		if l, err := s.Ledger(); err == nil && len(l.Consents) > 0 {
			items = append(items, item{T("shares.home"), func() error { return Shares(s, u) }})
		}
		if s.Vault != nil {
			items = append(items, item{T("before.menu"), func() error { return BeforeSearch(s, u) }})
		}
		items = append(items,
			item{T("home.resources"), func() error { return Resources(s, u) }},
			item{languageLabel(e), func() error { return PickLanguage(s, u) }},
			item{T("home.quit"), nil})
		var labels []string
		for _, it := range items {
			labels = append(labels, it.label)
		}
		title := T("home.title")
		// One quiet line when numbers are due for practice.
		if due := len(s.Binder.Due(e.Today())); due > 0 {
			title += "\n" + e.N("home.due", due)
		}
		// A number a newer list changed, until the new one is known.
		for _, n := range show.NumberNotices(e, s.Binder) {
			title += "\n" + n
		}
		k, err := u.Menu("pathway", title, labels)
		if err != nil {
			return ended(e, o, err)
		}
		if items[k].do == nil {
			if o.Outreach {
				if err := outreachSave(s, u); err != nil {
					return ended(e, o, err)
				}
			}
			u.Close()
			return nil
		}
		if err := items[k].do(); err != nil {
			if errors.Is(err, ErrWiped) {
				// Nothing is left to show or save; a deletion that failed
				// half-way ends with its message.
				u.Close()
				var failed *env.Error
				if errors.As(err, &failed) {
					return failed
				}
				return nil
			}
			if ends(err) {
				return ended(e, o, err)
			}
			// Said where the person looks; the menu comes back.
			u.Notice(e.Message(err))
		}
	}
}

// StartPlan asks which kind of plan and starts it.
func StartPlan(s *session.Session, u ui.UI) error {
	e := s.E
	var labels []string
	for _, k := range plan.Kinds {
		labels = append(labels, e.T(plan.KindTitleKey(k))+": "+e.T(plan.KindIntroKey(k)))
	}
	labels = append(labels, e.T("progress.back"))
	k, err := u.Menu("pathway", e.T("home.which-kind"), labels)
	if err != nil || k == len(plan.Kinds) {
		return err
	}
	return wizard.New(s, u, plan.Kinds[k])
}

// ContinuePlan resumes a plan: the one named, the only one, or one picked.
func ContinuePlan(s *session.Session, u ui.UI, id string) error {
	e := s.E
	b := s.Binder
	var p *plan.Plan
	switch {
	case id != "":
		if p = b.Plan(id); p == nil {
			var ids []string
			for _, p := range b.Plans {
				ids = append(ids, p.ID)
			}
			return e.Fail("error.no-plan", "Plan", id, "Plans", strings.Join(ids, ", "))
		}
	case len(b.Plans) == 0:
		return e.Fail("error.no-plans")
	case len(b.Plans) == 1:
		p = &b.Plans[0]
	default:
		var labels []string
		for _, p := range b.Plans {
			labels = append(labels, show.PlanProgress(e, b, p))
		}
		labels = append(labels, e.T("progress.back"))
		k, err := u.Menu("pathway", e.T("home.which-plan"), labels)
		if err != nil || k == len(b.Plans) {
			return err
		}
		p = &b.Plans[k]
	}
	return wizard.Run(s, u, p)
}

// languageLabel is the menu item that leads to the languages, written in
// every language pathway speaks, the current one first: someone who cannot
// read the current language still finds their way to their own.
func languageLabel(e *env.Env) string {
	words := []string{e.T("home.language")}
	for _, tag := range locales.Available() {
		l, _ := locales.Get(tag)
		if w := l.T("home.language"); !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return strings.Join(words, " · ")
}

// PickLanguage lists the languages in their own names and saves the
// choice in the binder. From the next frame on, everything is said in it.
func PickLanguage(s *session.Session, u ui.UI) error {
	e := s.E
	tags := locales.Available()
	var labels []string
	for _, t := range tags {
		l, _ := locales.Get(t)
		labels = append(labels, l.T("language.name")+" ("+t+")")
	}
	labels = append(labels, e.T("progress.back"))
	k, err := u.Menu("pathway", e.T("home.language"), labels)
	if err != nil || k == len(tags) {
		return err
	}
	if err := e.SetLanguage(tags[k]); err != nil {
		return err
	}
	s.Binder.Language = tags[k]
	// A language chosen on screen wins over --lang from now on.
	e.Lang = tags[k]
	if s.Vault != nil {
		u.Busy(e.T("msg.saving"))
	}
	return s.Save()
}
