package main

import (
	"errors"
	"fmt"
	"pathway/printout"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"pathway/crypt"
	"pathway/directory"
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
	// pick shows options and returns the indexes of those picked.
	pick(header, title string, options []string) ([]int, error)
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
	case errors.Is(err, errInputEnded) && a.outreach:
		fmt.Fprintln(a.stderr, a.loc.T("outreach.input-ended"))
		return nil
	case errors.Is(err, errInputEnded):
		fmt.Fprintln(a.stderr, a.loc.T("wizard.input-ended"))
		return nil
	}
	return err
}

// startSession locks the vault and opens the binder, or, on a first run,
// explains what pathway keeps and sets up the passphrase.
func (a *app) startSession(u asker) (*session, error) {
	if a.outreach {
		return &session{b: plan.New(plan.DateOf(a.now()))}, nil
	}
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
	var s *session
	if a.outreach {
		s = &session{b: plan.New(plan.DateOf(a.now()))}
		if err := u.show("pathway", a.loc.T("outreach.banner")); err != nil {
			return a.ended(err)
		}
	} else {
		var err error
		if s, err = a.startSession(u); err != nil {
			return a.ended(err)
		}
		defer s.v.Unlock()
	}
	T := a.loc.T
	for {
		type item struct {
			label string
			do    func() error
		}
		items := []item{{T("home.new"), func() error { return a.startPlan(s, u) }}}
		if len(s.b.Drills()) > 0 {
			items = append(items, item{T("home.practise"), func() error { return a.practise(s, u, false) }})
		}
		if len(s.b.Plans) > 0 {
			items = append(items,
				item{T("home.continue"), func() error { return a.continuePlan(s, u, "") }},
				item{T("home.see"), func() error {
					var sb strings.Builder
					a.printSummary(&sb, s.b)
					return u.show(T("home.see"), sb.String())
				}},
				item{T("home.check"), func() error {
					return u.show(T("check.title"), a.checkText(s.b, s.b.CheckUp(plan.DateOf(a.now())), ""))
				}},
				item{T("home.print"), func() error { return a.printMenu(s, u) }},
				item{T("home.share"), func() error { return a.shareChooser(s, u) }})
		}
		items = append(items,
			item{T("home.resources"), func() error { return a.browseResources(s, u) }},
			item{a.languageLabel(), func() error { return a.pickLanguage(s, u) }},
			item{T("home.quit"), nil})
		var labels []string
		for _, it := range items {
			labels = append(labels, it.label)
		}
		title := T("home.title")
		// One quiet line when numbers are due for practice.
		if due := len(s.b.Due(plan.DateOf(a.now()))); due > 0 {
			title += "\n" + a.loc.N("home.due", due)
		}
		k, err := u.menu("pathway", title, labels)
		if err != nil {
			return a.ended(err)
		}
		if items[k].do == nil {
			if a.outreach {
				if err := a.outreachSave(s, u); err != nil {
					return a.ended(err)
				}
			}
			if t, ok := u.(*tuiUI); ok {
				t.clear()
			} else if a.outreach && isTerminal(a.stdout) {
				fmt.Fprint(a.stdout, clearAll)
			}
			return nil
		}
		if err := items[k].do(); err != nil {
			// A refusal worded for the person (a file that exists, a path
			// that cannot be written) is said, and the menu comes back.
			var ue *userError
			if errors.As(err, &ue) && !ue.quiet {
				u.notice(ue.msg)
				continue
			}
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

// outreachSave asks, at the end of an outreach session, what to take
// away: the plans, encrypted, in a folder (a USB stick), and printouts.
// Nothing else was written, and nothing else will be.
func (a *app) outreachSave(s *session, u asker) error {
	T := a.loc.T
	for {
		k, err := u.menu("pathway", T("outreach.save-how"), []string{T("outreach.save-folder"), T("outreach.save-print"), T("outreach.save-done")})
		if err != nil {
			return err
		}
		switch k {
		case 0:
			dir, err := u.line("pathway", T("outreach.folder"), "")
			if err != nil {
				return err
			}
			if dir == "" {
				continue
			}
			var key *crypt.Key
			if a.passphraseFile != "" || a.identityFile != "" {
				key, err = a.newKey()
			} else {
				key, err = a.choosePassphrase(u)
			}
			if err != nil {
				return err
			}
			data, err := plan.Encode(s.b)
			if err != nil {
				return a.describe(err, dir, "")
			}
			sealed, err := crypt.Seal(data, key)
			if err != nil {
				return a.describe(err, dir, "")
			}
			if err := crypt.WriteNew(dir, sealed); err != nil {
				if errors.Is(err, crypt.ErrExists) {
					u.notice(T("error.vault-exists"))
					continue
				}
				return a.describe(err, dir, "")
			}
			u.notice(T("outreach.saved-folder", "Dir", dir))
		case 1:
			if err := a.printMenu(s, u); err != nil {
				var ue *userError
				if errors.As(err, &ue) {
					u.notice(ue.msg)
					continue
				}
				return err
			}
		default:
			return nil
		}
	}
}

// printMenu saves one printout of the session's binder where the person
// says: a plan's checklist, or the cards.
func (a *app) printMenu(s *session, u asker) error {
	T := a.loc.T
	type choice struct {
		label string
		make  func(printout.Options) ([]byte, error)
	}
	var choices []choice
	for i := range s.b.Plans {
		p := &s.b.Plans[i]
		choices = append(choices, choice{a.planLabel(*p), func(o printout.Options) ([]byte, error) { return printout.Checklist(s.b, p, o) }})
	}
	if len(s.b.ToLearn()) > 0 {
		choices = append(choices, choice{T("cmd.print-cards.short"), func(o printout.Options) ([]byte, error) {
			return printout.Cards(s.b, printout.CardOptions{Options: o})
		}})
	}
	labels := []string{T("nav.none")}
	for _, c := range choices {
		labels = append(labels, c.label)
	}
	k, err := u.menu("pathway", T("outreach.which-print"), labels)
	if err != nil || k == 0 {
		return err
	}
	path, err := u.line("pathway", T("outreach.print-path"), "")
	if err != nil || path == "" {
		return err
	}
	f := &printFlags{out: path}
	if err := a.checkOutput(f); err != nil {
		return err
	}
	pdf, err := choices[k-1].make(printout.Options{Loc: a.loc})
	switch {
	case errors.Is(err, printout.ErrTooMany):
		return a.fail("error.print-too-many", "Max", printout.MaxCardNumbers, "Count", len(s.b.ToLearn()))
	case errors.Is(err, printout.ErrNothingToPrint):
		return a.fail("error.print-no-numbers")
	case err != nil:
		return a.fail("error.print", "Detail", plan.CleanLine(err.Error()))
	}
	if err := a.writeFile(f, pdf); err != nil {
		return err
	}
	u.notice(T("outreach.saved-print", "Path", path))
	return nil
}

// shareChooser does what pathway share does, asking each choice in turn
// and showing exactly what will be shared before anything is written.
func (a *app) shareChooser(s *session, u asker) error {
	T := a.loc.T
	var parts []string
	var labels []string
	for _, p := range s.b.Plans {
		for _, sec := range plan.Sections(p.Kind) {
			parts = append(parts, p.ID+"/"+sec.ID)
			labels = append(labels, a.planLabel(p)+": "+T(sec.TitleKey()))
		}
	}
	picked, err := u.pick(T("home.share"), T("share.ask-parts"), labels)
	if err != nil || len(picked) == 0 {
		return err
	}
	var chosen []string
	for _, k := range picked {
		chosen = append(chosen, parts[k])
	}
	sel, _ := s.b.SelectSections(chosen)
	to, err := u.line(T("home.share"), T("share.ask-to"), "")
	if err != nil {
		return err
	}
	var key *crypt.Key
	forName := T("share.someone")
	if to == "" {
		if key, err = a.choosePassphrase(u); err != nil {
			return err
		}
	} else if key, err = crypt.ParseRecipient(to); err != nil {
		u.notice(T("error.recipient", "Recipient", shorten(to)))
		return nil
	} else {
		forName = shorten(to)
	}
	untilText, err := u.line(T("home.share"), T("share.ask-until"), "")
	if err != nil {
		return err
	}
	until, err := plan.ParseDate(untilText)
	if err != nil || until.Before(plan.DateOf(a.now())) {
		u.notice(T("error.share-until-past", "Until", plan.CleanLine(untilText)))
		return nil
	}
	purpose, err := u.line(T("home.share"), T("share.ask-purpose"), "")
	if err != nil {
		return err
	}
	path, err := u.line(T("home.share"), T("share.ask-path"), "")
	if err != nil || path == "" {
		return err
	}
	sh := &plan.Share{Format: plan.Format, Kind: plan.ShareKind, For: forName, Purpose: purpose,
		Until: until, Made: plan.DateOf(a.now()), Binder: s.b.Subset(sel)}
	var sb strings.Builder
	fmt.Fprintln(&sb, T("share.for", "For", sh.For))
	if purpose != "" {
		fmt.Fprintln(&sb, T("share.purpose", "Purpose", purpose))
	}
	fmt.Fprintln(&sb, T("share.until", "Until", until.String()))
	fmt.Fprintln(&sb)
	a.printSummary(&sb, sh.Binder)
	if err := u.show(T("share.preview"), sb.String()); err != nil {
		return err
	}
	k, err := u.menu(T("home.share"), T("share.preview"), []string{T("nav.finish"), T("nav.none")})
	if err != nil || k != 0 {
		return err
	}
	data, err := plan.EncodeShare(sh)
	if err != nil {
		return err
	}
	sealed, err := crypt.Seal(data, key)
	if err != nil {
		return err
	}
	f := &printFlags{out: path}
	if err := a.checkOutput(f); err != nil {
		u.notice(err.Error())
		return nil
	}
	if err := a.writeFile(f, sealed); err != nil {
		u.notice(err.Error())
		return nil
	}
	u.notice(T("share.written", "Path", path, "For", sh.For, "Until", until.String()))
	return nil
}

// browseResources shows the organisations of one kind of help.
func (a *app) browseResources(s *session, u asker) error {
	T := a.loc.T
	labels := []string{T("nav.none")}
	for _, c := range directory.Categories {
		labels = append(labels, T("dircat."+c))
	}
	k, err := u.menu(T("home.resources"), T("home.resources-which"), labels)
	if err != nil || k == 0 {
		return err
	}
	lists := []*directory.List{directory.Guide()}
	if s.v != nil {
		if mine, err := a.importedLists(s.v, s.key); err == nil {
			lists = append(lists, mine...)
		}
	}
	var sb strings.Builder
	for i, x := range directory.Find(lists, directory.Filter{Category: directory.Categories[k-1]}) {
		if i > 0 {
			sb.WriteString("\n")
		}
		a.printListing(&sb, x)
	}
	return u.show(T("dircat."+directory.Categories[k-1]), sb.String())
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

// interactive runs do in a session of the chosen ui; in outreach mode it
// then asks what to take away.
func (a *app) interactive(in interactive, do func(*session, asker) error) error {
	u := a.chooseUI(in)
	s, err := a.startSession(u)
	if err != nil {
		return a.ended(err)
	}
	defer s.unlock()
	if err := do(s, u); err != nil || !a.outreach {
		return a.ended(err)
	}
	return a.ended(a.outreachSave(s, u))
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
			return a.interactive(in, func(s *session, u asker) error { return a.runNew(s, u, k) })
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
		Args:  a.maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			return a.interactive(in, func(s *session, u asker) error { return a.continuePlan(s, u, id) })
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

func (u *plainUI) pick(header, title string, options []string) ([]int, error) {
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, title)
	return u.pickMany(options, nil, false)
}

func (u *tuiUI) pick(header, title string, options []string) ([]int, error) {
	var picked []int
	var opts []huh.Option[int]
	for i, o := range options {
		opts = append(opts, huh.NewOption(o, i))
	}
	ms := huh.NewMultiSelect[int]().Title(title).Options(opts...).Filterable(false).Value(&picked)
	if _, err := u.run(header, u.form(huh.NewGroup(ms)), nil); err != nil {
		return nil, err
	}
	return picked, nil
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
