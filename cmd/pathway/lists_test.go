package main

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"aead.dev/minisign"
	"github.com/rogpeppe/go-internal/testscript"
)

// listCmds are the script commands of the signed lists: a fresh minisign
// key, a signature made with it, and the bytes of every file of a folder.
func listCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		// minisign-keygen PUB SEC: a fresh key pair, the public key as
		// minisign writes its .pub file, the private key unencrypted.
		"minisign-keygen": func(ts *testscript.TestScript, neg bool, args []string) {
			pub, sec, err := minisign.GenerateKey(rand.Reader)
			ts.Check(err)
			p, err := pub.MarshalText()
			ts.Check(err)
			s, err := sec.MarshalText()
			ts.Check(err)
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), append(p, '\n'), 0o644))
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), s, 0o600))
		},
		// minisign-sign SEC FILE: write FILE.minisig, a prehashed ("ED")
		// signature, as the minisign tool makes by default.
		"minisign-sign": func(ts *testscript.TestScript, neg bool, args []string) {
			var sec minisign.PrivateKey
			ts.Check(sec.UnmarshalText([]byte(ts.ReadFile(args[0]))))
			f, err := os.Open(ts.MkAbs(args[1]))
			ts.Check(err)
			defer f.Close()
			r := minisign.NewReader(f)
			_, err = r.Read(make([]byte, 1<<20))
			for err == nil {
				_, err = r.Read(make([]byte, 1<<20))
			}
			sig := r.SignWithComments(sec, "file:"+filepath.Base(args[1]), "signature from a test key")
			ts.Check(os.WriteFile(ts.MkAbs(args[1])+".minisig", sig, 0o644))
		},
		// filesum DIR: the name and SHA-256 of every file under DIR, one
		// a line, sorted: to compare a folder's bytes before and after.
		"filesum": func(ts *testscript.TestScript, neg bool, args []string) {
			root := ts.MkAbs(args[0])
			var lines []string
			ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(root, p)
				lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(b), rel))
				return nil
			}))
			slices.Sort(lines)
			if len(lines) == 0 {
				ts.Fatalf("no files under %s", root)
			}
			for _, l := range lines {
				fmt.Fprintln(ts.Stdout(), l)
			}
		},
	}
}
