package flows

import (
	"strings"

	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/directory"
)

// Resources shows the organisations of one kind of help.
func Resources(s *session.Session, u ui.UI) error {
	e := s.E
	labels := []string{e.T("nav.none")}
	for _, c := range directory.Categories {
		labels = append(labels, e.T("dircat."+c))
	}
	k, err := u.Menu(e.T("home.resources"), e.T("home.resources-which"), labels)
	if err != nil || k == 0 {
		return err
	}
	lists := []*directory.List{directory.Guide()}
	mine, err := s.ImportedLists()
	if err != nil {
		// The guide's list is still shown; what is wrong with the others
		// is said first.
		u.Notice(e.Message(err))
	}
	lists = append(lists, mine...)
	var sb strings.Builder
	show.Listings(e, &sb, directory.Find(lists, directory.Filter{Category: directory.Categories[k-1]}))
	return u.Show(e.T("dircat."+directory.Categories[k-1]), sb.String())
}
