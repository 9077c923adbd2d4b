package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"pathway/crypt"
	"pathway/directory"
	"pathway/plan"
)

// describe words the description of a listing: the guide's are ours and
// translated; an organisation's own list is shown as it wrote it.
func (a *app) listingDescription(x directory.Listing) string {
	if x.List != nil && x.List.IsGuide() {
		return a.loc.T("dir." + x.ID)
	}
	return x.Description
}

// printListing writes one listing as plain text. Every text was cleaned
// when the list was read: nothing in it can move the cursor or retitle
// the terminal.
func (a *app) printListing(w io.Writer, x directory.Listing) {
	T := a.loc.T
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
	facts = append(facts, x.Region)
	var cats []string
	for _, c := range x.Categories {
		cats = append(cats, T("dircat."+c))
	}
	facts = append(facts, strings.Join(cats, ", "))
	if x.AlwaysOpen {
		facts = append(facts, T("resources.always"))
	}
	fmt.Fprintln(w, "   "+strings.Join(facts, " · "))
	fmt.Fprintln(w, "   "+a.listingDescription(x))
	fmt.Fprintln(w, "   "+T("resources.from", "List", x.List.Name, "Date", x.List.Date))
}

// lists returns the guide's list and those the person imported. The
// imported ones are read only when the vault holds some, so that looking
// at the guide's list never asks for a passphrase.
func (a *app) lists() ([]*directory.List, error) {
	lists := []*directory.List{directory.Guide()}
	v, err := a.vault()
	if err != nil {
		return nil, err
	}
	if _, err := v.ReadFile(crypt.DirectoryName); err != nil {
		return lists, nil
	}
	o, err := a.open(v, "", "prompt.passphrase")
	if err != nil {
		return nil, err
	}
	mine, err := a.importedLists(v, o.key)
	if err != nil {
		return nil, err
	}
	return append(lists, mine...), nil
}

// importedLists reads the lists sealed in the vault.
func (a *app) importedLists(v *crypt.Vault, k *crypt.Key) ([]*directory.List, error) {
	sealed, err := v.ReadFile(crypt.DirectoryName)
	if errors.Is(err, crypt.ErrNoVault) {
		return nil, nil
	}
	if err != nil {
		return nil, a.describe(err, v.Dir, v.Path(crypt.DirectoryName))
	}
	plain, err := crypt.Open(sealed, k)
	if err != nil {
		return nil, a.describe(err, v.Dir, v.Path(crypt.DirectoryName))
	}
	lists, err := directory.DecodeStore(plain)
	if err != nil {
		return nil, a.dirError(err)
	}
	return lists, nil
}

// dirError words a problem with a list.
func (a *app) dirError(err error) error {
	var e *directory.Error
	if !errors.As(err, &e) {
		return err
	}
	msg := a.loc.T("error.dir."+e.Code, "Value", e.Value, "Field", e.Field)
	if e.Listing != "" {
		msg = a.loc.T("error.dir.listing", "Listing", e.Listing, "Message", msg)
	}
	if e.Line > 0 {
		msg = a.loc.T("error.plan.line", "Line", e.Line, "Message", msg)
	}
	return &userError{msg: msg, code: 1}
}

func (a *app) resourcesCommand() *cobra.Command {
	var f directory.Filter
	var asJSON bool
	c := &cobra.Command{
		Use:   "resources [WORD...]",
		Short: a.loc.T("cmd.resources.short"),
		Long:  a.loc.T("cmd.resources.long"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.Category != "" && !slices.Contains(directory.Categories, f.Category) {
				return a.fail("error.dir-category", "Category", plan.CleanLine(f.Category), "Categories", strings.Join(directory.Categories, ", "))
			}
			lists, err := a.lists()
			if err != nil {
				return err
			}
			f.Words = args
			f.Describe = a.listingDescription
			found := directory.Find(lists, f)
			if asJSON {
				return a.listingsJSON(found)
			}
			if len(found) == 0 {
				fmt.Fprintln(a.stdout, a.loc.T("resources.none"))
				return nil
			}
			for i, x := range found {
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				a.printListing(a.stdout, x)
			}
			return nil
		},
	}
	c.Flags().StringVar(&f.Category, "category", "", a.loc.T("flag.category", "Categories", strings.Join(directory.Categories, ", ")))
	c.Flags().StringVar(&f.Region, "region", "", a.loc.T("flag.region"))
	c.Flags().StringVar(&f.Language, "language", "", a.loc.T("flag.language"))
	c.Flags().BoolVar(&f.AlwaysOpen, "24h", false, a.loc.T("flag.24h"))
	c.Flags().BoolVar(&asJSON, "json", false, a.loc.T("flag.json"))
	c.AddCommand(a.resourcesAddCommand(), a.resourcesImportCommand(), a.resourcesExportCommand())
	return c
}

// listingsJSON prints listings for scripts, each with the list it is from.
func (a *app) listingsJSON(found []directory.Listing) error {
	type out struct {
		directory.Listing
		Description string `json:"description"`
		ListName    string `json:"list"`
		ListDate    string `json:"list_date"`
	}
	rows := []out{}
	for _, x := range found {
		rows = append(rows, out{Listing: x, Description: a.listingDescription(x), ListName: x.List.Name, ListDate: x.List.Date})
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rows)
}

func (a *app) resourcesAddCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "add ID",
		Short: a.loc.T("cmd.resources-add.short"),
		Args:  a.exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, o, err := a.locked("prompt.passphrase")
			if err != nil {
				return err
			}
			defer v.Unlock()
			mine, err := a.importedLists(v, o.key)
			if err != nil {
				return err
			}
			x, ok := directory.Lookup(append([]*directory.List{directory.Guide()}, mine...), args[0])
			if !ok {
				return a.fail("error.no-listing", "ID", plan.CleanLine(args[0]))
			}
			c, added := addListing(o.binder, x, "")
			if !added {
				fmt.Fprintln(a.stderr, a.loc.T("resources.exists", "Name", c.Name))
				return nil
			}
			if err := a.save(v, o.binder, o.key); err != nil {
				return err
			}
			fmt.Fprintln(a.stderr, a.loc.T("resources.added", "Name", c.Name, "ID", c.ID))
			return nil
		},
	}
}

// addListing adds a listing to the binder as a contact, with role if not
// empty, and returns it. A contact of the same name is not added twice:
// it is returned (with the role added) and added is false.
func addListing(b *plan.Binder, x directory.Listing, role plan.Role) (c *plan.Contact, added bool) {
	for i := range b.Contacts {
		if strings.EqualFold(b.Contacts[i].Name, x.Name) {
			c = &b.Contacts[i]
			if role != "" && !c.HasRole(role) {
				c.Roles = append(c.Roles, role)
			}
			return c, false
		}
	}
	nc := x.Contact()
	nc.ID = b.NewContactID()
	if role != "" && !nc.HasRole(role) {
		nc.Roles = append(nc.Roles, role)
	}
	b.Contacts = append(b.Contacts, nc)
	return &b.Contacts[len(b.Contacts)-1], true
}

func (a *app) resourcesImportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: a.loc.T("cmd.resources-import.short"),
		Long:  a.loc.T("cmd.resources-import.long"),
		Args:  a.exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			l, warns, err := directory.Parse(data)
			if err != nil {
				return a.dirError(err)
			}
			for _, w := range warns {
				fmt.Fprintln(a.stderr, a.loc.T("resources.cleaned", "Line", w.Line, "Listing", w.Listing, "Field", w.Field))
			}
			v, o, _, err := a.writable(true)
			if err != nil {
				return err
			}
			defer v.Unlock()
			k := o.key
			mine, err := a.importedLists(v, k)
			if err != nil {
				return err
			}
			// A list of the same name is replaced: a newer version of it.
			var keep []*directory.List
			for _, m := range mine {
				if m.Name != l.Name {
					keep = append(keep, m)
				}
			}
			plain, err := directory.EncodeStore(append(keep, l))
			if err != nil {
				return err
			}
			sealed, err := crypt.Seal(plain, k)
			if err != nil {
				return a.describe(err, v.Dir, "")
			}
			if err := v.SaveFile(crypt.DirectoryName, sealed, nil); err != nil {
				return a.describe(err, v.Dir, "")
			}
			fmt.Fprintln(a.stderr, a.loc.N("resources.imported", len(l.Listings), "Name", l.Name))
			return nil
		},
	}
}

func (a *app) resourcesExportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: a.loc.T("cmd.resources-export.short"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := a.stdout.Write(directory.GuideJSON())
			return err
		},
	}
}
