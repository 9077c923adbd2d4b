// Command pathway helps a person make a safety plan and a release plan,
// keeps them encrypted with age, and never goes online.
//
// This is only the entry point: the commands are in internal/cli, the one
// way to open and save a vault in internal/session, the screens in
// internal/ui, the walk through a plan in internal/wizard and the home
// menu with what it leads to in internal/flows.
package main

import (
	"os"
	"time"

	"pathway/cmd/pathway/internal/cli"
	"pathway/cmd/pathway/internal/env"
	"pathway/internal/nocore"
)

func main() {
	// First thing: no core dump, which would hold the plans in plain text.
	// If the system refuses, pathway runs all the same.
	_ = nocore.Disable()
	os.Exit(cli.Run(&env.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		Now:    time.Now,
	}, os.Args[1:]))
}
