package wizard

import (
	"slices"
	"strings"

	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/directory"
	"pathway/plan"
)

// A Picker is a list of organisations to pick from, narrowed by the
// person as they go: words they type, and only those open day and night.
type Picker struct {
	// Header and Title head the menu.
	Header, Title string
	// Lists are the lists to pick from: the guide's and those imported.
	Lists []*directory.List
	// Filter holds the choices so far (a kind of help, words, 24 hours).
	Filter directory.Filter
	// Fit are kinds of help shown first: those that fit the question.
	Fit []string
}

// Lists returns the guide's list and those imported into the session's
// vault. A problem with the imported ones is said, and the guide's list
// is still given.
func Lists(s *session.Session, u ui.UI) []*directory.List {
	lists := []*directory.List{directory.Guide()}
	mine, err := s.ImportedLists()
	if err != nil {
		u.Notice(s.E.Message(err))
	}
	return append(lists, mine...)
}

// Pick shows the listings that match, those that fit first, with a line
// to search by typed words and a line that turns the 24-hour filter on
// and off. It returns the listing picked; ok is false if the person went
// back.
func (p *Picker) Pick(s *session.Session, u ui.UI) (x directory.Listing, ok bool, err error) {
	e := s.E
	T := e.T
	p.Filter.Describe = func(x directory.Listing) string { return show.Description(e, x) }
	for {
		var first, rest []directory.Listing
		for _, x := range directory.Find(p.Lists, p.Filter) {
			if slices.ContainsFunc(x.Categories, func(c string) bool { return slices.Contains(p.Fit, c) }) {
				first = append(first, x)
			} else {
				rest = append(rest, x)
			}
		}
		found := append(first, rest...)
		search := T("lists.search")
		if len(p.Filter.Words) > 0 {
			search = T("lists.search-again", "Words", strings.Join(p.Filter.Words, " "))
		}
		always := T("lists.only-24h")
		if p.Filter.AlwaysOpen {
			always = T("lists.all-hours")
		}
		labels := []string{T("nav.none"), search, always}
		for _, x := range found {
			labels = append(labels, ListingLabel(s, x))
		}
		title := p.Title
		if len(found) == 0 {
			title += "\n" + T("resources.none")
		} else {
			title += "\n" + e.N("lists.found", len(found))
		}
		k, err := u.Menu(p.Header, title, labels)
		switch {
		case err != nil:
			return directory.Listing{}, false, err
		case k == 0:
			return directory.Listing{}, false, nil
		case k == 1:
			typed, err := u.Line(p.Header, T("lists.search-what"), T("lists.search-help"))
			if err != nil {
				return directory.Listing{}, false, err
			}
			p.Filter.Words = strings.Fields(plan.CleanLine(typed))
		case k == 2:
			p.Filter.AlwaysOpen = !p.Filter.AlwaysOpen
		default:
			return found[k-3], true, nil
		}
	}
}

// ListingLabel is a listing in a menu: its name, its first number, and
// whether it answers day and night.
func ListingLabel(s *session.Session, x directory.Listing) string {
	label := x.Name
	if len(x.Phones) > 0 {
		label += " — " + x.Phones[0].Text
	}
	if x.AlwaysOpen {
		label += " (" + s.E.T("lists.24h") + ")"
	}
	return label
}

// AddListing adds listing x to the binder as a contact playing role (if
// not empty) and returns it; added is false if a contact of that name was
// there already. A new one gets a neutral name on the cards.
func AddListing(s *session.Session, x directory.Listing, role plan.Role) (c *plan.Contact, added bool) {
	b := s.Binder
	c, added = b.AddOrFind(x.Contact(), role, s.E.Today())
	if added {
		// A neutral name on the cards: see plan.Binder.NeutralCardName.
		c.CardName = b.NeutralCardName(s.E.T("word.card-line"))
	}
	return c, added
}
