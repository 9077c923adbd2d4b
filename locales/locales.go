// Package locales holds pathway's message catalogues, embedded in the
// binary, and chooses the language to speak. Each language has one main
// file (en.json) and may have more, one per part of the program, in a
// folder named for that part (pocket/en.json): they are read together as
// one catalogue, and a key may be in only one of them.
//
// It uses go-i18n: its catalogues are plain JSON a translator can edit, it
// knows the CLDR plural rules of every language pathway ships, and it needs
// no code generation. English is a catalogue like the others.
package locales

import (
	"embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.json */*.json
var files embed.FS

// Default is the language spoken when nothing else is chosen.
const Default = "en"

var (
	mu      sync.Mutex
	bundle  = i18n.NewBundle(language.English)
	tags    []string
	parts   []string // folders with more of each catalogue
	keys    = map[string]map[string]bool{}
	listErr error
	list    sync.Once
)

// listTags reads which catalogues there are, without parsing them.
func listTags() {
	entries, err := files.ReadDir(".")
	if err != nil {
		listErr = err
		return
	}
	for _, e := range entries {
		if e.IsDir() {
			parts = append(parts, e.Name())
			continue
		}
		tags = append(tags, strings.TrimSuffix(e.Name(), ".json"))
	}
	slices.Sort(tags)
}

// parse loads one catalogue into the bundle, once: a run of pathway
// parses only the languages it speaks, which keeps its start quick.
func parse(tag string) error {
	mu.Lock()
	defer mu.Unlock()
	if keys[tag] != nil {
		return nil
	}
	list.Do(listTags)
	if listErr != nil {
		return listErr
	}
	seen := map[string]bool{}
	names := []string{tag + ".json"}
	for _, p := range parts {
		names = append(names, p+"/"+tag+".json")
	}
	for i, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			if i > 0 {
				continue // a part need not speak every language
			}
			return err
		}
		mf, err := bundle.ParseMessageFileBytes(data, tag+".json")
		if err != nil {
			return fmt.Errorf("locale %s (%s): %w", tag, name, err)
		}
		for _, m := range mf.Messages {
			if seen[m.ID] {
				return fmt.Errorf("locale %s: key %s is in more than one file (%s)", tag, m.ID, name)
			}
			seen[m.ID] = true
		}
	}
	keys[tag] = seen
	return nil
}

// Available returns the tags of the languages pathway speaks, sorted.
func Available() []string {
	list.Do(listTags)
	if listErr != nil {
		panic(listErr) // the catalogues are embedded: a test catches this
	}
	return slices.Clone(tags)
}

// Keys returns the message keys of one language, sorted.
func Keys(tag string) []string {
	if err := parse(tag); err != nil {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	return slices.Sorted(maps.Keys(keys[tag]))
}

// A Locale speaks one language.
type Locale struct {
	Tag string
	loc *i18n.Localizer
}

// UnknownError is returned for a language pathway does not speak.
type UnknownError struct{ Tag string }

func (e *UnknownError) Error() string {
	return fmt.Sprintf("unknown language %q (available: %s)", e.Tag, strings.Join(Available(), ", "))
}

// Get returns the Locale for tag, which must be one of Available.
func Get(tag string) (*Locale, error) {
	if !slices.Contains(Available(), tag) {
		return nil, &UnknownError{Tag: tag}
	}
	for _, t := range []string{Default, tag} {
		if err := parse(t); err != nil {
			return nil, err
		}
	}
	return &Locale{Tag: tag, loc: i18n.NewLocalizer(bundle, tag, Default)}, nil
}

// English returns the English Locale.
func English() *Locale {
	l, err := Get(Default)
	if err != nil {
		panic(err)
	}
	return l
}

// T returns the message id, filled with the named values kv ("Name",
// value, …). A message missing from the language falls back to English,
// and one missing from English to its id, so that nothing ever crashes
// on a missing key: the completeness tests catch those.
func (l *Locale) T(id string, kv ...any) string {
	return l.localize(id, nil, kv)
}

// N is T for a message with plural forms chosen by count, which is also
// passed to the message as Count.
func (l *Locale) N(id string, count int, kv ...any) string {
	return l.localize(id, count, append(kv, "Count", count))
}

func (l *Locale) localize(id string, count any, kv []any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		data[fmt.Sprint(kv[i])] = kv[i+1]
	}
	mu.Lock()
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	mu.Unlock()
	if err != nil && s == "" {
		return id
	}
	return s
}

// Detect chooses the language: the one asked for with --lang (flag) if
// any, else the one saved in the binder, else the computer's (LC_ALL,
// LC_MESSAGES, LANG, read with getenv), else English. An unknown flag
// value is an error; an unknown or malformed saved or environment value
// is passed over.
func Detect(flag, saved string, getenv func(string) string) (string, error) {
	if flag != "" {
		if t, ok := match(flag); ok {
			return t, nil
		}
		return "", &UnknownError{Tag: flag}
	}
	if t, ok := match(saved); ok {
		return t, nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if t, ok := matchPOSIX(s); ok {
				return t, nil
			}
			return Default, nil // the first one set decides, as for setlocale
		}
	}
	return Default, nil
}

// match finds an available language for a BCP 47 tag, exactly or by its
// base language and script.
func match(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	avail := Available()
	for _, t := range avail {
		if strings.EqualFold(t, s) {
			return t, true
		}
	}
	want, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	base, _ := want.Base()
	if alias, ok := aliases[base.String()]; ok {
		return match(alias)
	}
	script, _ := want.Script()
	for _, t := range avail {
		have := language.Make(t)
		hb, _ := have.Base()
		hs, _ := have.Script()
		if hb == base && hs == script {
			return t, true
		}
	}
	return "", false
}

// aliases are tags that name a language pathway speaks under another tag.
var aliases = map[string]string{"fil": "tl"}

// matchPOSIX reads a POSIX locale such as "fr_CA.UTF-8" or "zh_TW".
func matchPOSIX(s string) (string, bool) {
	s, _, _ = strings.Cut(s, ".")
	s, _, _ = strings.Cut(s, "@")
	if s == "C" || s == "POSIX" || s == "" {
		return "", false
	}
	return match(strings.ReplaceAll(s, "_", "-"))
}
