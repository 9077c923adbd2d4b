package crypt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

func TestMain(m *testing.M) {
	// As age's own tests do: a low work factor keeps the tests fast.
	ScryptWorkFactor = 10
	if dir := os.Getenv("PATHWAY_TEST_CRASH_HELPER"); dir != "" {
		crashHelper(dir)
		return
	}
	if dir := os.Getenv("PATHWAY_TEST_MIGRATE_HELPER"); dir != "" {
		migrateHelper(dir)
		return
	}
	if dir := os.Getenv("PATHWAY_TEST_CHANGE_HELPER"); dir != "" {
		changeHelper(dir)
		return
	}
	os.Exit(m.Run())
}

func mustPass(t testing.TB, p string) *Key {
	t.Helper()
	k, err := Passphrase(p)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSealOpenPassphrase(t *testing.T) {
	plain := []byte(`{"format":1,"note":"Mei 416 555 0123"}`)
	sealed, err := Seal(plain, mustPass(t, "correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("Mei")) {
		t.Fatal("plaintext in the sealed bytes")
	}
	if !bytes.HasPrefix(sealed, []byte("age-encryption.org/v1\n-> scrypt ")) {
		t.Fatalf("not an scrypt age file: %q", sealed[:40])
	}
	// The work factor written is the one asked for.
	if !bytes.Contains(sealed[:100], []byte(" 10\n")) {
		t.Fatalf("work factor not 10: %q", sealed[:100])
	}
	got, err := Open(sealed, mustPass(t, "correct horse"))
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("Open = %q, %v", got, err)
	}
	// age itself opens it.
	id, _ := age.NewScryptIdentity("correct horse")
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(r)
	if !bytes.Equal(buf.Bytes(), plain) {
		t.Fatal("age.Decrypt gives other bytes")
	}
}

func TestDefaultWorkFactorIsAgeDefault(t *testing.T) {
	// The shipped value; TestMain lowered it for speed.
	src, err := os.ReadFile("seal.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte("var ScryptWorkFactor = 18\n")) {
		t.Fatal("the shipped scrypt work factor is not age's default of 18")
	}
}

func TestSealOpenIdentity(t *testing.T) {
	id, _ := age.GenerateX25519Identity()
	k, err := ParseIdentities(strings.NewReader("# key\n" + id.String() + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := Seal([]byte("hello"), k)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Open(sealed, k)
	if err != nil || string(got) != "hello" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	other, _ := age.GenerateX25519Identity()
	k2, _ := ParseIdentities(strings.NewReader(other.String()))
	if _, err := Open(sealed, k2); !errors.Is(err, ErrWrongIdentity) {
		t.Errorf("other identity: %v", err)
	}
	if _, err := Open(sealed, mustPass(t, "x")); !errors.Is(err, ErrNeedsIdentity) {
		t.Errorf("passphrase on identity file: %v", err)
	}
	pSealed, _ := Seal([]byte("x"), mustPass(t, "x"))
	if _, err := Open(pSealed, k); !errors.Is(err, ErrNeedsPassphrase) {
		t.Errorf("identity on passphrase file: %v", err)
	}
	if _, err := ParseIdentities(strings.NewReader("not a key")); !errors.Is(err, ErrBadIdentity) {
		t.Errorf("bad identity: %v", err)
	}
}

func TestSealOpenHybridIdentity(t *testing.T) {
	id, err := age.GenerateHybridIdentity()
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseIdentities(strings.NewReader(id.String()))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := Seal([]byte("post-quantum"), k)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Open(sealed, k); err != nil || string(got) != "post-quantum" {
		t.Fatalf("Open = %q, %v", got, err)
	}
}

func TestOpenErrors(t *testing.T) {
	k := mustPass(t, "right")
	plain := bytes.Repeat([]byte("x"), 100<<10) // two payload chunks
	sealed, _ := Seal(plain, k)
	headerEnd := bytes.Index(sealed, []byte("\n--- ")) + 1
	mac := headerEnd + 5
	flip := func(i int) []byte {
		b := bytes.Clone(sealed)
		b[i] ^= 1
		return b
	}
	for _, c := range []struct {
		name string
		data []byte
		key  *Key
		want error
	}{
		{"wrong passphrase", sealed, mustPass(t, "wrong"), ErrWrongPassphrase},
		{"empty", nil, k, ErrNotAge},
		{"json", []byte(`{"format":1}`), k, ErrNotAge},
		{"armored", []byte("-----BEGIN AGE ENCRYPTED FILE-----\n"), k, ErrNotAge},
		{"intro cut", sealed[:10], k, ErrTruncated},
		{"header cut", sealed[:headerEnd-3], k, ErrTruncated},
		{"no payload", sealed[:headerEnd+60], k, ErrTruncated},
		{"payload cut at chunk", sealed[:len(sealed)-(100<<10-64<<10)-16-1], k, ErrDamaged},
		{"payload cut by one", sealed[:len(sealed)-1], k, ErrDamaged},
		{"payload flipped", flip(len(sealed) - 10), k, ErrDamaged},
		{"mac flipped", flip(mac), k, ErrDamaged},
		{"trailing data", append(bytes.Clone(sealed), 0), k, ErrDamaged},
		{"too big", make([]byte, MaxSealed+1), k, ErrTooBig},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(c.data, c.key)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
	if _, err := Passphrase(""); !errors.Is(err, ErrEmptyPassphrase) {
		t.Errorf("empty passphrase: %v", err)
	}
}

func TestGeneratePassphrase(t *testing.T) {
	if len(wordList) != 2048 {
		t.Fatalf("%d words", len(wordList))
	}
	seen := map[string]bool{}
	for range 50 {
		p, err := GeneratePassphrase(6)
		if err != nil {
			t.Fatal(err)
		}
		w := strings.Fields(p)
		if len(w) != 6 {
			t.Fatalf("%q has %d words", p, len(w))
		}
		if seen[p] {
			t.Fatalf("%q came twice", p)
		}
		seen[p] = true
	}
}

func TestRecipientsAndIdentities(t *testing.T) {
	for _, classic := range []bool{true, false} {
		id, pub, err := GenerateIdentity(classic)
		if err != nil {
			t.Fatal(err)
		}
		if classic != !strings.HasPrefix(pub, "age1pq1") {
			t.Errorf("classic=%v gave %.10s…", classic, pub)
		}
		to, err := ParseRecipient(pub)
		if err != nil {
			t.Fatal(err)
		}
		sealed, err := Seal([]byte("for you"), to)
		if err != nil {
			t.Fatal(err)
		}
		k, err := ParseIdentities(strings.NewReader(id))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Open(sealed, k); err != nil || string(got) != "for you" {
			t.Fatalf("open: %q %v", got, err)
		}
		other, _, _ := GenerateIdentity(classic)
		ko, _ := ParseIdentities(strings.NewReader(other))
		if _, err := Open(sealed, ko); !errors.Is(err, ErrWrongIdentity) {
			t.Errorf("another identity: %v", err)
		}
	}
	for _, bad := range []string{"", "age1", "not a key", "AGE-SECRET-KEY-1QQQ", "age1pq1abc"} {
		if _, err := ParseRecipient(bad); !errors.Is(err, ErrBadRecipient) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestWriteNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "usb", "plans")
	if err := WriteNew(dir, []byte("sealed")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != CurrentName {
		t.Fatalf("the folder holds %v", entries)
	}
	if err := WriteNew(dir, []byte("again")); !errors.Is(err, ErrExists) {
		t.Fatalf("over a vault: %v", err)
	}
}
