package directory

import (
	"bytes"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"aead.dev/minisign"
)

const smallList = `{"format": 1, "name": "Riverside outreach list", "date": "2026-11", "listings": [
 {"id": "riverside", "name": "Riverside Drop-in", "phones": [{"text": "416-555-0170"}],
  "region": "Toronto", "categories": ["community"], "confirmed": "2026-11-20", "description": "Open Tuesdays."}]}`

func newKey(t *testing.T) (TrustedKey, minisign.PrivateKey) {
	t.Helper()
	pub, sec, err := minisign.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := pub.MarshalText()
	line, err := ParseKey(string(text))
	if err != nil {
		t.Fatal(err)
	}
	return TrustedKey{Key: line, Name: "Riverside Outreach"}, sec
}

// prehashed signs data as the minisign tool does by default ("ED").
func prehashed(sec minisign.PrivateKey, data []byte) []byte {
	r := minisign.NewReader(bytes.NewReader(data))
	buf := make([]byte, len(data)+1)
	r.Read(buf)
	return r.SignWithComments(sec, "file:list.json", "test")
}

// TestVerify: a signature from a trusted key is accepted; a list or a
// signature changed by one bit, at any byte, is refused as altered (or,
// where the key id itself changed, as untrusted, or as no signature at
// all): never accepted. A key not trusted is refused as such.
func TestVerify(t *testing.T) {
	k, sec := newKey(t)
	other, _ := newKey(t)
	data := []byte(smallList)
	sig := prehashed(sec, data)
	if !bytes.HasPrefix(sig, []byte("untrusted comment:")) || !bytes.Contains(sig, []byte("\nRU")) {
		t.Fatalf("not a minisign signature: %s", sig)
	}
	got, err := Verify([]TrustedKey{other, k}, data, sig)
	if err != nil || got.Key != k.Key {
		t.Fatalf("Verify = %v, %v; want the trusted key", got, err)
	}
	// The legacy signature over the whole file is accepted too.
	if _, err := Verify([]TrustedKey{k}, data, minisign.Sign(sec, data)); err != nil {
		t.Errorf("a legacy (Ed) signature: %v", err)
	}
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 1
		if _, err := Verify([]TrustedKey{k}, bad, sig); !errors.Is(err, ErrAltered) {
			t.Fatalf("list byte %d changed: %v, want ErrAltered", i, err)
		}
	}
	// The untrusted comment (first line) is not signed: any other byte is.
	start := bytes.IndexByte(sig, '\n') + 1
	for i := start; i < len(sig); i++ {
		bad := bytes.Clone(sig)
		bad[i] ^= 1
		var a, b minisign.Signature
		if a.UnmarshalText(sig) == nil && b.UnmarshalText(bad) == nil && a.Equal(b) {
			continue // base64's unused last bits: the same signature
		}
		if _, err := Verify([]TrustedKey{k}, data, bad); err == nil {
			t.Fatalf("signature byte %d (%q) changed: accepted", i, sig[i])
		}
	}
	if _, err := Verify([]TrustedKey{other}, data, sig); !errors.Is(err, ErrUntrusted) {
		t.Errorf("an untrusted key: %v, want ErrUntrusted", err)
	} else if !strings.Contains(err.Error(), SignatureKeyID(sig)) {
		t.Errorf("the error does not name the key: %v", err)
	}
	if _, err := Verify(nil, data, []byte("not a signature")); !errors.Is(err, ErrBadSignature) {
		t.Errorf("garbage: %v, want ErrBadSignature", err)
	}
}

func TestParseKey(t *testing.T) {
	k, _ := newKey(t)
	for _, in := range []string{k.Key, k.Key + "\n", "untrusted comment: minisign public key: X\n" + k.Key + "\n"} {
		if got, err := ParseKey(in); err != nil || got != k.Key {
			t.Errorf("ParseKey(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "hello", k.Key + "\n" + k.Key, k.Key[:20]} {
		if _, err := ParseKey(in); !errors.Is(err, ErrBadKey) {
			t.Errorf("ParseKey(%q): %v, want ErrBadKey", in, err)
		}
	}
	if len(k.ID()) != 16 || len(strings.Fields(k.Fingerprint())) != 8 {
		t.Errorf("id %q, words %q", k.ID(), k.Fingerprint())
	}
}

// TestStore: the trusted keys and each list's signer survive the vault;
// a store of the first format still reads; a newer one is refused.
func TestStore(t *testing.T) {
	k, _ := newKey(t)
	l, _, err := Parse([]byte(smallList))
	if err != nil {
		t.Fatal(err)
	}
	l.Signer = &Signer{KeyID: k.ID(), Name: k.Name, Checked: "2026-12-01"}
	st := &Store{Lists: []*List{l}}
	if !st.Trust(k) || st.Trust(k) {
		t.Error("Trust does not say whether the key was new")
	}
	data, err := st.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ReadStore(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Trusted) != 1 || back.Trusted[0] != k {
		t.Errorf("trusted keys: %+v", back.Trusted)
	}
	if s := back.Lists[0].Signer; s == nil || *s != *l.Signer {
		t.Errorf("signer: %+v", s)
	}
	x := back.Lists[0].Listings[0]
	if by, vouched := x.ConfirmedBy(); by != "Riverside Outreach" || !vouched || x.ConfirmedOn() != "2026-11-20" {
		t.Errorf("confirmed by %q (%v) on %q", by, vouched, x.ConfirmedOn())
	}
	if src := x.Contact().Source; src == nil || src.Key != k.ID() || src.Listing != "riverside" || src.Confirmed != "2026-11-20" {
		t.Errorf("contact source: %+v", src)
	}
	old, err := EncodeStore([]*List{l})
	if err != nil {
		t.Fatal(err)
	}
	if lists, err := DecodeStore(old); err != nil || len(lists) != 1 || lists[0].Signer != nil {
		t.Errorf("format 1 store: %v, %v", lists, err)
	}
	if _, err := ReadStore([]byte(`{"format": 3, "lists": []}`)); err == nil {
		t.Error("a newer store was read")
	}
	if _, ok := st.Untrust(strings.ToLower(k.ID())); !ok || len(st.Trusted) != 0 {
		t.Error("Untrust by id failed")
	}
	// An unsigned list vouches for nothing; the guide does.
	l.Signer = nil
	if _, vouched := l.Listings[0].ConfirmedBy(); vouched {
		t.Error("an unsigned list vouches for its numbers")
	}
	if by, vouched := Guide().Listings[0].ConfirmedBy(); !vouched || by != Guide().Name || Guide().Listings[0].ConfirmedOn() != "2020-01" {
		t.Errorf("the guide: %q %v", by, vouched)
	}
}

func TestConfirmedField(t *testing.T) {
	bad := strings.Replace(smallList, `"2026-11-20"`, `"last week"`, 1)
	var de *Error
	if _, _, err := Parse([]byte(bad)); !errors.As(err, &de) || de.Code != "bad-date" || de.Field != "confirmed" {
		t.Errorf("a bad confirmed date: %v", err)
	}
}
