// Command release makes pathway's release: an archive per platform, built
// static and bit for bit reproducible, each with the README, the licences
// (pathway's and its fonts'), manual pages and shell completions; a
// CycloneDX SBOM per platform; the outreach kit (a USB stick's layout,
// every platform in one zip); SHA256SUMS over all of them, and its
// minisign signature.
//
// Usage, from the module's top folder:
//
//	go run ./cmd/pathway/internal/release build -o DIR [-key FILE] [-pub FILE] [-version V]
//	go run ./cmd/pathway/internal/release verify [-pub FILE] DIR
//	go run ./cmd/pathway/internal/release keygen -key FILE -pub FILE [-unencrypted]
//	go run ./cmd/pathway/internal/release words [-pub FILE]
//
// docs/release.md says what each step is for and what a maintainer does.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: release build|verify|keygen|words [flags]; see docs/release.md")
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "build":
		err = buildCmd(args)
	case "verify":
		err = verifyCmd(args)
	case "keygen":
		err = keygenCmd(args)
	case "words":
		err = wordsCmd(args)
	default:
		err = fmt.Errorf("unknown step %q: build, verify, keygen or words", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}
