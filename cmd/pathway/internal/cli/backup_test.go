package cli

import (
	"bytes"
	"testing"
	"time"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/locales"
)

func testFactory(t *testing.T) *Factory {
	t.Helper()
	var out bytes.Buffer
	e := &env.Env{Stdin: &bytes.Buffer{}, Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }, Now: time.Now, Loc: locales.English()}
	return &Factory{E: e, Vault: &session.Options{}}
}

// The flags of backup and restore reach their options; nothing runs.
func TestBackupRestoreFlags(t *testing.T) {
	f := testFactory(t)
	var got *BackupOptions
	c := newCmdBackup(f, func(o *BackupOptions) error { got = o; return nil })
	c.SetArgs([]string{"-o", "b.age", "--force", "--to", "age1xyz"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Out.Path != "b.age" || !got.Out.Force || got.To != "age1xyz" {
		t.Errorf("backup options: %+v", got)
	}

	var r *RestoreOptions
	c = newCmdRestore(f, func(o *RestoreOptions) error { r = o; return nil })
	c.SetArgs([]string{"--replace", "--backup-identity", "org.txt", "b.age"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if r == nil || r.File != "b.age" || !r.Replace || r.Identity != "org.txt" {
		t.Errorf("restore options: %+v", r)
	}
	c = newCmdRestore(f, func(o *RestoreOptions) error { t.Error("restore ran without a file"); return nil })
	c.SetArgs([]string{})
	c.SilenceUsage, c.SilenceErrors = true, true
	if err := c.Execute(); err == nil {
		t.Error("restore without a file was accepted")
	}
}
