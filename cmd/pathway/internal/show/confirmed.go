package show

import (
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/directory"
	"pathway/plan"
	"pathway/printout"
)

// Confirmed words who last confirmed a listing's numbers, and when:
// "confirmed by ORG on DATE", or for an unsigned list, that nobody the
// person trusts stands behind it.
func Confirmed(e *env.Env, x directory.Listing) string {
	by, vouched := x.ConfirmedBy()
	if !vouched {
		return e.T("lists.unsigned-by", "List", by, "Date", x.ConfirmedOn())
	}
	return e.T("lists.confirmed-by", "Org", by, "Date", x.ConfirmedOn())
}

// SourceText words who last confirmed a contact's numbers, for a contact
// added from a list: "" for the others.
func SourceText(e *env.Env, c plan.Contact) string {
	if c.Source == nil {
		return ""
	}
	return e.T("lists.confirmed-by", "Org", c.Source.By, "Date", c.Source.Confirmed)
}

// NumberNews words the notice of a number a newer list changed: the
// name, the old and the new number, who changed it and when, and the
// cards printed before that still carry the old one.
func NumberNews(e *env.Env, c plan.Contact) string { return numberNews(e, c, nil) }

func numberNews(e *env.Env, c plan.Contact, whole func(string) string) string {
	if whole == nil {
		whole = func(s string) string { return s }
	}
	n := c.Changed
	return e.T("lists.number-changed", "Name", c.Name, "Card", c.OnCard(), "Date", whole(n.On), "Org", n.By,
		"Old", whole(printout.PhoneText(e.Loc, n.OldPhone())), "New", whole(printout.PhoneText(e.Loc, c.Phones[0])),
		"Seen", whole(n.Seen.String()))
}

// unbroken makes a number or a date one word for a screen that wraps
// lines itself: its spaces no-break spaces, its hyphens no-break
// hyphens. A number is shown whole or not at all.
func unbroken(s string) string {
	return strings.NewReplacer(" ", "\u00a0", "-", "\u2011").Replace(s)
}

// NumberNotices words every changed number the person is still to hear
// of, a line each, for the home menu: its numbers and dates never broken
// across lines.
func NumberNotices(e *env.Env, b *plan.Binder) []string {
	var out []string
	for _, c := range b.Contacts {
		if b.NumberNews(c, e.Today()) {
			out = append(out, numberNews(e, c, unbroken))
		}
	}
	return out
}
