package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"golang.org/x/term"

	"pathway/crypt"
	"pathway/plan"
)

// maxPassphrase is the longest passphrase read, in bytes.
const maxPassphrase = 1024

// tries is how many times a wrong passphrase typed at the terminal is
// asked again.
const tries = 3

// openTTY opens the terminal the person types on, even when standard
// input is a pipe. Passphrases are read there, never from arguments.
func openTTY() (*os.File, error) {
	if runtime.GOOS == "windows" {
		return os.OpenFile("CONIN$", os.O_RDWR, 0)
	}
	return os.OpenFile("/dev/tty", os.O_RDWR, 0)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readSecret prints prompt on the terminal and reads a line without echo.
func (a *app) readSecret(prompt string) (string, error) {
	tty, err := openTTY()
	if err != nil {
		return "", a.fail("error.no-tty")
	}
	defer tty.Close()
	fmt.Fprint(tty, prompt)
	b, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(tty)
	if err != nil {
		return "", a.fail("error.no-tty")
	}
	if len(b) > maxPassphrase {
		return "", a.fail("error.passphrase-too-long")
	}
	return string(b), nil
}

// readLine reads a line typed at the terminal, with echo.
func (a *app) readLine(prompt string) (string, error) {
	tty, err := openTTY()
	if err != nil {
		return "", a.fail("error.no-tty")
	}
	defer tty.Close()
	fmt.Fprint(tty, prompt)
	line, err := bufio.NewReader(io.LimitReader(tty, 4096)).ReadString('\n')
	if err != nil && line == "" {
		return "", a.fail("error.no-tty")
	}
	return strings.TrimSpace(line), nil
}

// firstLine reads the first line of a passphrase file.
func (a *app) firstLine(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", a.fail("error.passphrase-file", "Path", path)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPassphrase+2))
	if err != nil {
		return "", a.fail("error.passphrase-file", "Path", path)
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > maxPassphrase {
		return "", a.fail("error.passphrase-too-long")
	}
	if len(line) == 0 {
		return "", a.fail("error.passphrase-empty")
	}
	return string(line), nil
}

// identityKey reads the --identity file.
func (a *app) identityKey() (*crypt.Key, error) {
	f, err := os.Open(a.identityFile)
	if err != nil {
		return nil, a.fail("error.identity-file", "Path", a.identityFile)
	}
	defer f.Close()
	k, err := crypt.ParseIdentities(f)
	if err != nil {
		return nil, a.fail("error.identity-file", "Path", a.identityFile)
	}
	return k, nil
}

// newKey asks for the key of a new vault: the identity file, the
// passphrase file, or a new passphrase typed twice.
func (a *app) newKey() (*crypt.Key, error) {
	if a.identityFile != "" {
		return a.identityKey()
	}
	return a.newPassphrase(a.passphraseFile, "prompt.new-passphrase")
}

func (a *app) newPassphrase(file, prompt string) (*crypt.Key, error) {
	var p string
	var err error
	if file != "" {
		p, err = a.firstLine(file)
	} else {
		fmt.Fprintln(a.stderr, a.loc.T("msg.passphrase-hint"))
		p, err = a.readSecret(a.loc.T(prompt))
		if err == nil {
			var again string
			again, err = a.readSecret(a.loc.T("prompt.repeat-passphrase"))
			if err == nil && again != p {
				err = a.fail("error.passphrase-mismatch")
			}
		}
	}
	if err != nil {
		return nil, err
	}
	k, err := crypt.Passphrase(p)
	if err != nil {
		return nil, a.fail("error.passphrase-empty")
	}
	return k, nil
}

// opened is a binder opened from a vault, with the key that opened it.
type opened struct {
	binder *plan.Binder
	plain  []byte
	key    *crypt.Key
}

// open reads and decrypts the vault's current file (or its backup) and
// decodes the binder. A passphrase typed at the terminal is asked again
// after a wrong one, up to three times in all.
func (a *app) open(v *crypt.Vault, backup, prompt string) (*opened, error) {
	path := v.Path(crypt.CurrentName)
	if backup != "" {
		path = v.Path(crypt.BackupName)
	}
	sealed, err := v.Read(backup != "")
	if err != nil {
		return nil, a.describe(err, v.Dir, path)
	}
	for try := 1; ; try++ {
		var k *crypt.Key
		switch {
		case a.identityFile != "":
			k, err = a.identityKey()
		case a.passphraseFile != "":
			var p string
			if p, err = a.firstLine(a.passphraseFile); err == nil {
				k, err = crypt.Passphrase(p)
			}
		default:
			var p string
			if p, err = a.readSecret(a.loc.T(prompt)); err == nil {
				k, err = crypt.Passphrase(p)
			}
		}
		if err != nil {
			return nil, a.describe(err, v.Dir, path)
		}
		if isTerminal(a.stderr) && k.IsPassphrase() {
			fmt.Fprintln(a.stderr, a.loc.T("msg.opening"))
		}
		plain, err := crypt.Open(sealed, k)
		if errors.Is(err, crypt.ErrWrongPassphrase) && a.passphraseFile == "" && a.identityFile == "" {
			if try < tries {
				fmt.Fprintln(a.stderr, a.loc.T("error.crypt.wrong-passphrase"))
				continue
			}
			return nil, a.fail("error.too-many-tries")
		}
		if err != nil {
			return nil, a.describe(err, v.Dir, path)
		}
		b, err := plan.Decode(plain)
		if err != nil {
			return nil, a.describe(err, v.Dir, path)
		}
		return &opened{binder: b, plain: plain, key: k}, nil
	}
}

// save encodes and seals the binder and saves it in the locked vault.
func (a *app) save(v *crypt.Vault, b *plan.Binder, k *crypt.Key) error {
	data, err := plan.Encode(b)
	if err != nil {
		return a.describe(err, v.Dir, "")
	}
	sealed, err := crypt.Seal(data, k)
	if err != nil {
		return a.describe(err, v.Dir, "")
	}
	if err := v.Save(sealed, nil); err != nil {
		return a.describe(err, v.Dir, "")
	}
	return nil
}

// writable finds the vault, locks it for this process and opens its
// binder. If there is no vault yet, it asks for the key of a new one and
// starts an empty binder, saved at once if saveNew. The caller unlocks
// the vault; fresh tells whether the binder is new.
func (a *app) writable(saveNew bool) (v *crypt.Vault, o *opened, fresh bool, err error) {
	if v, err = a.vault(); err != nil {
		return nil, nil, false, err
	}
	if err := v.Lock(); err != nil {
		return nil, nil, false, a.describe(err, v.Dir, "")
	}
	if v.Exists() {
		if o, err = a.open(v, "", "prompt.passphrase"); err != nil {
			v.Unlock()
			return nil, nil, false, err
		}
		return v, o, false, nil
	}
	k, err := a.newKey()
	if err != nil {
		v.Unlock()
		return nil, nil, false, err
	}
	o = &opened{binder: plan.New(plan.DateOf(a.now())), key: k}
	if saveNew {
		if err := a.save(v, o.binder, k); err != nil {
			v.Unlock()
			return nil, nil, false, err
		}
	}
	return v, o, true, nil
}

// readable finds the vault and opens its binder, without locking it
// (saves are atomic, so reading needs no lock), and from then on speaks
// the language saved in the binder unless --lang chose one.
func (a *app) readable() (*crypt.Vault, *opened, error) {
	v, err := a.vault()
	if err != nil {
		return nil, nil, err
	}
	o, err := a.open(v, "", "prompt.passphrase")
	if err != nil {
		return nil, nil, err
	}
	a.useSavedLanguage(o.binder)
	return v, o, nil
}

// locked finds the vault, which must hold a binder, locks it and opens it
// (asking with prompt). The caller unlocks the vault. Nothing is created
// when there is no vault.
func (a *app) locked(prompt string) (*crypt.Vault, *opened, error) {
	v, err := a.vault()
	if err != nil {
		return nil, nil, err
	}
	if !v.Exists() {
		return nil, nil, a.describe(crypt.ErrNoVault, v.Dir, "")
	}
	if err := v.Lock(); err != nil {
		return nil, nil, a.describe(err, v.Dir, "")
	}
	o, err := a.open(v, "", prompt)
	if err != nil {
		v.Unlock()
		return nil, nil, err
	}
	return v, o, nil
}
