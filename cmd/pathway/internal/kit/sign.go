package kit

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"

	"aead.dev/minisign"

	"pathway/crypt"
)

// ProjectKey is the minisign public key pathway's releases are signed
// with: the text of release.pub. See docs/release.md for what it is today
// and how a maintainer replaces it.
//
//go:embed release.pub
var ProjectKey string

// ParsePublicKey reads a minisign public key: the text of a .pub file, or
// its one base64 line.
func ParsePublicKey(text string) (minisign.PublicKey, error) {
	var k minisign.PublicKey
	line := keyLine(text)
	if err := k.UnmarshalText([]byte(line)); err != nil {
		return k, fmt.Errorf("reading the public key: %w", err)
	}
	return k, nil
}

// keyLine returns the base64 line of a .pub file's text.
func keyLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "untrusted comment:") {
			return l
		}
	}
	return ""
}

// Words returns the key's fingerprint in words: eight words of the BIP-39
// list drawn from the SHA-256 of the key's bytes, to read aloud and
// compare with what the project publishes.
func Words(k minisign.PublicKey) []string {
	raw, _ := base64.StdEncoding.DecodeString(k.String())
	return crypt.FingerprintWords(raw, 8)
}

// Sign signs data with the private key, in minisign's pre-hashed form
// (what `minisign -V` expects today). The trusted comment is signed too;
// no time is put in it, so that the same release signs to the same bytes.
func Sign(k minisign.PrivateKey, data []byte, comment string) []byte {
	r := minisign.NewReader(bytes.NewReader(data))
	io.Copy(io.Discard, r) // reading from memory does not fail
	untrusted := fmt.Sprintf("signature from pathway's release key %X", k.ID())
	return r.SignWithComments(k, comment, untrusted)
}

// ErrBadSignature is returned by Verify when a signature does not match.
var ErrBadSignature = errors.New("the signature does not match: the file was changed, or not signed with this key")

// Verify checks that sig is the key's signature over data.
func Verify(k minisign.PublicKey, data, sig []byte) error {
	if !minisign.Verify(k, data, sig) {
		return ErrBadSignature
	}
	return nil
}
