package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/directory"
	"pathway/plan"
)

// ListImportOptions are the choices of pathway resources import.
type ListImportOptions struct {
	E     *env.Env
	Vault *session.Options
	File  string
	// Sig is the signature file; empty means File + ".minisig".
	Sig string
	// Unsigned allows a list that has no signature at all.
	Unsigned bool
}

func newCmdResourcesImport(f *Factory, runF func(*ListImportOptions) error) *cobra.Command {
	e := f.E
	o := &ListImportOptions{E: e, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: e.T("cmd.resources-import.short"),
		Long:  e.T("cmd.resources-import.long") + "\n\n" + e.T("lists.import-long"),
		Args:  exactArgs(e, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if runF != nil {
				return runF(o)
			}
			return listImportRun(o)
		},
	}
	c.Flags().StringVar(&o.Sig, "sig", "", e.T("lists.flag-sig"))
	c.Flags().BoolVar(&o.Unsigned, "unsigned", false, e.T("lists.flag-unsigned"))
	return c
}

// readSignature reads the list's signature: nil, with no error, when
// there is none.
func (o *ListImportOptions) readSignature() ([]byte, string, error) {
	path := o.Sig
	if path == "" {
		if o.File == "-" {
			return nil, "--sig", nil
		}
		path = o.File + ".minisig"
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && o.Sig == "":
		return nil, path, nil
	case err != nil || len(data) > 4096:
		return nil, path, o.E.Fail("error.input-file", "Path", path)
	}
	return data, path, nil
}

// listImportRun checks a list and its signature, and keeps it in the
// vault. Every check is made before anything is written: a refused list
// leaves every file of the vault as it was.
func listImportRun(o *ListImportOptions) error {
	e := o.E
	data, err := readInput(e, o.File)
	if err != nil {
		return err
	}
	sig, sigPath, err := o.readSignature()
	if err != nil {
		return err
	}
	if sig == nil && !o.Unsigned {
		return e.Fail("lists.no-signature", "Path", sigPath)
	}
	l, warns, err := directory.Parse(data)
	if err == nil {
		err = directory.CheckImported(l)
	}
	if err != nil {
		return session.DirError(e, err)
	}
	if sig != nil {
		// No vault yet: no key is trusted, and none is made for a list
		// that will be refused.
		v, err := session.Find(e, o.Vault)
		if err != nil {
			return err
		}
		if !v.Exists() {
			return e.Fail("lists.untrusted", "Path", o.File, "ID", directory.SignatureKeyID(sig))
		}
	}
	s, err := session.Write(e, o.Vault, session.TTY{E: e}, true)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.ListStore()
	if err != nil {
		return err
	}
	if sig != nil {
		k, err := directory.Verify(st.Trusted, data, sig)
		switch {
		case errors.Is(err, directory.ErrAltered):
			return e.Fail("lists.altered", "Path", o.File, "Org", k.Name)
		case errors.Is(err, directory.ErrUntrusted):
			return e.Fail("lists.untrusted", "Path", o.File, "ID", directory.SignatureKeyID(sig))
		case err != nil:
			return e.Fail("lists.bad-signature", "Path", sigPath)
		}
		l.Signer = &directory.Signer{KeyID: k.ID(), Name: k.Name, Checked: e.Today().String()}
	}
	if old := st.Find(l.Name); old != nil {
		if err := replacing(e, st, old, l); err != nil {
			return err
		}
	}
	for _, w := range warns {
		if w.Listing == "" {
			// A field of the list itself, not of a listing.
			fmt.Fprintln(e.Stderr, e.T("resources.cleaned-list", "Field", w.Field))
			continue
		}
		fmt.Fprintln(e.Stderr, e.T("resources.cleaned", "Line", w.Line, "Listing", w.Listing, "Field", w.Field))
	}
	// The contacts added from this list follow it: a signed list changes
	// their numbers, and says so.
	keyID, by := "", l.Name
	if l.Signer != nil {
		keyID, by = l.Signer.KeyID, l.Signer.Name
	}
	follow := false
	for _, c := range s.Binder.Contacts {
		follow = follow || c.Source != nil && c.Source.List == l.Name && c.Source.Key == keyID
	}
	var changed []*plan.Contact
	if follow {
		changed = s.Binder.UpdateFromList(l.Name, keyID, by, l.Numbers(), e.Today())
		if err := s.Save(); err != nil {
			return err
		}
	}
	st.Replace(l)
	if err := s.SaveListStore(st); err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, e.N("resources.imported", len(l.Listings), "Name", l.Name))
	if l.Signer != nil {
		fmt.Fprintln(e.Stderr, e.T("lists.signed-by", "Org", l.Signer.Name, "ID", l.Signer.KeyID))
	} else {
		fmt.Fprintln(e.Stderr, e.T("lists.unsigned-warning", "List", l.Name))
	}
	for _, c := range changed {
		fmt.Fprintln(e.Stderr, show.NumberNews(e, *c))
	}
	return nil
}

// replacing refuses a list that must not take the place of old, the
// stored list of the same name: an unsigned one in place of a signed one
// whose key is still trusted (dropping the signature is not a way round
// it), one signed by another trusted key, or an older one (an old signed
// list, replayed, would bring back a number that has since changed).
func replacing(e *env.Env, st *directory.Store, old, l *directory.List) error {
	if old.Signer != nil && (l.Signer == nil || l.Signer.KeyID != old.Signer.KeyID) {
		for _, k := range st.Trusted {
			if k.ID() == old.Signer.KeyID {
				return e.Fail("lists.other-signer", "List", l.Name, "Org", k.Name)
			}
		}
	}
	od, ok1 := plan.ListDate(old.Date)
	nd, ok2 := plan.ListDate(l.Date)
	if ok1 && ok2 && nd.Before(od) {
		return e.Fail("lists.older", "List", l.Name, "Date", l.Date, "Stored", old.Date)
	}
	return nil
}

// readKey reads a minisign public key from a file, or from the argument
// itself.
func readKey(e *env.Env, arg string) (string, error) {
	text := arg
	if data, err := os.ReadFile(arg); err == nil && len(data) < 4096 {
		text = string(data)
	}
	line, err := directory.ParseKey(text)
	if err != nil {
		return "", e.Fail("lists.bad-key", "Key", plan.CleanLine(arg))
	}
	return line, nil
}

// keyText words a trusted key: its name, its id, and the words to
// compare aloud.
func keyText(e *env.Env, k directory.TrustedKey) string {
	return e.T("lists.key", "Name", k.Name, "ID", k.ID(), "Words", k.Fingerprint(), "Added", k.Added)
}

// maxKeyName is the longest name of a trusted key, in bytes: it is shown
// beside every listing of the lists the key signed.
const maxKeyName = 200

func newCmdResourcesTrust(f *Factory) *cobra.Command {
	e := f.E
	var name string
	c := &cobra.Command{
		Use:   "trust KEY",
		Short: e.T("lists.cmd-trust"),
		Long:  e.T("lists.cmd-trust-long"),
		Args:  exactArgs(e, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name = plan.CleanLine(name)
			if name == "" {
				return e.Usage("lists.name-needed")
			}
			if len(name) > maxKeyName {
				return e.Usage("error.plan.too-long", "Limit", maxKeyName)
			}
			line, err := readKey(e, args[0])
			if err != nil {
				return err
			}
			s, err := session.Write(e, f.Vault, session.TTY{E: e}, true)
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.ListStore()
			if err != nil {
				return err
			}
			k := directory.TrustedKey{Key: line, Name: name, Added: e.Today().String()}
			st.Trust(k)
			if err := s.SaveListStore(st); err != nil {
				return err
			}
			fmt.Fprintln(e.Stdout, e.T("lists.trusted", "Name", name))
			fmt.Fprintln(e.Stdout, keyText(e, k))
			fmt.Fprintln(e.Stdout, e.T("lists.compare-aloud"))
			return nil
		},
	}
	c.Flags().StringVar(&name, "name", "", e.T("lists.flag-name"))
	return c
}

func newCmdResourcesUntrust(f *Factory) *cobra.Command {
	e := f.E
	return &cobra.Command{
		Use:   "untrust KEY",
		Short: e.T("lists.cmd-untrust"),
		Args:  exactArgs(e, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			which := args[0]
			if line, err := readKey(e, which); err == nil {
				which = line
			}
			s, err := session.Lock(e, f.Vault, session.TTY{E: e}, "prompt.passphrase")
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.ListStore()
			if err != nil {
				return err
			}
			k, ok := st.Untrust(which)
			if !ok {
				return e.Fail("lists.no-such-key", "Key", plan.CleanLine(args[0]))
			}
			if err := s.SaveListStore(st); err != nil {
				return err
			}
			fmt.Fprintln(e.Stdout, e.T("lists.untrusted-done", "Name", k.Name, "ID", k.ID()))
			return nil
		},
	}
}

func newCmdResourcesKeys(f *Factory) *cobra.Command {
	e := f.E
	return &cobra.Command{
		Use:   "keys",
		Short: e.T("lists.cmd-keys"),
		Args:  exactArgs(e, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := session.Open(e, f.Vault, session.TTY{E: e}, false)
			if err != nil {
				return err
			}
			st, err := s.ListStore()
			if err != nil {
				return err
			}
			if len(st.Trusted) == 0 {
				fmt.Fprintln(e.Stdout, e.T("lists.no-keys"))
				return nil
			}
			var parts []string
			for _, k := range st.Trusted {
				parts = append(parts, keyText(e, k))
			}
			fmt.Fprintln(e.Stdout, strings.Join(parts, "\n\n"))
			return nil
		},
	}
}
