package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"pathway/locales"
	"pathway/plan"
)

// catalogueKeys returns every message key the question catalogue needs.
func catalogueKeys() []string {
	var keys []string
	for _, k := range plan.Kinds {
		keys = append(keys, plan.KindTitleKey(k), plan.KindIntroKey(k))
	}
	for _, s := range plan.Catalogue() {
		keys = append(keys, s.TitleKey(), s.IntroKey())
		for _, q := range s.Questions {
			keys = append(keys, q.TitleKey(), q.HelpKey(), q.OpenKey())
			for _, o := range q.Options {
				keys = append(keys, q.OptionKey(o))
			}
		}
	}
	for _, r := range plan.Roles {
		keys = append(keys, plan.RoleKey(r))
	}
	for _, c := range plan.PhoneCodes {
		keys = append(keys, "phone."+c)
	}
	for _, s := range []plan.Status{plan.Draft, plan.Done} {
		keys = append(keys, "status."+string(s))
	}
	for _, c := range []string{
		plan.CodeTooBig, plan.CodeInvalidUTF8, plan.CodeInvalidJSON, plan.CodeUnknownField,
		plan.CodeNoFormat, plan.CodeNewerFormat, plan.CodeBadFormat, plan.CodeTooLong,
		plan.CodeBadDate, plan.CodeBadID, plan.CodeDuplicateID, plan.CodeNoName, plan.CodeBadRole,
		plan.CodeBadPhone, plan.CodeBadKind, plan.CodeBadStatus, plan.CodeUnknownQuestion,
		plan.CodeBadAnswer, plan.CodeBadOption, plan.CodeUnknownContact, plan.CodeBadSection,
	} {
		keys = append(keys, "error.plan."+c)
	}
	return keys
}

// sourceKeys returns the message keys written as literals in this
// command's source: T("…"), fail("…"), and the error table.
func sourceKeys(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../../printout/*.go")
	files = append(files, more...)
	re := regexp.MustCompile(`"((?:app|cmd|flag|prompt|msg|show|error|word|status|wizard|first|home|nav|answer|contact|plain|key|pager|language|usage|print)\.[a-z0-9.-]+)"`)
	var keys []string
	for _, f := range files {
		if filepath.Ext(f) != ".go" || regexp.MustCompile(`_test\.go$`).MatchString(f) {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(src, -1) {
			if _, isQuestion := plan.Lookup(string(m[1])); !isQuestion {
				keys = append(keys, string(m[1]))
			}
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d message keys in the source: the pattern is broken", len(keys))
	}
	return keys
}

// Every key the program uses is in every catalogue, and English has no
// key nothing uses.
func TestCataloguesAreComplete(t *testing.T) {
	used := append(catalogueKeys(), sourceKeys(t)...)
	// Keys built at run time from a prefix.
	dynamicPrefix := regexp.MustCompile(`^(error\.plan\.|status\.|phone\.)$`)
	for _, tag := range locales.Available() {
		have := locales.Keys(tag)
		for _, k := range used {
			if dynamicPrefix.MatchString(k) {
				continue
			}
			if !slices.Contains(have, k) {
				t.Errorf("%s: missing key %q", tag, k)
			}
		}
	}
	for _, k := range locales.Keys(locales.Default) {
		if !slices.Contains(used, k) {
			t.Errorf("en: key %q is used nowhere", k)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		flag, saved string
		env         map[string]string
		want        string
		err         bool
	}{
		{"", "", nil, "en", false},
		{"en", "", nil, "en", false},
		{"EN", "", nil, "en", false},
		{"xx", "", nil, "", true},
		{"", "en", map[string]string{"LANG": "xx_YY"}, "en", false},
		{"", "xx", nil, "en", false},
		{"", "", map[string]string{"LANG": "C"}, "en", false},
		{"", "", map[string]string{"LANG": "POSIX"}, "en", false},
		{"", "", map[string]string{"LANG": "@@@"}, "en", false},
		{"", "", map[string]string{"LANG": "en_CA.UTF-8"}, "en", false},
		{"", "", map[string]string{"LC_ALL": "en_GB", "LANG": "xx"}, "en", false},
	} {
		got, err := locales.Detect(c.flag, c.saved, env(c.env))
		if (err != nil) != c.err || got != c.want {
			t.Errorf("Detect(%q, %q, %v) = %q, %v", c.flag, c.saved, c.env, got, err)
		}
	}
}

func TestMissingKeyFallsBackToID(t *testing.T) {
	l := locales.English()
	if got := l.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key gives %q", got)
	}
	if got := l.T("msg.saved", "Dir", "/v"); got != "Saved, encrypted, in /v" {
		t.Errorf("template gives %q", got)
	}
}
