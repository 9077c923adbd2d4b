package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"pathway/crypt"
	"pathway/locales"
	"pathway/plan"
)

// Interactive settings shared by the home menu and the wizards.
type interactive struct {
	accessible bool
	lockAfter  time.Duration
}

// asker is a ui that can also show menus and ask for a line or a secret:
// what the home menu and the first run need besides the wizard pages.
type asker interface {
	ui
	// menu shows numbered or listed options and returns the index picked.
	menu(header, title string, options []string) (int, error)
	// show shows a long text until the person goes on.
	show(header, text string) error
	// secret asks for a passphrase without showing it; check may refuse it.
	secret(header, title, help string, check func(string) error) (string, error)
	// line asks for one line of text.
	line(header, title, help string) (string, error)
}

// chooseUI picks the plain prompts when asked to (--accessible,
// PATHWAY_ACCESSIBLE=1, TERM=dumb) or when there is no terminal to draw
// on, and the full-screen forms otherwise.
func (a *app) chooseUI(in interactive) asker {
	plain := in.accessible || a.getenv("PATHWAY_ACCESSIBLE") == "1" || a.getenv("TERM") == "dumb" ||
		!isTerminalFile(a.stdin) || !isTerminalFile(a.stdout)
	if plain {
		return a.newPlainUI()
	}
	return a.newTUI(in.lockAfter)
}

// ended turns the ways a session can end early into exit codes: a quick
// exit or a timeout prints nothing at all; the end of piped input says
// that the answers so far are saved.
func (a *app) ended(err error) error {
	switch {
	case errors.Is(err, errQuickExit), errors.Is(err, errTimedOut):
		return &userError{code: 0, quiet: true}
	case errors.Is(err, errInputEnded):
		fmt.Fprintln(a.stderr, a.loc.T("wizard.input-ended"))
		return nil
	}
	return err
}

// startSession locks the vault and opens the binder, or, on a first run,
// explains what pathway keeps and sets up the passphrase.
func (a *app) startSession(u asker) (*session, error) {
	v, err := a.vault()
	if err != nil {
		return nil, err
	}
	if err := v.Lock(); err != nil {
		return nil, a.describe(err, v.Dir, "")
	}
	s := &session{v: v}
	if !v.Exists() {
		if err := a.firstRun(u, s); err != nil {
			v.Unlock()
			return nil, err
		}
		return s, nil
	}
	if err := a.unlock(u, s); err != nil {
		v.Unlock()
		return nil, err
	}
	a.useSavedLanguage(s.b)
	return s, nil
}

// firstRun explains pathway in a few sentences and sets the passphrase of
// a new vault, before any question about the person is asked.
func (a *app) firstRun(u asker, s *session) error {
	T := a.loc.T
	if err := u.show(T("first.title"), T("first.intro", "Dir", s.v.Dir)); err != nil {
		return err
	}
	switch {
	case a.identityFile != "" || a.passphraseFile != "":
		k, err := a.newKey()
		if err != nil {
			return err
		}
		s.key = k
	default:
		k, err := a.choosePassphrase(u)
		if err != nil {
			return err
		}
		s.key = k
	}
	s.b = plan.New(plan.DateOf(a.now()))
	return a.autosave(s)
}

// choosePassphrase lets the person type a passphrase twice, or have one
// made of random words.
func (a *app) choosePassphrase(u asker) (*crypt.Key, error) {
	T := a.loc.T
	strong := func(p string) error {
		if len([]rune(p)) < 8 {
			return errors.New(T("first.too-short"))
		}
		if len(p) > maxPassphrase {
			return errors.New(T("error.passphrase-too-long"))
		}
		return nil
	}
	for {
		k, err := u.menu(T("first.title"), T("first.how"), []string{T("first.own"), T("first.generate")})
		if err != nil {
			return nil, err
		}
		var p string
		if k == 1 {
			p, err = crypt.GeneratePassphrase(6)
			if err != nil {
				return nil, err
			}
			if err := u.show(T("first.title"), T("first.generated", "Passphrase", p)); err != nil {
				return nil, err
			}
		} else {
			p, err = u.secret(T("first.title"), T("prompt.new-passphrase"), T("msg.passphrase-hint"), strong)
			if err != nil {
				return nil, err
			}
		}
		again, err := u.secret(T("first.title"), T("prompt.repeat-passphrase"), T("first.repeat-help"), nil)
		if err != nil {
			return nil, err
		}
		if again == p {
			return crypt.Passphrase(p)
		}
		u.notice(T("error.passphrase-mismatch"))
	}
}

// unlock opens the binder of the session's vault: from --identity or
// --passphrase-file, or by asking, three tries at most.
func (a *app) unlock(u asker, s *session) error {
	if a.identityFile != "" || a.passphraseFile != "" {
		o, err := a.open(s.v, "", "prompt.passphrase")
		if err != nil {
			return err
		}
		s.b, s.key = o.binder, o.key
		return nil
	}
	sealed, err := s.v.Read(false)
	if err != nil {
		return a.describe(err, s.v.Dir, "")
	}
	help := ""
	for try := 1; try <= tries; try++ {
		p, err := u.secret("pathway", a.loc.T("prompt.passphrase"), help, nil)
		if err != nil {
			return err
		}
		k, err := crypt.Passphrase(p)
		if err != nil {
			help = a.loc.T("error.passphrase-empty")
			continue
		}
		plain, err := crypt.Open(sealed, k)
		if errors.Is(err, crypt.ErrWrongPassphrase) {
			help = a.loc.T("error.crypt.wrong-passphrase")
			continue
		}
		if err != nil {
			return a.describe(err, s.v.Dir, "")
		}
		b, err := plan.Decode(plain)
		if err != nil {
			return a.describe(err, s.v.Dir, "")
		}
		s.b, s.key = b, k
		return nil
	}
	return a.fail("error.too-many-tries")
}

// home is the menu that `pathway` alone opens.
func (a *app) home(in interactive) error {
	u := a.chooseUI(in)
	s, err := a.startSession(u)
	if err != nil {
		return a.ended(err)
	}
	defer s.v.Unlock()
	T := a.loc.T
	for {
		type item struct {
			label string
			do    func() error
		}
		items := []item{{T("home.new"), func() error { return a.startPlan(s, u) }}}
		if len(s.b.Plans) > 0 {
			items = append(items,
				item{T("home.continue"), func() error { return a.continuePlan(s, u, "") }},
				item{T("home.see"), func() error {
					var sb strings.Builder
					a.printSummary(&sb, s.b)
					return u.show(T("home.see"), sb.String())
				}})
		}
		items = append(items,
			item{a.languageLabel(), func() error { return a.pickLanguage(s, u) }},
			item{T("home.quit"), nil})
		var labels []string
		for _, it := range items {
			labels = append(labels, it.label)
		}
		k, err := u.menu("pathway", T("home.title"), labels)
		if err != nil {
			return a.ended(err)
		}
		if items[k].do == nil {
			if t, ok := u.(*tuiUI); ok {
				t.clear()
			}
			return nil
		}
		if err := items[k].do(); err != nil {
			return a.ended(err)
		}
	}
}

// startPlan asks which kind of plan and what it is about, then runs the
// wizard on a new draft.
func (a *app) startPlan(s *session, u asker) error {
	T := a.loc.T
	var labels []string
	for _, k := range plan.Kinds {
		labels = append(labels, T(plan.KindTitleKey(k))+": "+T(plan.KindIntroKey(k)))
	}
	k, err := u.menu("pathway", T("home.which-kind"), labels)
	if err != nil {
		return err
	}
	return a.runNew(s, u, plan.Kinds[k])
}

func (a *app) runNew(s *session, u asker, k plan.Kind) error {
	T := a.loc.T
	context, err := u.line(T(plan.KindTitleKey(k)), T("wizard.context"), T("wizard.context-help"))
	if err != nil {
		return err
	}
	p := a.newPlan(s.b, k, context)
	p.Resume = plan.Sections(k)[0].ID
	if err := a.autosave(s); err != nil {
		return err
	}
	return a.wizard(s, p, u)
}

// continuePlan resumes a plan: the one named, the only one, or one picked.
func (a *app) continuePlan(s *session, u asker, id string) error {
	T := a.loc.T
	var p *plan.Plan
	switch {
	case id != "":
		if p = s.b.Plan(id); p == nil {
			var ids []string
			for _, p := range s.b.Plans {
				ids = append(ids, p.ID)
			}
			return a.fail("error.no-plan", "Plan", plan.CleanLine(id), "Plans", strings.Join(ids, ", "))
		}
	case len(s.b.Plans) == 0:
		return a.fail("error.no-plans")
	case len(s.b.Plans) == 1:
		p = &s.b.Plans[0]
	default:
		var labels []string
		for _, p := range s.b.Plans {
			labels = append(labels, a.planLabel(p))
		}
		k, err := u.menu("pathway", T("home.which-plan"), labels)
		if err != nil {
			return err
		}
		p = &s.b.Plans[k]
	}
	return a.wizard(s, p, u)
}

// planLabel names a plan in a list: its kind, what it is about, its state.
func (a *app) planLabel(p plan.Plan) string {
	T := a.loc.T
	label := T(plan.KindTitleKey(p.Kind))
	if p.Context != "" {
		label += ": " + p.Context
	}
	return label + " (" + T("status."+string(p.Status)) + ")"
}

// languageLabel is the menu item that leads to the languages, written in
// every language pathway speaks, the current one first: someone who cannot
// read the current language still finds their way to their own.
func (a *app) languageLabel() string {
	words := []string{a.loc.T("home.language")}
	for _, tag := range locales.Available() {
		l, _ := locales.Get(tag)
		if w := l.T("home.language"); !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return strings.Join(words, " · ")
}

// pickLanguage lists the languages in their own names and saves the choice
// in the binder. The stored answers do not change.
func (a *app) pickLanguage(s *session, u asker) error {
	tags := locales.Available()
	var labels []string
	for _, t := range tags {
		l, _ := locales.Get(t)
		labels = append(labels, l.T("language.name")+" ("+t+")")
	}
	k, err := u.menu("pathway", a.loc.T("home.language"), labels)
	if err != nil {
		return err
	}
	s.b.Language = tags[k]
	a.loc, _ = locales.Get(tags[k])
	if t, ok := u.(*tuiUI); ok {
		t.keymap = a.keyMap()
	}
	return a.autosave(s)
}

func (a *app) interactiveFlags(c *cobra.Command, in *interactive) {
	c.Flags().BoolVar(&in.accessible, "accessible", false, a.loc.T("flag.accessible"))
	c.Flags().DurationVar(&in.lockAfter, "lock-after", 0, a.loc.T("flag.lock-after"))
}

func (a *app) newCommand() *cobra.Command {
	var in interactive
	c := &cobra.Command{
		Use:       "new safety|release",
		Short:     a.loc.T("cmd.new.short"),
		Args:      a.exactArgs(1),
		ValidArgs: []string{string(plan.Safety), string(plan.Release)},
		RunE: func(cmd *cobra.Command, args []string) error {
			k := plan.Kind(args[0])
			if !k.Valid() {
				return &userError{msg: a.loc.T("error.kind", "Kind", plan.CleanLine(args[0])), code: 2}
			}
			u := a.chooseUI(in)
			s, err := a.startSession(u)
			if err != nil {
				return a.ended(err)
			}
			defer s.v.Unlock()
			return a.ended(a.runNew(s, u, k))
		},
	}
	a.interactiveFlags(c, &in)
	return c
}

func (a *app) editCommand() *cobra.Command {
	var in interactive
	c := &cobra.Command{
		Use:   "edit [PLAN]",
		Short: a.loc.T("cmd.edit.short"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return &userError{msg: a.loc.T("error.args", "Want", 1, "Got", len(args)), code: 2}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			u := a.chooseUI(in)
			s, err := a.startSession(u)
			if err != nil {
				return a.ended(err)
			}
			defer s.v.Unlock()
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			return a.ended(a.continuePlan(s, u, id))
		},
	}
	a.interactiveFlags(c, &in)
	return c
}

// --- the home menu's needs, for each ui ---

func (u *plainUI) menu(header, title string, options []string) (int, error) {
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, title)
	for {
		k, err := u.choose(options, -1)
		if err != nil || k >= 0 {
			return k, err
		}
		fmt.Fprintln(u.out, "  ! "+u.t("plain.pick-one", "Max", len(options)))
	}
}

func (u *plainUI) show(header, text string) error {
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, header)
	fmt.Fprintln(u.out, text)
	return nil
}

func (u *plainUI) secret(header, title, help string, check func(string) error) (string, error) {
	if help != "" {
		fmt.Fprintln(u.out, help)
	}
	for {
		p, err := u.a.readSecret(title)
		if err != nil {
			return "", err
		}
		if check != nil {
			if err := check(p); err != nil {
				fmt.Fprintln(u.out, "  ! "+err.Error())
				continue
			}
		}
		return p, nil
	}
}

func (u *plainUI) line(header, title, help string) (string, error) {
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, title)
	if help != "" {
		fmt.Fprintln(u.out, "   "+help)
	}
	return u.ask(u.a.checkAnswerText)
}

func (u *tuiUI) menu(header, title string, options []string) (int, error) {
	k := 0
	var opts []huh.Option[int]
	for i, o := range options {
		opts = append(opts, huh.NewOption(o, i))
	}
	sel := huh.NewSelect[int]().Title(title).Options(opts...).Value(&k)
	for {
		out, err := u.run(header, u.form(huh.NewGroup(sel)), nil)
		if err != nil {
			return 0, err
		}
		if out == done {
			return k, nil
		}
	}
}

func (u *tuiUI) show(header, text string) error {
	_, err := u.run(header, newPager(text, u.a.loc.T("pager.continue")), nil)
	return err
}

func (u *tuiUI) secret(header, title, help string, check func(string) error) (string, error) {
	var p string
	in := huh.NewInput().Title(title).Description(help).EchoMode(huh.EchoModePassword).
		CharLimit(maxPassphrase + 1).Value(&p)
	if check != nil {
		in.Validate(check)
	}
	if _, err := u.run(header, u.form(huh.NewGroup(in)), nil); err != nil {
		return "", err
	}
	return p, nil
}

func (u *tuiUI) line(header, title, help string) (string, error) {
	var s string
	in := huh.NewInput().Title(title).Description(help).CharLimit(plan.MaxText + 1).
		Validate(u.a.checkAnswerText).Value(&s)
	if _, err := u.run(header, u.form(huh.NewGroup(in)), nil); err != nil {
		return "", err
	}
	return plan.CleanLine(s), nil
}
