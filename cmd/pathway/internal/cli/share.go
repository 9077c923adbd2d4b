package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/crypt"
	"pathway/plan"
)

// KeygenOptions are the choices of pathway keygen.
type KeygenOptions struct {
	E       *env.Env
	Vault   *session.Options
	Classic bool // --x25519: a classic key, not post-quantum
}

func newCmdKeygen(f *Factory, runF func(*KeygenOptions) error) *cobra.Command {
	o := &KeygenOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "keygen",
		Short: f.E.T("cmd.keygen.short"),
		Long:  f.E.T("cmd.keygen.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return keygenRun(o)
		},
	}
	c.Flags().BoolVar(&o.Classic, "x25519", false, f.E.T("flag.x25519"))
	return c
}

func keygenRun(o *KeygenOptions) error {
	e := o.E
	s, err := session.Write(e, o.Vault, session.TTY{E: e}, true)
	if err != nil {
		return err
	}
	defer s.Close()
	// A key that is there is kept: a new one is made only when there is
	// none, never over one that does not open.
	id, err := s.OwnIdentity()
	switch {
	case err == nil:
		fmt.Fprintln(e.Stderr, e.T("keygen.exists"))
		fmt.Fprintln(e.Stdout, strings.Join(id.Recipients(), "\n"))
		return nil
	case !errors.Is(err, crypt.ErrNoVault):
		return err
	}
	secret, public, err := crypt.GenerateIdentity(o.Classic)
	if err != nil {
		return err
	}
	if err := s.SealFile(session.IdentityName, []byte(secret+"\n")); err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, e.T("keygen.done"))
	fmt.Fprintln(e.Stdout, public)
	return nil
}

// ShareOptions are the choices of pathway share.
type ShareOptions struct {
	E                                              *env.Env
	Vault                                          *session.Options
	To, PassFile, Sections, Until, Purpose, ForWho string
	ToPassphrase                                   bool
	Out                                            output.File
}

func newCmdShare(f *Factory, runF func(*ShareOptions) error) *cobra.Command {
	o := &ShareOptions{E: f.E, Vault: f.Vault}
	T := f.E.T
	c := &cobra.Command{
		Use:   "share",
		Short: T("cmd.share.short"),
		Long:  T("cmd.share.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return shareRun(o)
		},
	}
	c.Flags().StringVar(&o.To, "to", "", T("flag.to"))
	c.Flags().BoolVar(&o.ToPassphrase, "to-passphrase", false, T("flag.to-passphrase"))
	c.Flags().StringVar(&o.PassFile, "share-passphrase-file", "", T("flag.new-passphrase-file"))
	c.Flags().StringVar(&o.Sections, "sections", "", T("flag.sections"))
	c.Flags().StringVar(&o.Until, "until", "", T("flag.until"))
	c.Flags().StringVar(&o.Purpose, "purpose", "", T("flag.purpose"))
	c.Flags().StringVar(&o.ForWho, "for", "", T("flag.for"))
	c.Flags().StringVarP(&o.Out.Path, "output", "o", "", T("shares.flag-output"))
	c.Flags().BoolVar(&o.Out.Force, "force", false, T("flag.force"))
	return c
}

func findContact(b *plan.Binder, nameOrID string) *plan.Contact {
	for i := range b.Contacts {
		if b.Contacts[i].ID == nameOrID || strings.EqualFold(b.Contacts[i].Name, nameOrID) {
			return &b.Contacts[i]
		}
	}
	return nil
}

// shareRun checks every choice before it opens anything, then writes the
// share file.
func shareRun(o *ShareOptions) error {
	e := o.E
	T := e.T
	var to *crypt.Key
	var err error
	switch {
	case o.To != "" && o.ToPassphrase:
		return e.Usage("error.share-both")
	case o.To != "":
		if to, err = crypt.ParseRecipient(o.To); err != nil {
			return e.Fail("error.recipient", "Recipient", flows.Shorten(o.To))
		}
	case !o.ToPassphrase:
		return e.Usage("error.share-who")
	}
	if o.Until == "" {
		return e.Usage("error.share-until")
	}
	until, err := plan.ReadDate(o.Until)
	if err != nil {
		return &env.Error{Msg: flows.DateMessage(e, err), Code: env.ExitUsage}
	}
	today := e.Today()
	if until.Before(today) {
		return e.Fail("error.share-until-past", "Until", until.String())
	}
	if o.Sections == "" && o.ForWho == "" {
		return e.Usage("error.share-nothing")
	}
	if err := o.Out.Check(e); err != nil {
		return err
	}

	// Locked: the share is recorded in the vault's consent ledger.
	s, err := session.Lock(e, o.Vault, session.TTY{E: e}, "prompt.passphrase")
	if err != nil {
		return err
	}
	defer s.Close()
	ledger, err := s.Ledger()
	if err != nil {
		return err
	}
	b := s.Binder
	sel := plan.Selection{}
	forName := ""
	if o.Sections != "" {
		var bad string
		if sel, bad = b.SelectSections(strings.Split(o.Sections, ",")); bad != "" {
			return e.Fail("error.share-section", "Section", bad, "Sections", show.Parts(b))
		}
	}
	if o.Sections != "" && sel.Empty() {
		return e.Fail("error.share-empty")
	}
	if o.ForWho != "" {
		c := findContact(b, o.ForWho)
		if c == nil {
			return e.Fail("error.no-contact", "Contact", o.ForWho)
		}
		forName = c.Name
		for id, qs := range b.SelectFor(c.ID) {
			sel[id] = append(sel[id], qs...)
		}
		if sel.Empty() {
			return e.Fail("error.share-for-nothing", "Contact", c.Name)
		}
	}
	how, check := plan.HowKey, ""
	if o.ToPassphrase {
		how = plan.HowPassphrase
		if to, check, err = session.SharePassphrase(e, session.TTY{E: e}, o.PassFile, "pathway", ledger); err != nil {
			return err
		}
		if forName == "" {
			forName = T("share.someone")
		}
	} else if c := ledger.WithdrawnTo(o.To); c != nil {
		// Their choice to share again; said, so that it is one.
		fmt.Fprintln(e.Stderr, T("shares.key-withdrawn", "For", c.For, "Date", c.Withdrawn.String()))
	}
	if forName == "" {
		forName = flows.Shorten(o.To)
	}
	sh := &plan.Share{Format: plan.Format, Kind: plan.ShareKind, For: forName, Purpose: plan.CleanLine(o.Purpose),
		Until: until, Made: today, Binder: b.Subset(sel)}
	data, err := plan.EncodeShare(sh)
	if err != nil {
		return e.Describe(err, "", "")
	}
	sealed, err := crypt.Seal(data, to)
	if err != nil {
		return e.Describe(err, "", "")
	}
	// What is shared, exactly, before it is written; on standard error,
	// so that a file written to standard output stays clean.
	fmt.Fprintln(e.Stderr, T("share.preview"))
	show.Share(e, e.Stderr, sh)
	if err := o.Out.Write(e, sealed); err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, T("share.written", "Path", o.Out.Path, "For", forName, "Until", until.String()))
	c := plan.Consent{Made: today, Parts: b.SelectionParts(sel), For: forName, Purpose: sh.Purpose,
		Until: until, How: how, Check: check}
	if o.Out.Path != "-" {
		c.File = o.Out.Path
	}
	if how == plan.HowKey {
		c.Recipient = o.To
	}
	id, err := s.RecordShare(c)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, T("shares.recorded", "ID", id))
	return nil
}

// OpenOptions are the choices of pathway open.
type OpenOptions struct {
	E     *env.Env
	Vault *session.Options
	File  string
}

func newCmdOpen(f *Factory, runF func(*OpenOptions) error) *cobra.Command {
	o := &OpenOptions{E: f.E, Vault: f.Vault}
	return &cobra.Command{
		Use:   "open FILE",
		Short: f.E.T("cmd.open.short"),
		Args:  exactArgs(f.E, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if runF != nil {
				return runF(o)
			}
			return openRun(o)
		},
	}
}

// openKey finds the key that opens a share: a passphrase (from the file,
// or asked), the --identity file, or the sharing key kept in the vault.
func openKey(o *OpenOptions, sealed []byte) (*crypt.Key, error) {
	e := o.E
	switch {
	case crypt.NeedsPassphrase(sealed) && o.Vault.PassphraseFile != "":
		p, err := session.FirstLine(e, o.Vault.PassphraseFile)
		if err != nil {
			return nil, err
		}
		return crypt.Passphrase(p)
	case crypt.NeedsPassphrase(sealed):
		p, err := session.TTY{E: e}.Secret("pathway", e.T("prompt.passphrase"), "", nil)
		if err != nil {
			return nil, e.Fail("error.open-needs-passphrase")
		}
		k, err := crypt.Passphrase(p)
		if err != nil {
			return nil, e.Fail("error.passphrase-empty")
		}
		return k, nil
	case o.Vault.IdentityFile != "":
		return session.IdentityKey(e, o.Vault.IdentityFile)
	}
	if v, err := session.Find(e, o.Vault); err == nil && !v.Exists() {
		return nil, e.Fail("error.open-no-vault", "Dir", v.Dir)
	}
	s, err := session.Open(e, o.Vault, session.TTY{E: e}, false)
	if err != nil {
		return nil, err
	}
	k, err := s.OwnIdentity()
	if err != nil {
		return nil, e.Fail("error.no-key")
	}
	return k, nil
}

func openRun(o *OpenOptions) error {
	e := o.E
	T := e.T
	f, err := os.Open(o.File)
	if err != nil {
		return e.Fail("error.input-file", "Path", o.File)
	}
	sealed, err := io.ReadAll(io.LimitReader(f, crypt.MaxSealed+1))
	f.Close()
	if err != nil {
		return e.Fail("error.input-file", "Path", o.File)
	}
	if len(sealed) > crypt.MaxSealed {
		return e.Describe(crypt.ErrTooBig, "", o.File)
	}
	if !crypt.IsAge(sealed) {
		return e.Describe(crypt.ErrNotAge, "", o.File)
	}
	k, err := openKey(o, sealed)
	if err != nil {
		return err
	}
	plain, err := crypt.Open(sealed, k)
	switch {
	case errors.Is(err, crypt.ErrWrongIdentity):
		return e.Fail("error.open-identity")
	case errors.Is(err, crypt.ErrDamaged), errors.Is(err, crypt.ErrTruncated):
		return e.Fail("error.open-damaged", "Path", o.File)
	case err != nil:
		return e.Describe(err, "", o.File)
	}
	sh, err := plan.DecodeShare(plain)
	var pe *plan.Error
	if errors.As(err, &pe) && pe.Code == plan.CodeNewerFormat {
		// A share from a newer pathway: said as such, not as no share.
		return e.DescribeRead(err, "", o.File)
	}
	if err != nil {
		return e.Fail("open.not-shared")
	}
	// Who and why and until when, first; then the content, if the day has
	// not passed.
	fmt.Fprintln(e.Stdout, T("open.header"))
	fmt.Fprintln(e.Stdout, T("share.for", "For", sh.For))
	if sh.Purpose != "" {
		fmt.Fprintln(e.Stdout, T("share.purpose", "Purpose", sh.Purpose))
	}
	if !sh.Until.IsZero() {
		fmt.Fprintln(e.Stdout, T("share.until", "Until", sh.Until.String()))
	}
	if !sh.Until.IsZero() && sh.Expired(e.Today()) {
		return e.Fail("open.expired", "Until", sh.Until.String())
	}
	fmt.Fprintln(e.Stdout)
	show.Shared(e, e.Stdout, sh.Binder)
	return nil
}
