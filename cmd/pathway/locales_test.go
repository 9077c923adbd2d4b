package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"pathway/cmd/pathway/internal/env"
	"pathway/directory"
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
	keys = append(keys, plan.SheetKeys()...) // the helper sheet's blocks
	for _, x := range directory.Guide().Listings {
		keys = append(keys, "dir."+x.ID)
	}
	for _, c := range directory.Categories {
		keys = append(keys, "dircat."+c)
	}
	for _, c := range directory.ErrorCodes {
		keys = append(keys, "error.dir."+c)
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
		plan.CodeBadDate, plan.CodeBadID, plan.CodeDuplicateID, plan.CodeNoName, plan.CodeNameChar, plan.CodeBadRole,
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
	var files []string
	for _, pattern := range []string{"*.go", "internal/*/*.go", "internal/*/*/*.go", "../../printout/*.go", "../../pocket/*.go"} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	re := regexp.MustCompile(`"((?:app|cmd|flag|prompt|msg|show|error|word|status|wizard|first|home|nav|answer|contact|plain|key|pager|language|usage|print|resources|dircat|practise|check|share|open|keygen|outreach|wipe|pocket|shares|ledger|backup|restore|kit|trust|search|lock|drill|progress|before|launch|access|lists)\.[a-z0-9.-]+)"`)
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
	dynamicPrefix := regexp.MustCompile(`^(error\.plan\.|status\.|phone\.|dir\.|dircat\.|error\.dir\.)$`)
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
		{"", "", map[string]string{"LANG": "zh_CN.UTF-8"}, "zh-Hans", false},
		{"", "", map[string]string{"LANG": "zh_TW.UTF-8"}, "zh-Hant", false},
		{"", "", map[string]string{"LANG": "zh_HK"}, "zh-Hant", false},
		{"", "", map[string]string{"LANG": "zh_SG"}, "zh-Hans", false},
		{"", "", map[string]string{"LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_CA"}, "vi", false},
		{"", "", map[string]string{"LANG": "fr_CA.UTF-8"}, "fr", false},
		{"", "", map[string]string{"LANG": "es_MX"}, "es", false},
		{"", "", map[string]string{"LANG": "ko_KR.UTF-8"}, "ko", false},
		{"", "", map[string]string{"LANG": "th_TH"}, "th", false},
		{"", "", map[string]string{"LANG": "fil_PH"}, "tl", false},
		{"", "", map[string]string{"LANG": "tl_PH"}, "tl", false},
		{"", "vi", map[string]string{"LANG": "ko_KR"}, "vi", false},
		{"zh-TW", "vi", nil, "zh-Hant", false},
		{"zh-hans", "", nil, "zh-Hans", false},
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

// catalogueFile reads one catalogue as JSON: a value is a string, or an
// object of plural forms.
func catalogueFile(t *testing.T, tag string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "locales", tag+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", tag, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// placeholders returns the sorted set of {{.X}} names in a message, all
// plural forms together.
func placeholders(v any) []string {
	var texts []string
	switch v := v.(type) {
	case string:
		texts = []string{v}
	case map[string]any:
		for _, f := range v {
			if s, ok := f.(string); ok {
				texts = append(texts, s)
			}
		}
	}
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// pluralForms returns the CLDR plural categories a language uses for
// whole numbers, found by asking the rules about many numbers.
func pluralForms(tag string) []string {
	names := map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one",
		plural.Two: "two", plural.Few: "few", plural.Many: "many"}
	lang := language.Make(tag)
	set := map[string]bool{}
	for _, n := range append(seq(0, 300), 1000, 10000, 100000, 1000000, 2000000) {
		digits := []byte(strconv.Itoa(n))
		for i := range digits {
			digits[i] -= '0'
		}
		set[names[plural.Cardinal.MatchDigits(lang, digits, len(digits), 0)]] = true
	}
	return slices.Sorted(maps.Keys(set))
}

func seq(a, b int) []int {
	var out []int
	for i := a; i < b; i++ {
		out = append(out, i)
	}
	return out
}

// sameAsEnglish lists the messages that may read as in English: in every
// language ("*": the program's name, symbols, layouts without words), or
// in one, where the word is the same.
var sameAsEnglish = map[string][]string{
	"*":  {"error.prefix", "show.plan", "show.tty"},
	"es": {"show.no", "answer.no", "print.ext"},
	"tl": {"print.ext"},
	"fr": {"print.page", "show.contacts"},
}

// TestTranslations: every language has every English key, with the same
// placeholders, the plural forms its CLDR rules need, and a translation
// (a value equal to the English one counts as untranslated, unless listed
// in sameAsEnglish).
func TestTranslations(t *testing.T) {
	en := catalogueFile(t, "en")
	for _, tag := range locales.Available() {
		if tag == "en" {
			continue
		}
		m := catalogueFile(t, tag)
		forms := pluralForms(tag)
		for k, ev := range en {
			v, ok := m[k]
			if !ok {
				t.Errorf("%s: missing %q", tag, k)
				continue
			}
			if got, want := placeholders(v), placeholders(ev); !slices.Equal(got, want) {
				t.Errorf("%s: %q has placeholders %v, English has %v", tag, k, got, want)
			}
			if pv, isPlural := v.(map[string]any); isPlural || isMap(ev) {
				if !isPlural || !isMap(ev) {
					t.Errorf("%s: %q is plural in one language and not the other", tag, k)
					continue
				}
				for _, f := range forms {
					if _, ok := pv[f]; !ok {
						t.Errorf("%s: %q lacks the plural form %q", tag, k, f)
					}
				}
			}
			if fmt.Sprint(v) == fmt.Sprint(ev) && !slices.Contains(sameAsEnglish["*"], k) && !slices.Contains(sameAsEnglish[tag], k) {
				t.Errorf("%s: %q is not translated (%v)", tag, k, v)
			}
		}
		for k := range m {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: %q is not an English key", tag, k)
			}
		}
		if l, _ := locales.Get(tag); l.T("language.name") == locales.English().T("language.name") {
			t.Errorf("%s: its name is not in its own language", tag)
		}
	}
}

func isMap(v any) bool { _, ok := v.(map[string]any); return ok }

// The plural forms of English, as a check that pluralForms can fail.
func TestPluralForms(t *testing.T) {
	for tag, want := range map[string][]string{"en": {"one", "other"}, "zh-Hans": {"other"}, "fr": {"one", "other"}} {
		if got := pluralForms(tag); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", tag, got, want)
		}
	}
}

// Faults of the disk are said plainly, not as the system's words.
func TestDiskFaultMessages(t *testing.T) {
	e := &env.Env{Loc: locales.English(), Getenv: func(string) string { return "" }}
	for err, want := range map[error]string{
		&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}:        "The disk is full",
		&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}:          "read-only",
		&os.PathError{Op: "open", Path: "x", Err: os.ErrNotExist}:         "was the USB stick pulled out?",
		&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EIO}: "was the USB stick pulled out?",
	} {
		if got := e.Describe(fmt.Errorf("saving: %w", err), "/media/usb/plans", "").Error(); !strings.Contains(got, want) || !strings.Contains(got, "/media/usb/plans") {
			t.Errorf("%v: %q", err, got)
		}
	}
}
