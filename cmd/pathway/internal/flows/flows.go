// Package flows holds what the person does through the screens, beyond
// one plan's pages: the home menu, outreach, sharing, printing,
// organisations, the drill and the choice of language.
package flows

import (
	"errors"
	"fmt"
	"time"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/cmd/pathway/internal/ui/plain"
	"pathway/cmd/pathway/internal/ui/tui"
)

// Settings are the interactive choices of the command line.
type Settings struct {
	Accessible bool          // --accessible: the plain prompts
	LockAfter  time.Duration // --lock-after: close after that long without a key
	// NeedsPlans: the command works on plans already made (edit,
	// practise); where there are none, it makes no vault and says how to
	// start.
	NeedsPlans bool
}

// ChooseUI picks the plain prompts when asked to (--accessible,
// PATHWAY_ACCESSIBLE=1, TERM=dumb) or when there is no terminal to draw
// on, and the full-screen forms otherwise.
func ChooseUI(e *env.Env, in Settings) ui.UI {
	if !FullScreen(e, in) {
		return plain.New(e)
	}
	return tui.New(e, in.LockAfter)
}

// FullScreen reports whether ChooseUI draws full screens: not when asked
// for the plain prompts, nor without a terminal to draw on.
func FullScreen(e *env.Env, in Settings) bool {
	return !in.Accessible && e.Getenv("PATHWAY_ACCESSIBLE") != "1" && e.Getenv("TERM") != "dumb" &&
		session.IsTerminal(e.Stdin) && session.IsTerminal(e.Stdout)
}

// ended turns the ways a session can end early into what the command
// returns: a quick exit or a timeout prints nothing at all; the end of
// piped input says that the answers so far are saved.
func ended(e *env.Env, o *session.Options, err error) error {
	switch {
	case errors.Is(err, ui.ErrQuickExit), errors.Is(err, ui.ErrTimedOut):
		return env.Quiet()
	case errors.Is(err, ui.ErrInputEnded) && o.Outreach:
		fmt.Fprintln(e.Stderr, e.T("outreach.input-ended"))
		return nil
	case errors.Is(err, ui.ErrInputEnded):
		fmt.Fprintln(e.Stderr, e.T("wizard.input-ended"))
		return nil
	}
	return err
}

// ends reports whether err ends the session at once, rather than being
// said to the person and the menu shown again.
func ends(err error) bool {
	return errors.Is(err, ui.ErrQuickExit) || errors.Is(err, ui.ErrTimedOut) || errors.Is(err, ui.ErrInputEnded)
}

// Interactive runs do in a session of the chosen ui; in outreach mode it
// then asks what to take away.
func Interactive(e *env.Env, o *session.Options, in Settings, do func(*session.Session, ui.UI) error) error {
	u := ChooseUI(e, in)
	start := session.Start
	if in.NeedsPlans {
		start = session.StartExisting
	}
	s, err := start(e, o, u)
	if err != nil {
		u.Close()
		return ended(e, o, err)
	}
	defer s.Close()
	err = do(s, u)
	if err == nil && o.Outreach {
		err = outreachSave(s, u)
	}
	if !ends(err) {
		u.Close()
	}
	return ended(e, o, err)
}

// Page shows a text (a summary, a check-up) on a full screen of its own,
// which closes after in.LockAfter without a key, the screen and the
// scrollback cleared. The caller writes the text itself where there are
// no full screens (see FullScreen).
func Page(e *env.Env, in Settings, header, text string) error {
	u := tui.New(e, in.LockAfter)
	err := u.Show(header, text)
	if !ends(err) {
		u.Close()
	}
	if errors.Is(err, ui.ErrQuickExit) || errors.Is(err, ui.ErrTimedOut) {
		return env.Quiet()
	}
	return err
}
