package crypt

import (
	"crypto/sha256"
	"math/big"
	"slices"
	"strings"
	"testing"
)

func TestFingerprintWords(t *testing.T) {
	a := FingerprintWords([]byte("RWQkey one"), 8)
	b := FingerprintWords([]byte("RWQkey one"), 8)
	c := FingerprintWords([]byte("RWQkey onf"), 8)
	if len(a) != 8 || !slices.Equal(a, b) {
		t.Fatalf("not stable: %v %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Fatalf("one changed byte gave the same words: %v", a)
	}
	// The first word is the first 11 bits of the hash.
	sum := sha256.Sum256([]byte("RWQkey one"))
	first := int(sum[0])<<3 | int(sum[1])>>5
	if a[0] != wordList[first] {
		t.Errorf("first word %q, want %q", a[0], wordList[first])
	}
	// The second starts 11 bits in.
	second := (int(sum[1])&31)<<6 | int(sum[2])>>2
	if a[1] != wordList[second] {
		t.Errorf("second word %q, want %q", a[1], wordList[second])
	}
	if n := len(FingerprintWords(nil, 40)); n != 23 {
		t.Errorf("asked for 40 words, got %d, want 23", n)
	}
}

// TestFingerprint checks the words against the hash read as one big
// number, 11 bits at a time, and that a key one bit apart sounds different.
func TestFingerprint(t *testing.T) {
	key := []byte("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3")
	got := strings.Fields(Fingerprint(key))
	if len(got) != 8 {
		t.Fatalf("%d words, want 8: %v", len(got), got)
	}
	sum := sha256Sum(key)
	n := new(big.Int).SetBytes(sum[:])
	for i, w := range got {
		shift := uint(256 - 11*(i+1))
		idx := new(big.Int).Rsh(n, shift).Int64() & 0x7ff
		if wordList[idx] != w {
			t.Errorf("word %d is %q, want %q", i, w, wordList[idx])
		}
	}
	if Fingerprint(key) != Fingerprint(append([]byte(nil), key...)) {
		t.Error("the same key gives different words")
	}
	other := append([]byte(nil), key...)
	other[10] ^= 1
	if Fingerprint(other) == Fingerprint(key) {
		t.Error("two keys give the same words")
	}
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
