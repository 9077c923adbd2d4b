// Package session is the one way pathway finds, locks, opens and saves a
// vault. Every command and every screen goes through it, so that there is
// one passphrase policy, one way to retry a wrong passphrase, and one place
// that takes up the language saved in the vault.
package session

import (
	"os"
	"path/filepath"

	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
)

// Options say which vault to use and how to open it: the flags every
// command shares.
type Options struct {
	VaultDir       string // --vault
	PassphraseFile string // --passphrase-file
	IdentityFile   string // --identity
	// Outreach keeps everything in memory: nothing is written but what
	// the person saves at the end.
	Outreach bool
	// Restore lets Write open a vault whose plans file is missing but
	// whose backup is there, to put plans back (import --replace): every
	// other writer refuses such a vault, so that no save replaces the only
	// copy left.
	Restore bool
	// Beside is the vault folder found beside the program, on a USB stick
	// laid out by pathway's kit ("" elsewhere): used when neither --vault
	// nor PATHWAY_VAULT names one, so that plans stay on the stick.
	Beside string
}

// Dir returns the vault folder the person chose: --vault, then
// PATHWAY_VAULT, then the stick's vault beside the program, then
// pathway's folder in the user's configuration folder.
func Dir(e *env.Env, o *Options) (string, error) {
	dir := o.VaultDir
	if dir == "" {
		dir = e.Getenv("PATHWAY_VAULT")
	}
	if dir == "" {
		dir = o.Beside
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", e.Fail("error.crypt.io", "Dir", "~", "Detail", err.Error())
		}
		dir = filepath.Join(base, "pathway")
	}
	return dir, nil
}

// Find returns the vault the person chose. In outreach mode there is none:
// nothing is kept on this computer.
func Find(e *env.Env, o *Options) (*crypt.Vault, error) {
	if o.Outreach {
		return nil, e.Fail("error.outreach")
	}
	dir, err := Dir(e, o)
	if err != nil {
		return nil, err
	}
	v, err := crypt.At(dir)
	if err != nil {
		return nil, e.Describe(err, dir, "")
	}
	return v, nil
}

// AllDirs returns every folder pathway may have written on this computer:
// the default vault, the stick's, and the ones named by PATHWAY_VAULT and
// --vault.
func AllDirs(e *env.Env, o *Options) []string {
	var dirs []string
	add := func(d string) {
		if d == "" {
			return
		}
		d = filepath.Clean(d)
		for _, x := range dirs {
			if x == d {
				return
			}
		}
		dirs = append(dirs, d)
	}
	if base, err := os.UserConfigDir(); err == nil {
		add(filepath.Join(base, "pathway"))
	}
	add(o.Beside)
	add(e.Getenv("PATHWAY_VAULT"))
	add(o.VaultDir)
	return dirs
}
