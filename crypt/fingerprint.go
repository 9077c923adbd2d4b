package crypt

import (
	"crypto/sha256"
	"strings"
)

// FingerprintWords is how many words Fingerprint gives: 8 words of 11
// bits are 88 bits of the hash, too many to match by making keys until
// one sounds the same.
const FingerprintWords = 8

// Fingerprint returns words a person can read aloud and compare with what
// someone else reads from their screen, to check that they hold the same
// key: FingerprintWords words of the BIP-39 English list (the list
// GeneratePassphrase uses), 11 bits each, from the SHA-256 of key.
func Fingerprint(key []byte) string {
	sum := sha256.Sum256(key)
	words := make([]string, FingerprintWords)
	for i := range words {
		// Bits 11*i to 11*i+10 of the hash, big-endian.
		bit := 11 * i
		v := uint32(sum[bit/8])<<16 | uint32(sum[bit/8+1])<<8 | uint32(sum[bit/8+2])
		words[i] = wordList[(v>>(13-bit%8))&0x7ff]
	}
	return strings.Join(words, " ")
}
