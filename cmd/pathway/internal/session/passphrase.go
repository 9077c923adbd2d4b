package session

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"

	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
	"pathway/plan"
)

// MaxPassphrase is the longest passphrase read, in bytes.
const MaxPassphrase = 1024

// MinPassphrase is the fewest characters a new passphrase may have.
const MinPassphrase = 8

// Tries is how many times a passphrase typed at the terminal is asked.
const Tries = 3

// Policy is the one check of a new passphrase, on every path that makes
// one (the first run, a passphrase file, a change of passphrase, a share,
// an outreach save): long enough, not only spaces, not too long. The
// message is in the person's language.
func Policy(e *env.Env) func(string) error {
	return func(p string) error {
		switch {
		case len(p) > MaxPassphrase:
			return errors.New(e.T("error.passphrase-too-long"))
		case strings.TrimFunc(p, unicode.IsSpace) == "":
			return errors.New(e.T("error.passphrase-blank"))
		case utf8.RuneCountInString(p) < MinPassphrase:
			return errors.New(e.T("first.too-short"))
		}
		return nil
	}
}

// Prompter asks the person for what opening a vault needs. The full-screen
// and plain interfaces are prompters; so is the terminal itself (TTY) for
// the commands that run without one.
type Prompter interface {
	// Secret asks for a passphrase without showing it; check may refuse it.
	Secret(header, title, help string, check func(string) error) (string, error)
	// Show shows a text until the person goes on.
	Show(header, text string) error
	// Menu shows options and returns the index picked.
	Menu(header, title string, options []string) (int, error)
	// Notice tells the person something short where they are looking.
	Notice(msg string)
}

// TTY prompts on the terminal the person types on, even when standard input
// is a pipe: passphrases are read there, never from arguments.
type TTY struct{ E *env.Env }

func openTTY() (*os.File, error) {
	if runtime.GOOS == "windows" {
		return os.OpenFile("CONIN$", os.O_RDWR, 0)
	}
	return os.OpenFile("/dev/tty", os.O_RDWR, 0)
}

// IsTerminal reports whether x is a terminal.
func IsTerminal(x any) bool {
	f, ok := x.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Secret prints the help and the title on the terminal and reads a line
// without echo; what check refuses ends the command with its message.
func (t TTY) Secret(header, title, help string, check func(string) error) (string, error) {
	tty, err := openTTY()
	if err != nil {
		return "", t.E.Fail("error.no-tty")
	}
	defer tty.Close()
	if help != "" {
		fmt.Fprintln(tty, help)
	}
	{
		fmt.Fprint(tty, title)
		b, err := term.ReadPassword(int(tty.Fd()))
		fmt.Fprintln(tty)
		if err != nil {
			return "", t.E.Fail("error.no-tty")
		}
		if len(b) > MaxPassphrase {
			return "", t.E.Fail("error.passphrase-too-long")
		}
		if check != nil {
			if err := check(string(b)); err != nil {
				// On a bare terminal a refusal ends the command: the
				// same words as on the screens, exit code 1.
				return "", &env.Error{Msg: err.Error(), Code: env.ExitFailure}
			}
		}
		return string(b), nil
	}
}

// Show writes the text on standard error.
func (t TTY) Show(header, text string) error {
	fmt.Fprintln(t.E.Stderr, text)
	return nil
}

// Menu is not asked on the bare terminal: the first choice is taken.
func (t TTY) Menu(header, title string, options []string) (int, error) { return 0, nil }

// Notice writes the message on standard error.
func (t TTY) Notice(msg string) { fmt.Fprintln(t.E.Stderr, msg) }

// ReadLine reads a line typed at the terminal, with echo.
func (t TTY) ReadLine(prompt string) (string, error) {
	tty, err := openTTY()
	if err != nil {
		return "", t.E.Fail("error.no-tty")
	}
	defer tty.Close()
	fmt.Fprint(tty, prompt)
	line, err := bufio.NewReader(io.LimitReader(tty, 4096)).ReadString('\n')
	if err != nil && line == "" {
		return "", t.E.Fail("error.no-tty")
	}
	return strings.TrimSpace(line), nil
}

// FirstLine reads the first line of a passphrase file.
func FirstLine(e *env.Env, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", e.Fail("error.passphrase-file", "Path", path)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxPassphrase+2))
	if err != nil {
		return "", e.Fail("error.passphrase-file", "Path", path)
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > MaxPassphrase {
		return "", e.Fail("error.passphrase-too-long")
	}
	if len(line) == 0 {
		return "", e.Fail("error.passphrase-empty")
	}
	return string(line), nil
}

// IdentityKey reads an age identity file.
func IdentityKey(e *env.Env, path string) (*crypt.Key, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, e.Fail("error.identity-file", "Path", path)
	}
	defer f.Close()
	k, err := crypt.ParseIdentities(f)
	if err != nil {
		return nil, e.Fail("error.identity-file", "Path", path)
	}
	return k, nil
}

// NewPassphrase makes the key of something new sealed with a passphrase:
// from file if given (checked by the policy), else asked with p — typed
// twice, or made of six random words if the person prefers. The header
// and the prompt say what the passphrase is for.
func NewPassphrase(e *env.Env, p Prompter, file, header, prompt string) (*crypt.Key, error) {
	w := firstWords
	w.prompt = prompt
	k, _, err := newPassphrase(e, p, file, header, w, nil)
	return k, err
}

// firstWords are the words of the person's own passphrase.
var firstWords = passWords{
	how: "first.how", own: "first.own", generate: "first.generate", generated: "first.generated",
	prompt: "prompt.new-passphrase", hint: "msg.passphrase-hint", repeat: "prompt.repeat-passphrase", repeatHelp: "first.repeat-help",
}

// SharePassphrase makes the passphrase of a file shared with someone else,
// in words of its own: it is not the person's passphrase, which does not
// change, and it must be told to the other person apart from the file. A
// passphrase the ledger l knows from a withdrawn share is refused. It
// returns the key and what the ledger keeps to recognise the passphrase
// (see PassphraseCheck).
func SharePassphrase(e *env.Env, p Prompter, file, header string, l *plan.Ledger) (*crypt.Key, string, error) {
	notWithdrawn := func(pass string) error {
		if c := PassphraseWithdrawn(l, pass); c != nil {
			return errors.New(e.T("shares.pass-withdrawn", "For", c.For, "Date", c.Withdrawn.String()))
		}
		return nil
	}
	return newPassphrase(e, p, file, header, passWords{
		how: "shares.pass-how", own: "shares.pass-own", generate: "shares.pass-generate", generated: "shares.pass-generated",
		prompt: "prompt.share-passphrase", hint: "shares.pass-hint", repeat: "shares.pass-repeat", repeatHelp: "shares.pass-repeat-help",
	}, notWithdrawn)
}

// passWords are the message keys of the screens that make a passphrase.
type passWords struct {
	how, own, generate, generated, prompt, hint, repeat, repeatHelp string
	// restore, if set, is a third choice: bring plans back from a
	// backup instead (errRestore).
	restore string
}

// errRestore: the person chose to bring their plans back from a backup.
var errRestore = errors.New("restore chosen")

func newPassphrase(e *env.Env, p Prompter, file, header string, w passWords, extra func(string) error) (*crypt.Key, string, error) {
	base := Policy(e)
	policy := func(pass string) error {
		if err := base(pass); err != nil {
			return err
		}
		if extra != nil {
			return extra(pass)
		}
		return nil
	}
	done := func(pass string) (*crypt.Key, string, error) {
		k, err := crypt.Passphrase(pass)
		if err != nil {
			return nil, "", err
		}
		return k, PassphraseCheck(pass), nil
	}
	if file != "" {
		pass, err := FirstLine(e, file)
		if err != nil {
			return nil, "", err
		}
		if err := policy(pass); err != nil {
			return nil, "", &env.Error{Msg: err.Error(), Code: env.ExitFailure}
		}
		return done(pass)
	}
	T := e.T
	for {
		choices := []string{T(w.own), T(w.generate)}
		if w.restore != "" {
			choices = append(choices, T(w.restore))
		}
		k, err := p.Menu(header, T(w.how), choices)
		if err != nil {
			return nil, "", err
		}
		if k == 2 {
			return nil, "", errRestore
		}
		var pass string
		if k == 1 {
			if pass, err = crypt.GeneratePassphrase(6); err != nil {
				return nil, "", err
			}
			if err := p.Show(header, T(w.generated, "Passphrase", pass)); err != nil {
				return nil, "", err
			}
		} else if pass, err = p.Secret(header, T(w.prompt), T(w.hint), policy); err != nil {
			return nil, "", err
		}
		for {
			again, err := p.Secret(header, T(w.repeat), T(w.repeatHelp), nil)
			if err != nil {
				return nil, "", err
			}
			if again == pass {
				return done(pass)
			}
			if _, bare := p.(TTY); bare {
				return nil, "", e.Fail("error.passphrase-mismatch")
			}
			// Said where the person looks. A passphrase made for them is
			// shown again, the same one; their own is typed again.
			p.Notice(T("error.passphrase-mismatch-again"))
			if k != 1 {
				break
			}
			if err := p.Show(header, T(w.generated, "Passphrase", pass)); err != nil {
				return nil, "", err
			}
		}
	}
}

// Busy says on the terminal that something takes a moment.
func (t TTY) Busy(msg string) {
	if IsTerminal(t.E.Stderr) {
		fmt.Fprintln(t.E.Stderr, msg)
	}
}
