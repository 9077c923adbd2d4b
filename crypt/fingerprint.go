package crypt

import (
	"crypto/sha256"
	"math/big"
	"strings"
)

// FingerprintWords returns n words that stand for data: the first 11×n
// bits of its SHA-256, each 11 bits one word of the BIP-39 English list
// that GeneratePassphrase uses. Two people can read them to each other
// aloud to check they hold the same key; eight words are 88 bits, more
// than anyone can match by making keys until one reads the same.
func FingerprintWords(data []byte, n int) []string {
	if n > 23 {
		n = 23 // 23 × 11 = 253 bits: all a SHA-256 has
	}
	sum := sha256.Sum256(data)
	x := new(big.Int).SetBytes(sum[:])
	words := make([]string, n)
	for i := range words {
		shift := uint(256 - 11*(i+1))
		idx := new(big.Int).Rsh(x, shift)
		words[i] = wordList[idx.Int64()&2047]
	}
	return words
}

// Fingerprint returns a key as eight words to read aloud (see
// FingerprintWords), one string: the words an organisation's list key
// and the project's release key are compared by.
func Fingerprint(key []byte) string {
	return strings.Join(FingerprintWords(key, 8), " ")
}
