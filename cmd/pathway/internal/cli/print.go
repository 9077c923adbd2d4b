package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/locales"
	"pathway/plan"
	"pathway/printout"
)

// PrintOptions are the choices every printout takes.
type PrintOptions struct {
	E         *env.Env
	Vault     *session.Options
	Out       output.File
	Paper     string
	Bilingual string
}

func newCmdPrint(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "print",
		Short: f.E.T("cmd.print.short"),
		Long:  f.E.T("cmd.print.long"),
		Args:  exactArgs(f.E, 0),
	}
	c.AddCommand(newCmdPrintChecklist(f, nil), newCmdPrintCards(f, nil), newCmdPrintSheet(f, nil))
	return c
}

func addPrintFlags(e *env.Env, c *cobra.Command, o *PrintOptions) {
	c.Flags().StringVarP(&o.Out.Path, "output", "o", "", e.T("flag.output"))
	c.Flags().BoolVar(&o.Out.Force, "force", false, e.T("flag.force"))
	c.Flags().StringVar(&o.Paper, "paper", "letter", e.T("flag.paper"))
	c.Flags().StringVar(&o.Bilingual, "bilingual", "", e.T("flag.bilingual"))
}

// setup checks the choices before any work, then opens the binder.
func (o *PrintOptions) setup() (*session.Session, printout.Options, error) {
	e := o.E
	var po printout.Options
	if o.Out.Path == "" {
		return nil, po, e.Fail("error.print-no-output")
	}
	switch printout.Paper(strings.ToLower(o.Paper)) {
	case printout.Letter, printout.A4:
		po.Paper = printout.Paper(strings.ToLower(o.Paper))
	default:
		return nil, po, e.Usage("error.paper", "Paper", o.Paper)
	}
	if o.Bilingual != "" {
		tag, err := locales.Detect(o.Bilingual, "", e.Getenv)
		if err != nil {
			return nil, po, e.Usage("error.lang", "Lang", o.Bilingual, "Available", strings.Join(locales.Available(), ", "))
		}
		po.Second, _ = locales.Get(tag)
	}
	if err := o.Out.Check(e); err != nil {
		return nil, po, err
	}
	s, err := session.Open(e, o.Vault, session.TTY{E: e}, false)
	if err != nil {
		return nil, po, err
	}
	po.Loc = e.Loc
	// The language of the printout is known now (the one saved in the
	// vault may have been taken up): a second one equal to it is refused.
	if po.Second != nil && po.Second.T("language.name") == po.Loc.T("language.name") {
		return nil, po, e.Usage("error.bilingual-same", "Lang", o.Bilingual)
	}
	return s, po, nil
}

// write writes the PDF of binder b where the person asked, readable only
// by them, says what could not be printed, and that it is not encrypted.
func (o *PrintOptions) write(b *plan.Binder, pdf []byte, err error, more ...string) error {
	e := o.E
	if err != nil {
		return e.Fail("error.print", "Detail", err.Error())
	}
	if err := o.Out.Write(e, pdf); err != nil {
		return err
	}
	if w := show.Unprintable(e, b, more...); w != "" {
		fmt.Fprintln(e.Stderr, w)
	}
	fmt.Fprintln(e.Stderr, e.T("msg.print-warning"))
	return nil
}

// ChecklistOptions are the choices of pathway print checklist.
type ChecklistOptions struct {
	PrintOptions
	Plan string
}

func newCmdPrintChecklist(f *Factory, runF func(*ChecklistOptions) error) *cobra.Command {
	o := &ChecklistOptions{PrintOptions: PrintOptions{E: f.E, Vault: f.Vault}}
	c := &cobra.Command{
		Use:   "checklist [PLAN]",
		Short: f.E.T("cmd.print-checklist.short"),
		Args:  maxArgs(f.E, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Plan = args[0]
			}
			if runF != nil {
				return runF(o)
			}
			return checklistRun(o)
		},
	}
	addPrintFlags(f.E, c, &o.PrintOptions)
	return c
}

func checklistRun(o *ChecklistOptions) error {
	e := o.E
	s, po, err := o.setup()
	if err != nil {
		return err
	}
	b := s.Binder
	var p *plan.Plan
	switch {
	case o.Plan != "":
		p = b.Plan(o.Plan)
	case len(b.Plans) == 1:
		p = &b.Plans[0]
	}
	if p == nil {
		var ids []string
		for _, p := range b.Plans {
			ids = append(ids, p.ID)
		}
		switch {
		case o.Plan == "" && len(ids) > 1:
			return e.Fail("error.print-which-plan", "Plans", strings.Join(ids, ", "))
		case len(ids) == 0:
			return e.Fail("error.no-plans")
		}
		return e.Fail("error.no-plan", "Plan", o.Plan, "Plans", strings.Join(ids, ", "))
	}
	pdf, err := printout.Checklist(b, p, po)
	return o.write(b, pdf, err)
}

// CardsOptions are the choices of pathway print cards.
type CardsOptions struct {
	PrintOptions
	Labels bool
	Back   bool
	First  string // --first: names or ids, separated by commas
}

func newCmdPrintCards(f *Factory, runF func(*CardsOptions) error) *cobra.Command {
	o := &CardsOptions{PrintOptions: PrintOptions{E: f.E, Vault: f.Vault}}
	c := &cobra.Command{
		Use:   "cards",
		Short: f.E.T("cmd.print-cards.short"),
		Long:  f.E.T("cmd.print-cards.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return cardsRun(o)
		},
	}
	addPrintFlags(f.E, c, &o.PrintOptions)
	c.Flags().BoolVar(&o.Labels, "labels", false, f.E.T("flag.labels"))
	c.Flags().BoolVar(&o.Back, "back", false, f.E.T("flag.back"))
	c.Flags().StringVar(&o.First, "first", "", f.E.T("flag.first"))
	return c
}

// firstIDs finds the contacts named in list (ids, names or card names,
// separated by commas) among the numbers to learn, and returns their ids
// in that order. A name that is no contact, or a contact with no number to
// learn, is refused with its name.
func firstIDs(e *env.Env, b *plan.Binder, list string) ([]string, error) {
	var ids []string
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		idx := slices.IndexFunc(b.Contacts, func(c plan.Contact) bool {
			return c.ID == name || strings.EqualFold(c.Name, name) || strings.EqualFold(c.CardName, name)
		})
		if idx < 0 {
			return nil, e.Fail("error.no-contact", "Contact", name)
		}
		c := b.Contacts[idx]
		if !c.Learn || len(c.Phones) == 0 {
			return nil, e.Fail("error.print-first-not-learnt", "Contact", c.Name)
		}
		if !slices.Contains(ids, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return ids, nil
}

func cardsRun(o *CardsOptions) error {
	e := o.E
	s, po, err := o.setup()
	if err != nil {
		return err
	}
	first, err := firstIDs(e, s.Binder, o.First)
	if err != nil {
		return err
	}
	pdf, err := printout.Cards(s.Binder, printout.CardOptions{Options: po, Labels: o.Labels, Back: o.Back, First: first})
	switch {
	case errors.Is(err, printout.ErrNothingToPrint) && o.Back && len(s.Binder.ToLearn()) > 0:
		return e.Fail("error.print-no-back")
	case errors.Is(err, printout.ErrNothingToPrint):
		return e.Fail("error.print-no-numbers")
	}
	return o.write(s.Binder, pdf, err)
}

// SheetOptions are the choices of pathway print sheet.
type SheetOptions struct {
	PrintOptions
	Contact string
	Who     printout.Details
	Kind    string // --plan: only the page for this kind of plan
}

func newCmdPrintSheet(f *Factory, runF func(*SheetOptions) error) *cobra.Command {
	o := &SheetOptions{PrintOptions: PrintOptions{E: f.E, Vault: f.Vault}}
	c := &cobra.Command{
		Use:   "sheet CONTACT",
		Short: f.E.T("cmd.print-sheet.short"),
		Long:  f.E.T("cmd.print-sheet.long"),
		Args:  exactArgs(f.E, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Contact = args[0]
			if runF != nil {
				return runF(o)
			}
			return sheetRun(o)
		},
	}
	addPrintFlags(f.E, c, &o.PrintOptions)
	c.Flags().StringVar(&o.Who.Name, "name", "", f.E.T("flag.sheet-name"))
	c.Flags().StringVar(&o.Who.Born, "born", "", f.E.T("flag.sheet-born"))
	c.Flags().StringVar(&o.Who.FileNumber, "file-number", "", f.E.T("flag.sheet-file"))
	c.Flags().StringVar(&o.Kind, "plan", "", f.E.T("flag.sheet-plan"))
	return c
}

func sheetRun(o *SheetOptions) error {
	e := o.E
	if o.Kind != "" && !plan.Kind(o.Kind).Valid() {
		return e.Usage("error.kind", "Kind", o.Kind)
	}
	s, po, err := o.setup()
	if err != nil {
		return err
	}
	b := s.Binder
	idx := slices.IndexFunc(b.Contacts, func(c plan.Contact) bool {
		return c.ID == o.Contact || strings.EqualFold(c.Name, o.Contact)
	})
	if idx < 0 {
		return e.Fail("error.no-contact", "Contact", o.Contact)
	}
	c := &b.Contacts[idx]
	// In the helper's language, if pathway speaks it and the printout was
	// not asked for in a given language.
	if e.Lang == "" {
		for _, l := range c.Languages {
			if tag, err := locales.Detect(l, "", e.Getenv); err == nil {
				po.Loc, _ = locales.Get(tag)
				break
			}
		}
	}
	who := printout.Details{Name: plan.CleanLine(o.Who.Name), Born: plan.CleanLine(o.Who.Born), FileNumber: plan.CleanLine(o.Who.FileNumber)}
	var pdf []byte
	if o.Kind != "" {
		pdf, err = printout.SheetOf(b, c, plan.Kind(o.Kind), who, po)
	} else {
		pdf, err = printout.Sheet(b, c, who, po)
	}
	if errors.Is(err, printout.ErrNothingToPrint) {
		return e.Fail("error.print-no-role", "Contact", c.Name)
	}
	return o.write(b, pdf, err, who.Name, who.Born, who.FileNumber)
}
