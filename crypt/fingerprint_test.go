package crypt

import (
	"crypto/sha256"
	"slices"
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
