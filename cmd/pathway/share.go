package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"pathway/crypt"
	"pathway/plan"
)

// IdentityName is the vault file that holds the person's own age
// identity, made by pathway keygen, sealed like the binder.
const IdentityName = "identity.age"

func (a *app) keygenCommand() *cobra.Command {
	var classic bool
	c := &cobra.Command{
		Use:   "keygen",
		Short: a.loc.T("cmd.keygen.short"),
		Long:  a.loc.T("cmd.keygen.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, o, _, err := a.writable(true)
			if err != nil {
				return err
			}
			defer v.Unlock()
			k := o.key
			// A key that is there is kept: a new one is made only when there
			// is none, never over one that does not open.
			if _, err := v.ReadFile(IdentityName); !errors.Is(err, crypt.ErrNoVault) {
				id, err := a.ownIdentity(v, k)
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stderr, a.loc.T("keygen.exists"))
				fmt.Fprintln(a.stdout, strings.Join(id.Recipients(), "\n"))
				return nil
			}
			secret, public, err := crypt.GenerateIdentity(classic)
			if err != nil {
				return err
			}
			sealed, err := crypt.Seal([]byte(secret+"\n"), k)
			if err != nil {
				return a.describe(err, v.Dir, "")
			}
			if err := v.SaveFile(IdentityName, sealed, nil); err != nil {
				return a.describe(err, v.Dir, "")
			}
			fmt.Fprintln(a.stderr, a.loc.T("keygen.done"))
			fmt.Fprintln(a.stdout, public)
			return nil
		},
	}
	c.Flags().BoolVar(&classic, "x25519", false, a.loc.T("flag.x25519"))
	return c
}

// ownIdentity opens the identity kept in the vault.
func (a *app) ownIdentity(v *crypt.Vault, k *crypt.Key) (*crypt.Key, error) {
	sealed, err := v.ReadFile(IdentityName)
	if err != nil {
		return nil, err
	}
	plain, err := crypt.Open(sealed, k)
	if err != nil {
		return nil, a.describe(err, v.Dir, v.Path(IdentityName))
	}
	return crypt.ParseIdentities(strings.NewReader(string(plain)))
}

// shareFlags are pathway share's choices.
type shareFlags struct {
	to, passFile, sections, until, purpose, forContact, out string
	toPassphrase, force                                     bool
}

func (a *app) shareCommand() *cobra.Command {
	var f shareFlags
	c := &cobra.Command{
		Use:   "share",
		Short: a.loc.T("cmd.share.short"),
		Long:  a.loc.T("cmd.share.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.share(f)
		},
	}
	c.Flags().StringVar(&f.to, "to", "", a.loc.T("flag.to"))
	c.Flags().BoolVar(&f.toPassphrase, "to-passphrase", false, a.loc.T("flag.to-passphrase"))
	c.Flags().StringVar(&f.passFile, "share-passphrase-file", "", a.loc.T("flag.new-passphrase-file"))
	c.Flags().StringVar(&f.sections, "sections", "", a.loc.T("flag.sections"))
	c.Flags().StringVar(&f.until, "until", "", a.loc.T("flag.until"))
	c.Flags().StringVar(&f.purpose, "purpose", "", a.loc.T("flag.purpose"))
	c.Flags().StringVar(&f.forContact, "for", "", a.loc.T("flag.for"))
	c.Flags().StringVarP(&f.out, "output", "o", "", a.loc.T("flag.output"))
	c.Flags().BoolVar(&f.force, "force", false, a.loc.T("flag.force"))
	return c
}

// share checks every choice before it opens anything, then writes the
// share file.
func (a *app) share(f shareFlags) error {
	T := a.loc.T
	var to *crypt.Key
	var err error
	switch {
	case f.to != "" && f.toPassphrase:
		return a.fail("error.share-both")
	case f.to != "":
		if to, err = crypt.ParseRecipient(f.to); err != nil {
			return a.fail("error.recipient", "Recipient", plan.CleanLine(shorten(f.to)))
		}
	case !f.toPassphrase:
		return a.fail("error.share-who")
	}
	if f.until == "" {
		return a.fail("error.share-until")
	}
	until, err := plan.ParseDate(f.until)
	if err != nil {
		return a.describe(&plan.Error{Code: plan.CodeBadDate, Value: plan.CleanLine(f.until)}, "", "")
	}
	today := plan.DateOf(a.now())
	if until.Before(today) {
		return a.fail("error.share-until-past", "Until", until.String())
	}
	if f.sections == "" && f.forContact == "" {
		return a.fail("error.share-nothing")
	}
	pf := &printFlags{out: f.out, force: f.force}
	if f.out == "" {
		return a.fail("error.print-no-output")
	}
	if err := a.checkOutput(pf); err != nil {
		return err
	}

	_, o, err := a.readable()
	if err != nil {
		return err
	}
	b := o.binder
	sel := plan.Selection{}
	forName := ""
	if f.sections != "" {
		var bad string
		if sel, bad = b.SelectSections(strings.Split(f.sections, ",")); bad != "" {
			return a.fail("error.share-section", "Section", plan.CleanLine(bad), "Sections", a.partNames(b))
		}
	}
	if f.sections != "" && sel.Empty() {
		return a.fail("error.share-empty")
	}
	if f.forContact != "" {
		c := findContact(b, f.forContact)
		if c == nil {
			return a.fail("error.no-contact", "Contact", plan.CleanLine(f.forContact))
		}
		forName = c.Name
		for id, qs := range b.SelectFor(c.ID) {
			sel[id] = append(sel[id], qs...)
		}
		if sel.Empty() {
			return a.fail("error.share-for-nothing", "Contact", c.Name)
		}
	}
	if f.toPassphrase {
		if to, err = a.newPassphrase(f.passFile, "prompt.new-passphrase"); err != nil {
			return err
		}
		if forName == "" {
			forName = T("share.someone")
		}
	}
	if forName == "" {
		forName = shorten(f.to)
	}
	sh := &plan.Share{Format: plan.Format, Kind: plan.ShareKind, For: forName, Purpose: plan.CleanLine(f.purpose),
		Until: until, Made: today, Binder: b.Subset(sel)}
	data, err := plan.EncodeShare(sh)
	if err != nil {
		return a.describe(err, "", "")
	}
	sealed, err := crypt.Seal(data, to)
	if err != nil {
		return a.describe(err, "", "")
	}
	// What is shared, exactly, before it is written.
	fmt.Fprintln(a.stderr, T("share.preview"))
	a.printShare(sh)
	if err := a.writeFile(pf, sealed); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, T("share.written", "Path", f.out, "For", forName, "Until", until.String()))
	return nil
}

// printShare writes the header and content of a share on stderr (so that
// a file written to standard output stays clean).
func (a *app) printShare(sh *plan.Share) {
	T := a.loc.T
	fmt.Fprintln(a.stderr, "  "+T("share.for", "For", sh.For))
	if sh.Purpose != "" {
		fmt.Fprintln(a.stderr, "  "+T("share.purpose", "Purpose", sh.Purpose))
	}
	fmt.Fprintln(a.stderr, "  "+T("share.until", "Until", sh.Until.String()))
	var sb strings.Builder
	a.printSummary(&sb, sh.Binder)
	for _, l := range strings.Split(strings.TrimRight(sb.String(), "\n"), "\n") {
		fmt.Fprintln(a.stderr, "  "+l)
	}
}

// partNames lists the parts that can be shared.
func (a *app) partNames(b *plan.Binder) string {
	var names []string
	for _, p := range b.Plans {
		for _, s := range plan.Sections(p.Kind) {
			names = append(names, p.ID+"/"+s.ID)
		}
	}
	return strings.Join(names, ", ")
}

func findContact(b *plan.Binder, nameOrID string) *plan.Contact {
	for i := range b.Contacts {
		if b.Contacts[i].ID == nameOrID || strings.EqualFold(b.Contacts[i].Name, nameOrID) {
			return &b.Contacts[i]
		}
	}
	return nil
}

func shorten(s string) string {
	if len(s) > 24 {
		return s[:20] + "…"
	}
	return s
}

// writeFile writes bytes the person asked for where they asked, 0600,
// never over a file without --force.
func (a *app) writeFile(f *printFlags, data []byte) error {
	if f.out == "-" {
		_, err := a.stdout.Write(data)
		return err
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if f.force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	file, err := os.OpenFile(f.out, flags, 0o600)
	if err == nil {
		// A file written over keeps its old mode unless told: 0600 always.
		err = file.Chmod(0o600)
		if err != nil {
			file.Close()
		}
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return a.fail("error.print-exists", "Path", f.out)
	case errors.Is(err, fs.ErrPermission):
		return a.fail("error.print-permission", "Path", f.out)
	case err != nil:
		return a.fail("error.print-write", "Path", f.out, "Detail", plan.CleanLine(err.Error()))
	}
	if _, err := file.Write(data); err != nil {
		file.Close()
		os.Remove(f.out)
		return a.fail("error.print-write", "Path", f.out, "Detail", plan.CleanLine(err.Error()))
	}
	return file.Close()
}

func (a *app) openCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "open FILE",
		Short: a.loc.T("cmd.open.short"),
		Args:  a.exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			T := a.loc.T
			f, err := os.Open(args[0])
			if err != nil {
				return a.fail("error.input-file", "Path", args[0])
			}
			sealed, err := io.ReadAll(io.LimitReader(f, crypt.MaxSealed+1))
			f.Close()
			if err != nil {
				return a.fail("error.input-file", "Path", args[0])
			}
			if len(sealed) > crypt.MaxSealed {
				return a.describe(crypt.ErrTooBig, "", args[0])
			}
			if !crypt.IsAge(sealed) {
				return a.describe(crypt.ErrNotAge, "", args[0])
			}
			var k *crypt.Key
			if crypt.NeedsPassphrase(sealed) {
				if a.passphraseFile != "" {
					p, err := a.firstLine(a.passphraseFile)
					if err != nil {
						return err
					}
					k, _ = crypt.Passphrase(p)
				} else {
					p, err := a.readSecret(T("prompt.passphrase"))
					if err != nil {
						return a.fail("error.open-needs-passphrase")
					}
					if k, err = crypt.Passphrase(p); err != nil {
						return a.fail("error.passphrase-empty")
					}
				}
			} else if a.identityFile != "" {
				if k, err = a.identityKey(); err != nil {
					return err
				}
			} else {
				v, o, err := a.readable()
				if err != nil {
					return err
				}
				if k, err = a.ownIdentity(v, o.key); err != nil {
					return a.fail("error.no-key")
				}
			}
			plain, err := crypt.Open(sealed, k)
			switch {
			case errors.Is(err, crypt.ErrWrongIdentity):
				return a.fail("error.open-identity")
			case err != nil:
				return a.describe(err, "", args[0])
			}
			sh, err := plan.DecodeShare(plain)
			if err != nil {
				return a.fail("open.not-shared")
			}
			// Who and why and until when, first; then the content, if
			// the day has not passed.
			fmt.Fprintln(a.stdout, T("open.header"))
			fmt.Fprintln(a.stdout, T("share.for", "For", sh.For))
			if sh.Purpose != "" {
				fmt.Fprintln(a.stdout, T("share.purpose", "Purpose", sh.Purpose))
			}
			fmt.Fprintln(a.stdout, T("share.until", "Until", sh.Until.String()))
			if sh.Expired(plan.DateOf(a.now())) {
				return a.fail("open.expired", "Until", sh.Until.String())
			}
			fmt.Fprintln(a.stdout)
			a.printSummary(a.stdout, sh.Binder)
			return nil
		},
	}
}
