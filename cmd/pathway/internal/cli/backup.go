package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/crypt"
)

// BackupOptions are the choices of pathway backup.
type BackupOptions struct {
	E     *env.Env
	Vault *session.Options
	Out   output.File
	To    string // --to: an organisation's public key, with consent
}

func newCmdBackup(f *Factory, runF func(*BackupOptions) error) *cobra.Command {
	o := &BackupOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "backup -o FILE",
		Short: f.E.T("cmd.backup.short"),
		Long:  f.E.T("cmd.backup.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return backupRun(o)
		},
	}
	c.Flags().StringVarP(&o.Out.Path, "output", "o", "", f.E.T("backup.flag-output"))
	c.Flags().BoolVar(&o.Out.Force, "force", false, f.E.T("flag.force"))
	c.Flags().StringVar(&o.To, "to", "", f.E.T("backup.flag-to"))
	return c
}

func backupRun(o *BackupOptions) error {
	e := o.E
	if o.Out.Path == "" {
		return e.Usage("backup.no-output")
	}
	if err := o.Out.Check(e); err != nil {
		return err
	}
	if o.Out.Path == "-" && session.IsTerminal(e.Stdout) {
		return e.Fail("backup.stdout-terminal")
	}
	dir, err := session.Dir(e, o.Vault)
	if err != nil {
		return err
	}
	if o.Out.Path != "-" && session.InsideVault(o.Out.Path, dir) {
		return e.Fail("backup.inside-vault", "Path", o.Out.Path, "Dir", dir)
	}
	var orgKey *crypt.Key
	if o.To != "" {
		if orgKey, err = crypt.ParseRecipient(o.To); err != nil {
			return e.Fail("error.recipient", "Recipient", flows.Shorten(o.To))
		}
	}
	tty := session.TTY{E: e}
	s, err := session.Lock(e, o.Vault, tty, "prompt.passphrase")
	if err != nil {
		return err
	}
	defer s.Close()

	if orgKey != nil {
		// What it means, said before the person agrees, in their words.
		fmt.Fprintln(e.Stderr, e.T("backup.to-explain", "Key", flows.Shorten(o.To)))
		answer, err := tty.ReadLine(e.T("backup.to-confirm"))
		if err != nil {
			return e.Fail("backup.to-needs-tty")
		}
		if a := foldWord(answer); a != "yes" && a != "y" && a != foldWord(e.T("word.yes")) {
			return e.Fail("backup.to-cancelled")
		}
		// Kept in the consent ledger before the backup is packed, so that
		// the backup holds the record too.
		c := session.BackupConsent{Recipient: strings.TrimSpace(o.To), Made: e.Today(), Path: o.Out.Path}
		if err := s.RecordBackupConsent(c); err != nil {
			return err
		}
	} else if s.Key.IsPassphrase() {
		tty.Busy(e.T("backup.sealing"))
	}
	r, err := s.WriteBackup(o.Out, orgKey)
	if err != nil {
		return err
	}
	for _, name := range r.Skipped {
		fmt.Fprintln(e.Stderr, e.T("backup.skipped", "Path", s.Vault.Path(name)))
	}
	if orgKey != nil {
		fmt.Fprintln(e.Stderr, e.T("backup.written-to", "Path", o.Out.Path, "Key", flows.Shorten(o.To), "Count", len(r.Files)))
	} else {
		fmt.Fprintln(e.Stderr, e.T("backup.written", "Path", o.Out.Path, "Count", len(r.Files)))
		if s.Key.IsPassphrase() {
			fmt.Fprintln(e.Stderr, e.T("backup.locked-passphrase"))
		}
	}
	return nil
}

// RestoreOptions are the choices of pathway restore.
type RestoreOptions struct {
	E        *env.Env
	Vault    *session.Options
	File     string
	Replace  bool   // --replace: write over the vault's files
	Identity string // --backup-identity: the organisation's key file
}

func newCmdRestore(f *Factory, runF func(*RestoreOptions) error) *cobra.Command {
	o := &RestoreOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "restore FILE",
		Short: f.E.T("cmd.restore.short"),
		Long:  f.E.T("cmd.restore.long"),
		Args:  exactArgs(f.E, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if runF != nil {
				return runF(o)
			}
			return restoreRun(o)
		},
	}
	c.Flags().BoolVar(&o.Replace, "replace", false, f.E.T("restore.flag-replace"))
	c.Flags().StringVar(&o.Identity, "backup-identity", "", f.E.T("restore.flag-identity"))
	return c
}

func restoreRun(o *RestoreOptions) error {
	e := o.E
	sealed, err := session.ReadBackup(o.File)
	if err != nil {
		return e.Fail("error.input-file", "Path", o.File)
	}
	r, err := session.Restore(e, o.Vault, session.TTY{E: e}, session.RestoreFrom{
		Path: o.File, Sealed: sealed, Identity: o.Identity, Replace: o.Replace,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, e.N("restore.done", len(r.Files), "Dir", r.Dir, "Made", r.Manifest.Made))
	if r.SamePassphrase {
		fmt.Fprintln(e.Stderr, e.T("restore.same-passphrase"))
	}
	return nil
}
