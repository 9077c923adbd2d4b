//go:build !linux

package main

import "github.com/rogpeppe/go-internal/testscript"

func watchCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) { return nil }
