package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/crypt"
	"pathway/directory"
)

// ResourcesOptions are the choices of pathway resources.
type ResourcesOptions struct {
	E      *env.Env
	Vault  *session.Options
	Filter directory.Filter
	JSON   bool
}

func newCmdResources(f *Factory) *cobra.Command {
	o := &ResourcesOptions{E: f.E, Vault: f.Vault}
	T := f.E.T
	c := &cobra.Command{
		Use:   "resources [WORD...]",
		Short: T("cmd.resources.short"),
		Long:  T("cmd.resources.long"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Filter.Words = args
			return resourcesRun(o)
		},
	}
	c.Flags().StringVar(&o.Filter.Category, "category", "", T("flag.category", "Categories", strings.Join(directory.Categories, ", ")))
	c.Flags().StringVar(&o.Filter.Region, "region", "", T("flag.region"))
	c.Flags().StringVar(&o.Filter.Language, "language", "", T("flag.language"))
	c.Flags().BoolVar(&o.Filter.AlwaysOpen, "24h", false, T("flag.24h"))
	c.Flags().BoolVar(&o.JSON, "json", false, T("flag.json"))
	c.AddCommand(newCmdResourcesAdd(f), newCmdResourcesImport(f, nil), newCmdResourcesExport(f),
		newCmdResourcesTrust(f), newCmdResourcesUntrust(f), newCmdResourcesKeys(f))
	return c
}

// lists returns the guide's list and those the person imported. The
// imported ones are read only when the vault holds some, so that looking
// at the guide's list never asks for a passphrase.
func lists(e *env.Env, o *session.Options) ([]*directory.List, error) {
	all := []*directory.List{directory.Guide()}
	v, err := session.Find(e, o)
	if err != nil {
		return nil, err
	}
	if _, err := v.ReadFile(crypt.DirectoryName); err != nil {
		return all, nil
	}
	s, err := session.Open(e, o, session.TTY{E: e}, false)
	if err != nil {
		return nil, err
	}
	mine, err := s.ImportedLists()
	if err != nil {
		return nil, err
	}
	return append(all, mine...), nil
}

func resourcesRun(o *ResourcesOptions) error {
	e := o.E
	if o.Filter.Category != "" && !slices.Contains(directory.Categories, o.Filter.Category) {
		return e.Usage("error.dir-category", "Category", o.Filter.Category, "Categories", strings.Join(directory.Categories, ", "))
	}
	all, err := lists(e, o.Vault)
	if err != nil {
		return err
	}
	o.Filter.Describe = func(x directory.Listing) string { return show.Description(e, x) }
	found := directory.Find(all, o.Filter)
	if o.JSON {
		return show.ListingsJSON(e, e.Stdout, found)
	}
	if len(found) == 0 {
		fmt.Fprintln(e.Stdout, e.T("resources.none"))
	} else {
		show.Listings(e, e.Stdout, found)
	}
	manyLanguages(e, all, o.Filter)
	return nil
}

// manyLanguages names, after a search by language, the lines that say
// they work in many languages without naming them: they are not listed
// as speaking the one asked for, but may well.
func manyLanguages(e *env.Env, all []*directory.List, f directory.Filter) {
	if f.Language == "" {
		return
	}
	f.Language = ""
	var names []string
	for _, x := range directory.Find(all, f) {
		if slices.Contains(x.Languages, "many") {
			names = append(names, x.Name)
		}
	}
	if len(names) > 0 {
		fmt.Fprintln(e.Stdout)
		fmt.Fprintln(e.Stdout, e.T("resources.many-hint", "Names", strings.Join(names, "; ")))
	}
}

func newCmdResourcesAdd(f *Factory) *cobra.Command {
	e := f.E
	return &cobra.Command{
		Use:   "add ID",
		Short: e.T("cmd.resources-add.short"),
		Args:  exactArgs(e, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := session.Lock(e, f.Vault, session.TTY{E: e}, "prompt.passphrase")
			if err != nil {
				return err
			}
			defer s.Close()
			mine, err := s.ImportedLists()
			if err != nil {
				return err
			}
			x, ok := directory.Lookup(append([]*directory.List{directory.Guide()}, mine...), args[0])
			if !ok {
				return e.Fail("error.no-listing", "ID", args[0])
			}
			c, added := s.Binder.AddOrFind(x.Contact(), "", e.Today())
			if !added {
				fmt.Fprintln(e.Stderr, e.T("resources.exists", "Name", c.Name))
				return nil
			}
			// A neutral name on the cards: see plan.Binder.NeutralCardName.
			c.CardName = s.Binder.NeutralCardName(e.T("word.card-line"))
			name, id, onCard, source := c.Name, c.ID, c.CardName, show.SourceText(e, *c)
			if err := s.Save(); err != nil {
				return err
			}
			fmt.Fprintln(e.Stderr, e.T("resources.added", "Name", name, "ID", id))
			fmt.Fprintln(e.Stderr, source)
			fmt.Fprintln(e.Stderr, e.T("resources.card-name", "CardName", onCard, "ID", id))
			return nil
		},
	}
}

func newCmdResourcesExport(f *Factory) *cobra.Command {
	e := f.E
	return &cobra.Command{
		Use:   "export",
		Short: e.T("cmd.resources-export.short"),
		Args:  exactArgs(e, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := e.Stdout.Write(directory.GuideJSON()); err != nil {
				return e.Fail("error.stdout", "Detail", err.Error())
			}
			return nil
		},
	}
}
