// Command pathway helps a person make a safety plan and a release plan,
// keeps them encrypted with age, and never goes online.
//
// This package is the only one that talks to a terminal: it holds the
// cobra commands and turns every error into a message in the person's
// language.
package main

import (
	"io"
	"os"
	"time"
)

// version is the program's version; release builds set it with
// -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs pathway with the given arguments and streams and returns the
// exit code: 0 for success, 1 when something went wrong, 2 for a command
// line that could not be understood.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		getenv: os.Getenv,
		now:    time.Now,
	}
	return a.run(args)
}
