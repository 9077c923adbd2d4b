package flows

import (
	"strings"

	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/cmd/pathway/internal/wizard"
	"pathway/directory"
)

// Resources shows the organisations that can help: all of them or one
// kind of help, narrowed by typed words or to those open day and night.
// A listing picked is shown whole, with who confirmed its numbers and
// when, and can be added to the person's contacts.
func Resources(s *session.Session, u ui.UI) error {
	e := s.E
	labels := []string{e.T("nav.none"), e.T("lists.all")}
	for _, c := range directory.Categories {
		labels = append(labels, e.T("dircat."+c))
	}
	k, err := u.Menu(e.T("home.resources"), e.T("home.resources-which"), labels)
	if err != nil || k == 0 {
		return err
	}
	p := &wizard.Picker{Header: e.T("home.resources"), Title: e.T("lists.all"), Lists: wizard.Lists(s, u)}
	if k > 1 {
		p.Filter.Category = directory.Categories[k-2]
		p.Title = e.T("dircat." + p.Filter.Category)
	}
	for {
		x, ok, err := p.Pick(s, u)
		if err != nil || !ok {
			return err
		}
		if err := listing(s, u, x); err != nil {
			return err
		}
	}
}

// listing shows one listing whole and offers to add it to the contacts.
func listing(s *session.Session, u ui.UI, x directory.Listing) error {
	e := s.E
	var sb strings.Builder
	show.Listing(e, &sb, x)
	// The pager wraps the text without ever breaking a number or a date.
	if err := u.Show(x.Name, strings.TrimRight(sb.String(), "\n")); err != nil {
		return err
	}
	k, err := u.Menu(x.Name, e.T("home.title"), []string{e.T("lists.back"), e.T("lists.add-contact")})
	if err != nil || k == 0 {
		return err
	}
	c, added := wizard.AddListing(s, x, "")
	if !added {
		u.Notice(e.T("resources.exists", "Name", c.Name))
		return nil
	}
	name, id, onCard := c.Name, c.ID, c.CardName
	if s.Vault != nil {
		u.Busy(e.T("msg.saving"))
	}
	if err := s.Save(); err != nil {
		return err
	}
	u.Notice(e.T("resources.added", "Name", name, "ID", id) + "\n" + e.T("lists.card-name", "CardName", onCard))
	return nil
}
