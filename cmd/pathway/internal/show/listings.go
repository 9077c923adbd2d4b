package show

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/directory"
)

// Description words the description of a listing: the guide's are ours
// and translated; an organisation's own list is shown as it wrote it.
func Description(e *env.Env, x directory.Listing) string {
	if x.List != nil && x.List.IsGuide() {
		return e.T("dir." + x.ID)
	}
	return x.Description
}

// Listing writes one listing as plain text. Every text was cleaned when
// the list was read: nothing in it can move the cursor or retitle the
// terminal.
func Listing(e *env.Env, w io.Writer, x directory.Listing) {
	T := e.T
	fmt.Fprintf(w, "%s  [%s]\n", x.Name, x.ID)
	for _, p := range x.Phones {
		s := "   " + p.Text
		var notes []string
		if p.Label != "" {
			notes = append(notes, p.Label)
		}
		if p.TTY {
			notes = append(notes, T("show.tty"))
		}
		if p.TollFree {
			notes = append(notes, T("resources.toll-free"))
		}
		if len(notes) > 0 {
			s += " (" + strings.Join(notes, ", ") + ")"
		}
		fmt.Fprintln(w, s)
	}
	var facts []string
	if x.Web != "" {
		facts = append(facts, x.Web)
	}
	if x.Region != "" {
		facts = append(facts, x.Region)
	}
	if l := Languages(e, x.Languages); l != "" {
		facts = append(facts, l)
	}
	var cats []string
	for _, c := range x.Categories {
		cats = append(cats, T("dircat."+c))
	}
	facts = append(facts, strings.Join(cats, ", "))
	if x.AlwaysOpen {
		facts = append(facts, T("resources.always"))
	}
	fmt.Fprintln(w, "   "+strings.Join(facts, " · "))
	fmt.Fprintln(w, "   "+Description(e, x))
	fmt.Fprintln(w, "   "+T("resources.from", "List", x.List.Name, "Date", x.List.Date))
	fmt.Fprintln(w, "   "+Confirmed(e, x))
}

// autonyms are the names the languages the guide's lines speak give
// themselves; a tag not here is shown as it is written in the list.
var autonyms = map[string]string{
	"zh": "中文", "vi": "Tiếng Việt", "km": "ខ្មែរ", "lo": "ລາວ", "es": "Español",
	"fr": "Français", "en": "English", "ko": "한국어", "th": "ไทย", "tl": "Tagalog",
}

// Languages names the languages of a listing, each in its own words; a
// list that says "many" is shown as many languages, in the person's.
func Languages(e *env.Env, tags []string) string {
	var names []string
	for _, t := range tags {
		base, _, _ := strings.Cut(strings.ToLower(t), "-")
		switch {
		case t == "many":
			names = append(names, e.T("resources.many-languages"))
		case autonyms[base] != "":
			names = append(names, autonyms[base])
		default:
			names = append(names, t) // cleaned when the list was read
		}
	}
	return strings.Join(names, ", ")
}

// Listings writes listings one after the other, a blank line between.
func Listings(e *env.Env, w io.Writer, found []directory.Listing) {
	for i, x := range found {
		if i > 0 {
			fmt.Fprintln(w)
		}
		Listing(e, w, x)
	}
}

// ListingsJSON writes listings for scripts, each with the list it is from.
func ListingsJSON(e *env.Env, w io.Writer, found []directory.Listing) error {
	type out struct {
		directory.Listing
		Description string `json:"description"`
		ListName    string `json:"list"`
		ListDate    string `json:"list_date"`
		// Who confirmed the numbers and when; Vouched is false for an
		// unsigned list.
		ConfirmedOn string `json:"confirmed_on"`
		ConfirmedBy string `json:"confirmed_by"`
		Vouched     bool   `json:"vouched"`
	}
	rows := []out{}
	for _, x := range found {
		by, vouched := x.ConfirmedBy()
		rows = append(rows, out{Listing: x, Description: Description(e, x), ListName: x.List.Name, ListDate: x.List.Date,
			ConfirmedOn: x.ConfirmedOn(), ConfirmedBy: by, Vouched: vouched})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rows)
}
