package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"aead.dev/minisign"
	"golang.org/x/term"

	"pathway/cmd/pathway/internal/kit"
)

// verifyCmd checks a release folder, or an unpacked kit: the signature
// over its list of sums with the public key, then every file the list
// names. Any difference fails.
func verifyCmd(args []string) error {
	fl := flag.NewFlagSet("verify", flag.ContinueOnError)
	pubFile := fl.String("pub", "", "the public key (default: the project's)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return errors.New("verify: give one folder")
	}
	dir := fl.Arg(0)
	pubText := kit.ProjectKey
	if *pubFile != "" {
		b, err := os.ReadFile(*pubFile)
		if err != nil {
			return err
		}
		pubText = string(b)
	}
	pub, err := kit.ParsePublicKey(pubText)
	if err != nil {
		return err
	}
	list := "SHA256SUMS"
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(kit.SumsName))); err == nil {
		list = kit.SumsName
	}
	n, err := verify(pub, dir, list)
	if err != nil {
		return err
	}
	fmt.Printf("%s: signature good (key %s), %d files as signed\n", dir, pub, n)
	return nil
}

// verify checks dir's list of sums and its signature, and every file the
// list names, and returns how many there were.
func verify(pub minisign.PublicKey, dir, list string) (int, error) {
	sums, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(list)))
	if err != nil {
		return 0, err
	}
	sig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(list)+".minisig"))
	if err != nil {
		return 0, fmt.Errorf("no signature: %w", err)
	}
	if err := kit.Verify(pub, sums, sig); err != nil {
		return 0, fmt.Errorf("%s: %w", list, err)
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || strings.Contains(name, "..") || filepath.IsAbs(name) {
			return n, fmt.Errorf("%s: a line that is not a sum: %q", list, sc.Text())
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return n, err
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != want {
			return n, fmt.Errorf("%s is not the file that was signed", name)
		}
		n++
	}
	if n == 0 {
		return 0, fmt.Errorf("%s lists no file", list)
	}
	return n, nil
}

// keygenCmd makes a minisign key pair. The secret key is sealed with a
// password typed twice, unless -unencrypted (CI's throwaway key). It is
// never written inside the repository.
func keygenCmd(args []string) error {
	fl := flag.NewFlagSet("keygen", flag.ContinueOnError)
	keyFile := fl.String("key", "", "where to write the secret key (outside the repository)")
	pubFile := fl.String("pub", "", "where to write the public key")
	unencrypted := fl.Bool("unencrypted", false, "write the secret key without a password (only for a throwaway key)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *keyFile == "" || *pubFile == "" {
		return errors.New("keygen: -key and -pub are needed")
	}
	if top, err := git("rev-parse", "--show-toplevel"); err == nil && top != "" {
		abs, _ := filepath.Abs(*keyFile)
		if rel, err := filepath.Rel(top, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return fmt.Errorf("keygen: %s is inside the repository %s: keep the secret key elsewhere", *keyFile, top)
		}
	}
	pub, priv, err := minisign.GenerateKey(nil)
	if err != nil {
		return err
	}
	var secret []byte
	if *unencrypted {
		secret, err = priv.MarshalText()
	} else {
		var password string
		if password, err = askPassword(true); err != nil {
			return err
		}
		secret, err = minisign.EncryptKey(password, priv)
	}
	if err != nil {
		return err
	}
	pubText, _ := pub.MarshalText()
	if err := writeNew(*keyFile, append(secret, '\n'), 0o600); err != nil {
		return err
	}
	if err := writeNew(*pubFile, append(pubText, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("public key %s\nwords      %s\n", pub, strings.Join(kit.Words(pub), " "))
	return nil
}

// wordsCmd prints a public key and its words, for the README.
func wordsCmd(args []string) error {
	fl := flag.NewFlagSet("words", flag.ContinueOnError)
	pubFile := fl.String("pub", "", "the public key (default: the project's)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	pubText := kit.ProjectKey
	if *pubFile != "" {
		b, err := os.ReadFile(*pubFile)
		if err != nil {
			return err
		}
		pubText = string(b)
	}
	pub, err := kit.ParsePublicKey(pubText)
	if err != nil {
		return err
	}
	fmt.Printf("%s\n%s\n", pub, strings.Join(kit.Words(pub), " "))
	return nil
}

// readKey reads a minisign secret key file, asking for its password when
// it is sealed with one.
func readKey(path string) (minisign.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return minisign.PrivateKey{}, err
	}
	if !minisign.IsEncrypted(b) {
		var k minisign.PrivateKey
		if err := k.UnmarshalText(bytes.TrimSpace(b)); err != nil {
			return k, fmt.Errorf("reading the key %s: %w", path, err)
		}
		return k, nil
	}
	password, err := askPassword(false)
	if err != nil {
		return minisign.PrivateKey{}, err
	}
	k, err := minisign.DecryptKey(password, b)
	if err != nil {
		return k, fmt.Errorf("opening the key %s: %w", path, err)
	}
	return k, nil
}

// askPassword reads the key's password from the terminal, twice for a
// new key.
func askPassword(twice bool) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", errors.New("the key's password is typed at a terminal")
	}
	fmt.Fprint(os.Stderr, "password of the signing key: ")
	p, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return "", err
	}
	if twice {
		fmt.Fprint(os.Stderr, "again: ")
		q, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", err
		}
		if string(p) != string(q) {
			return "", errors.New("the two passwords differ")
		}
	}
	return string(p), nil
}

func writeNew(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
