package session

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/text/unicode/norm"

	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
	"pathway/plan"
)

// A Session is a binder opened from a vault, with the key that opened it.
// A session that writes holds the vault's lock until Close.
type Session struct {
	E *env.Env
	// Vault is nil in outreach mode: the binder lives only in memory.
	Vault *crypt.Vault
	// Key is what the person gave (a passphrase, an identity file); kr
	// what opens and seals the vault's files, unlocked with it once.
	Key *crypt.Key
	kr  *crypt.Keyring
	// Binder is the person's binder; Plain the bytes it was opened from.
	Binder *plan.Binder
	Plain  []byte
	// Fresh is true for a binder that no vault held before this session.
	Fresh  bool
	locked bool
	opts   *Options
}

// Options are the choices the session was opened with.
func (s *Session) Options() *Options { return s.opts }

// Close lets other processes write the vault again.
func (s *Session) Close() {
	if s != nil && s.locked {
		s.Vault.Unlock()
		s.locked = false
	}
}

// Save checks, seals and saves the binder. In outreach mode there is no
// vault: the same checks run and nothing is written.
func (s *Session) Save() error {
	s.Binder.Clean()
	// Names in one Unicode form (NFC), so that the same name typed on two
	// keyboards, composed or not, is one name on every screen and paper.
	for i := range s.Binder.Contacts {
		c := &s.Binder.Contacts[i]
		c.Name = norm.NFC.String(c.Name)
		c.CardName = norm.NFC.String(c.CardName)
	}
	data, err := plan.Encode(s.Binder)
	if err != nil {
		return s.E.Describe(err, s.dir(), "")
	}
	if s.Vault == nil {
		return nil
	}
	sealed, err := s.kr.Seal(data)
	if err != nil {
		return s.E.Describe(err, s.Vault.Dir, "")
	}
	if err := s.Vault.Save(sealed, nil); err != nil {
		return s.E.Describe(err, s.Vault.Dir, "")
	}
	s.Plain = data
	return nil
}

// SaveBinder replaces the session's binder with b and saves it.
func (s *Session) SaveBinder(b *plan.Binder) error {
	s.Binder = b
	return s.Save()
}

// SealFile seals plain with the session's key into the vault file name
// (the organisations' lists, the sharing key).
func (s *Session) SealFile(name string, plain []byte) error {
	sealed, err := s.kr.Seal(plain)
	if err != nil {
		return s.E.Describe(err, s.Vault.Dir, "")
	}
	if err := s.Vault.SaveFile(name, sealed, nil); err != nil {
		return s.E.Describe(err, s.Vault.Dir, "")
	}
	return nil
}

// OpenFile opens the vault file name with the session's key. A file that
// is not there gives crypt.ErrNoVault, unworded, for the caller to test.
func (s *Session) OpenFile(name string) ([]byte, error) {
	sealed, err := s.Vault.ReadFile(name)
	if errors.Is(err, crypt.ErrNoVault) {
		return nil, err
	}
	if err != nil {
		return nil, s.E.DescribeRead(err, s.Vault.Dir, s.Vault.Path(name))
	}
	plain, err := s.kr.Open(sealed)
	if err != nil {
		return nil, s.E.DescribeRead(err, s.Vault.Dir, s.Vault.Path(name))
	}
	return plain, nil
}

func (s *Session) dir() string {
	if s.Vault == nil {
		return ""
	}
	return s.Vault.Dir
}

// InMemory starts a session that keeps nothing: outreach mode.
func InMemory(e *env.Env, o *Options) *Session {
	return &Session{E: e, Binder: plan.New(e.Today()), Fresh: true, opts: o}
}

// Open finds the vault, which must exist, and opens its binder (or its
// backup), without locking it: saves are atomic, so reading needs no
// lock. From then on it speaks the language saved in the binder, unless
// --lang chose one.
func Open(e *env.Env, o *Options, p Prompter, backup bool) (*Session, error) {
	v, err := Find(e, o)
	if err != nil {
		return nil, err
	}
	if err := mustHold(e, v); err != nil {
		return nil, err
	}
	s, err := open(e, o, p, v, backup, "prompt.passphrase")
	if err != nil {
		return nil, err
	}
	e.UseSavedLanguage(s.Binder)
	return s, nil
}

// Lock finds the vault, which must hold a binder, locks it and opens it,
// asking with prompt. Nothing is created when there is no vault.
func Lock(e *env.Env, o *Options, p Prompter, prompt string) (*Session, error) {
	v, err := Find(e, o)
	if err != nil {
		return nil, err
	}
	if !v.Exists() {
		return nil, e.Describe(crypt.ErrNoVault, v.Dir, "")
	}
	if err := v.Lock(); err != nil {
		return nil, e.Describe(err, v.Dir, "")
	}
	return openLocked(e, o, p, v, prompt)
}

// openLocked opens the binder of v, which the caller has locked, and takes
// up its saved language; on failure it lets the lock go.
func openLocked(e *env.Env, o *Options, p Prompter, v *crypt.Vault, prompt string) (*Session, error) {
	s, err := open(e, o, p, v, false, prompt)
	if err != nil {
		v.Unlock()
		return nil, err
	}
	s.locked = true
	e.UseSavedLanguage(s.Binder)
	return s, nil
}

// Write finds the vault, locks it and opens its binder. If there is no
// vault yet, it asks for the key of a new one and starts an empty binder,
// saved at once if saveNew.
func Write(e *env.Env, o *Options, p Prompter, saveNew bool) (*Session, error) {
	v, err := Find(e, o)
	if err != nil {
		return nil, err
	}
	if err := v.Lock(); err != nil {
		return nil, e.Describe(err, v.Dir, "")
	}
	if v.Exists() {
		return openLocked(e, o, p, v, "prompt.passphrase")
	}
	if backupOnly(v) {
		if !o.Restore {
			v.Unlock()
			return nil, e.Fail("error.crypt.backup-only", "Dir", v.Dir)
		}
		// The key is checked against the backup, which stays as it is:
		// the first save writes the plans file beside it.
		s, err := open(e, o, p, v, true, "prompt.passphrase")
		if err != nil {
			v.Unlock()
			return nil, err
		}
		s.locked = true
		return s, nil
	}
	k, err := NewKey(e, o, p)
	if err != nil {
		v.Unlock()
		return nil, err
	}
	s, err := create(e, o, v, k)
	if err != nil {
		v.Unlock()
		return nil, err
	}
	if saveNew {
		if err := s.Save(); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// NewKey asks for the key of a new vault: the identity file, the
// passphrase file, or a new passphrase.
func NewKey(e *env.Env, o *Options, p Prompter) (*crypt.Key, error) {
	if o.IdentityFile != "" {
		return IdentityKey(e, o.IdentityFile)
	}
	return NewPassphrase(e, p, o.PassphraseFile, "pathway", "prompt.new-passphrase")
}

// Start is the session of the home menu and the wizards: in outreach mode
// one in memory; on a first run, a few sentences on what pathway keeps and
// a new passphrase; else the vault opened and locked, the passphrase asked
// with p.
func Start(e *env.Env, o *Options, p Prompter) (*Session, error) {
	if o.Outreach {
		return InMemory(e, o), nil
	}
	v, err := Find(e, o)
	if err != nil {
		return nil, err
	}
	if err := v.Lock(); err != nil {
		return nil, e.Describe(err, v.Dir, "")
	}
	if backupOnly(v) {
		v.Unlock()
		return nil, e.Fail("error.crypt.backup-only", "Dir", v.Dir)
	}
	if !v.Exists() {
		s, err := firstRun(e, o, p, v)
		if err != nil {
			v.Unlock()
			return nil, err
		}
		return s, nil
	}
	return openLocked(e, o, p, v, "prompt.passphrase")
}

// StartExisting is Start for what needs plans already made (going on
// with a plan, practising): where there is no vault, nothing is created
// and nothing asked; it says there are no plans here yet, and how to
// start.
func StartExisting(e *env.Env, o *Options, p Prompter) (*Session, error) {
	if !o.Outreach {
		v, err := Find(e, o)
		if err != nil {
			return nil, err
		}
		if err := mustHold(e, v); err != nil {
			return nil, err
		}
	}
	return Start(e, o, p)
}

// mustHold refuses a vault folder that holds no plans (neither the plans
// file nor its backup): a command that reads makes no vault.
func mustHold(e *env.Env, v *crypt.Vault) error {
	if v.Exists() || backupOnly(v) {
		return nil
	}
	return e.Fail("access.no-plans-here", "Dir", v.Dir)
}

// firstRun explains pathway in a few sentences and sets the passphrase of
// a new vault, before any question about the person is asked.
func firstRun(e *env.Env, o *Options, p Prompter, v *crypt.Vault) (*Session, error) {
	intro := e.T("first.intro", "Dir", v.Dir)
	// The plain prompts close on a typed word, not on Esc.
	if w, ok := p.(interface{ ExitWord() string }); ok {
		intro = e.T("access.first-intro", "Dir", v.Dir, "Word", w.ExitWord())
	}
	if err := p.Show(e.T("first.title"), intro); err != nil {
		return nil, err
	}
	var k *crypt.Key
	var err error
	if o.IdentityFile != "" {
		k, err = IdentityKey(e, o.IdentityFile)
	} else {
		// Someone who had to take their plans off a device (before a
		// search, a new computer) can bring them back here, in place of a
		// new passphrase: a third choice, where a line can be asked.
		line, canAsk := p.(Liner)
		for {
			w := firstWords
			if canAsk {
				w.restore = "first.restore"
			}
			k, _, err = newPassphrase(e, p, o.PassphraseFile, e.T("first.title"), w, nil)
			if !errors.Is(err, errRestore) {
				break
			}
			s, err := restoreFirst(e, o, p, line, v)
			if errors.Is(err, errBack) {
				continue
			}
			return s, err
		}
	}
	if err != nil {
		return nil, err
	}
	s, err := create(e, o, v, k)
	if err != nil {
		return nil, err
	}
	if err := s.Save(); err != nil {
		s.locked = false
		return nil, err
	}
	return s, nil
}

// create starts a new vault in v, which the caller has locked, with key k.
func create(e *env.Env, o *Options, v *crypt.Vault, k *crypt.Key) (*Session, error) {
	kr, err := v.Create(k)
	if err != nil {
		return nil, e.Describe(err, v.Dir, "")
	}
	return &Session{E: e, Vault: v, Key: k, kr: kr, Binder: plan.New(e.Today()), Fresh: true, locked: true, opts: o}, nil
}

// open reads and decrypts the vault's binder (or its backup) and decodes
// it. A passphrase asked with p is asked again after a wrong one, Tries
// times in all; one from a file or an identity file is tried once.
func open(e *env.Env, o *Options, p Prompter, v *crypt.Vault, backup bool, prompt string) (*Session, error) {
	path := v.Path(crypt.CurrentName)
	if backup {
		path = v.Path(crypt.BackupName)
	}
	sealed, err := v.Read(backup)
	switch {
	case errors.Is(err, crypt.ErrNoVault) && !backup && backupOnly(v):
		return nil, e.Fail("error.crypt.backup-only", "Dir", v.Dir)
	case errors.Is(err, crypt.ErrNoVault) && backup && v.Exists():
		return nil, e.Fail("error.crypt.no-backup", "Dir", v.Dir)
	case err != nil:
		return nil, e.DescribeRead(err, v.Dir, path)
	}
	help := ""
	for try := 1; ; try++ {
		var k *crypt.Key
		asked := false
		switch {
		case o.IdentityFile != "":
			k, err = IdentityKey(e, o.IdentityFile)
		case o.PassphraseFile != "":
			var pass string
			if pass, err = FirstLine(e, o.PassphraseFile); err == nil {
				k, err = crypt.Passphrase(pass)
			}
		default:
			asked = true
			var pass string
			if pass, err = p.Secret("pathway", e.T(prompt), help, nil); err == nil {
				k, err = crypt.Passphrase(pass)
			}
		}
		if asked && errors.Is(err, crypt.ErrEmptyPassphrase) && try < Tries {
			help = e.T("error.passphrase-empty")
			continue
		}
		if err != nil {
			return nil, e.Describe(err, v.Dir, path)
		}
		if k.IsPassphrase() {
			if b, ok := p.(interface{ Busy(string) }); ok {
				b.Busy(e.T("msg.opening"))
			}
		}
		// One scrypt run for the whole session: the vault key is opened
		// with the passphrase, and every file with the vault key.
		kr, err := v.OpenKeyring(k)
		var plain []byte
		if err == nil {
			plain, err = kr.Open(sealed)
		}
		if asked && errors.Is(err, crypt.ErrWrongPassphrase) {
			if try < Tries {
				help = e.T("error.crypt.wrong-passphrase")
				if _, bare := p.(TTY); bare {
					p.Notice(help)
					help = ""
				}
				continue
			}
			// Said once, plainly: nobody can open the vault without the
			// passphrase, and how to start again.
			return nil, &env.Error{Msg: e.T("error.too-many-tries") + "\n" + e.T("access.forgotten", "Dir", v.Dir), Code: env.ExitFailure}
		}
		if err != nil {
			return nil, e.DescribeRead(err, v.Dir, path)
		}
		b, err := plan.Decode(plain)
		if err != nil {
			return nil, e.DescribeRead(err, v.Dir, path)
		}
		return &Session{E: e, Vault: v, Key: k, kr: kr, Binder: b, Plain: plain, opts: o}, nil
	}
}

// ChangeKey makes k the passphrase of the vault: the vault key is sealed
// with it, in one atomic step, so that the vault opens with exactly one
// passphrase whenever the change is cut short.
func (s *Session) ChangeKey(k *crypt.Key) error {
	if err := s.Vault.ChangePassphrase(s.kr, k); err != nil {
		return s.E.Describe(err, s.Vault.Dir, s.Vault.Path(crypt.KeyName))
	}
	s.Key = k
	return nil
}

// backupOnly reports whether v has lost its plans file but still holds
// its backup: perhaps the only copy left.
func backupOnly(v *crypt.Vault) bool {
	if v.Exists() {
		return false
	}
	_, err := v.Read(true)
	return !errors.Is(err, crypt.ErrNoVault)
}

// Wipe deletes this session's vault and every other vault pathway may
// have made on this device (AllDirs), as `pathway wipe --all` does. Every
// folder is locked first: if one cannot be (another pathway window holds
// it), nothing is deleted and kept is nil. Then each is deleted in turn,
// going on past one that fails: kept names the folders that may still
// hold files, and err says why. The session holds nothing to save after.
func (s *Session) Wipe() (kept []string, err error) {
	e := s.E
	if s.Vault == nil || !s.locked {
		return nil, e.Fail("error.internal", "Detail", "wipe without the vault's lock")
	}
	vaults := []*crypt.Vault{s.Vault}
	for _, d := range AllDirs(e, s.opts) {
		if filepath.Clean(d) == filepath.Clean(s.Vault.Dir) {
			continue
		}
		if _, err := os.Stat(d); err != nil {
			continue
		}
		v, err := lockedAt(e, d)
		if err != nil {
			for _, other := range vaults[1:] {
				other.Unlock()
			}
			return nil, err
		}
		vaults = append(vaults, v)
	}
	var errs []error
	for _, v := range vaults {
		if _, err := v.Wipe(); err != nil {
			v.Unlock()
			kept = append(kept, v.Dir)
			errs = append(errs, err)
		}
	}
	s.locked = false
	return kept, errors.Join(errs...)
}

// lockedAt returns the vault in folder d, locked.
func lockedAt(e *env.Env, d string) (*crypt.Vault, error) {
	v, err := crypt.At(d)
	if errors.Is(err, crypt.ErrUnsafe) {
		v = &crypt.Vault{Dir: d} // wiping is the point: the mode does not matter
	} else if err != nil {
		return nil, e.Describe(err, d, "")
	}
	if err := v.Lock(); err != nil {
		return nil, e.Describe(err, v.Dir, "")
	}
	return v, nil
}

// WipeDir deletes the vault in folder d, if there is one, and returns the
// paths it removed.
func WipeDir(e *env.Env, d string) ([]string, error) {
	if _, err := os.Stat(d); err != nil {
		return nil, nil
	}
	v, err := lockedAt(e, d)
	if err != nil {
		return nil, err
	}
	removed, err := v.Wipe()
	if err != nil {
		v.Unlock()
		return removed, e.Describe(err, v.Dir, "")
	}
	return removed, nil
}
