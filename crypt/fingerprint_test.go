package crypt

import (
	"crypto/sha256"
	"math/big"
	"strings"
	"testing"
)

// TestFingerprint checks the words against the hash read as one big
// number, 11 bits at a time, and that a key one bit apart sounds different.
func TestFingerprint(t *testing.T) {
	key := []byte("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3")
	got := strings.Fields(Fingerprint(key))
	if len(got) != FingerprintWords {
		t.Fatalf("%d words, want %d: %v", len(got), FingerprintWords, got)
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
