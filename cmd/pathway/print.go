package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"pathway/locales"
	"pathway/plan"
	"pathway/printout"
)

// printFlags are the flags every printout takes.
type printFlags struct {
	out       string
	force     bool
	paper     string
	bilingual string
}

func (a *app) printCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "print",
		Short: a.loc.T("cmd.print.short"),
		Long:  a.loc.T("cmd.print.long"),
		Args:  a.exactArgs(0),
	}
	c.AddCommand(a.printChecklistCommand(), a.printCardsCommand(), a.printSheetCommand())
	return c
}

func (a *app) addPrintFlags(c *cobra.Command, f *printFlags) {
	c.Flags().StringVarP(&f.out, "output", "o", "", a.loc.T("flag.output"))
	c.Flags().BoolVar(&f.force, "force", false, a.loc.T("flag.force"))
	c.Flags().StringVar(&f.paper, "paper", "letter", a.loc.T("flag.paper"))
	c.Flags().StringVar(&f.bilingual, "bilingual", "", a.loc.T("flag.bilingual"))
}

// printOptions checks the flags and opens the binder.
func (a *app) printSetup(f *printFlags) (*opened, printout.Options, error) {
	var o printout.Options
	if f.out == "" {
		return nil, o, a.fail("error.print-no-output")
	}
	switch printout.Paper(strings.ToLower(f.paper)) {
	case printout.Letter, printout.A4:
		o.Paper = printout.Paper(strings.ToLower(f.paper))
	default:
		return nil, o, a.fail("error.paper", "Paper", plan.CleanLine(f.paper))
	}
	if f.bilingual != "" {
		tag, err := locales.Detect(f.bilingual, "", a.getenv)
		if err != nil {
			return nil, o, a.fail("error.lang", "Lang", plan.CleanLine(f.bilingual), "Available", strings.Join(locales.Available(), ", "))
		}
		o.Second, _ = locales.Get(tag)
	}
	if err := a.checkOutput(f); err != nil {
		return nil, o, err
	}
	_, op, err := a.readable()
	if err != nil {
		return nil, o, err
	}
	o.Loc = a.loc
	return op, o, nil
}

// checkOutput refuses, before any work, an output file that exists
// (without --force) or a folder that does not.
func (a *app) checkOutput(f *printFlags) error {
	if f.out == "-" {
		return nil
	}
	if _, err := os.Stat(f.out); err == nil && !f.force {
		return a.fail("error.print-exists", "Path", f.out)
	}
	dir := f.out[:strings.LastIndexAny(f.out, `/\`)+1]
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return a.fail("error.print-no-folder", "Path", f.out)
		}
	}
	return nil
}

// writePrintout writes the PDF where the person asked, readable only by
// them, and says that it is not encrypted.
func (a *app) writePrintout(f *printFlags, pdf []byte, err error) error {
	if errors.Is(err, printout.ErrNothingToPrint) || errors.Is(err, printout.ErrTooMany) {
		return err
	}
	if err != nil {
		return a.fail("error.print", "Detail", plan.CleanLine(err.Error()))
	}
	if err := a.writeFile(f, pdf); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, a.loc.T("msg.print-warning"))
	return nil
}

func (a *app) printChecklistCommand() *cobra.Command {
	var f printFlags
	c := &cobra.Command{
		Use:   "checklist [PLAN]",
		Short: a.loc.T("cmd.print-checklist.short"),
		Args:  a.maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			op, o, err := a.printSetup(&f)
			if err != nil {
				return err
			}
			b := op.binder
			var p *plan.Plan
			switch {
			case len(args) == 1:
				p = b.Plan(args[0])
			case len(b.Plans) == 1:
				p = &b.Plans[0]
			}
			if p == nil {
				var ids []string
				for _, p := range b.Plans {
					ids = append(ids, p.ID)
				}
				if len(args) == 0 && len(ids) > 1 {
					return a.fail("error.print-which-plan", "Plans", strings.Join(ids, ", "))
				}
				if len(ids) == 0 {
					return a.fail("error.no-plans")
				}
				return a.fail("error.no-plan", "Plan", plan.CleanLine(args[0]), "Plans", strings.Join(ids, ", "))
			}
			pdf, err := printout.Checklist(b, p, o)
			return a.writePrintout(&f, pdf, err)
		},
	}
	a.addPrintFlags(c, &f)
	return c
}

func (a *app) printCardsCommand() *cobra.Command {
	var f printFlags
	var labels, back bool
	c := &cobra.Command{
		Use:   "cards",
		Short: a.loc.T("cmd.print-cards.short"),
		Long:  a.loc.T("cmd.print-cards.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			op, o, err := a.printSetup(&f)
			if err != nil {
				return err
			}
			pdf, err := printout.Cards(op.binder, printout.CardOptions{Options: o, Labels: labels, Back: back})
			switch {
			case errors.Is(err, printout.ErrNothingToPrint) && back && len(op.binder.ToLearn()) > 0:
				return a.fail("error.print-no-back")
			case errors.Is(err, printout.ErrNothingToPrint):
				return a.fail("error.print-no-numbers")
			case errors.Is(err, printout.ErrTooMany):
				return a.fail("error.print-too-many", "Max", printout.MaxCardNumbers, "Count", len(op.binder.ToLearn()))
			}
			return a.writePrintout(&f, pdf, err)
		},
	}
	a.addPrintFlags(c, &f)
	c.Flags().BoolVar(&labels, "labels", false, a.loc.T("flag.labels"))
	c.Flags().BoolVar(&back, "back", false, a.loc.T("flag.back"))
	return c
}

func (a *app) printSheetCommand() *cobra.Command {
	var f printFlags
	var who printout.Details
	c := &cobra.Command{
		Use:   "sheet CONTACT",
		Short: a.loc.T("cmd.print-sheet.short"),
		Long:  a.loc.T("cmd.print-sheet.long"),
		Args:  a.exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			op, o, err := a.printSetup(&f)
			if err != nil {
				return err
			}
			b := op.binder
			idx := slices.IndexFunc(b.Contacts, func(c plan.Contact) bool {
				return c.ID == args[0] || strings.EqualFold(c.Name, args[0])
			})
			if idx < 0 {
				return a.fail("error.no-contact", "Contact", plan.CleanLine(args[0]))
			}
			c := &b.Contacts[idx]
			// In the helper's language, if pathway speaks it and the
			// printout was not asked for in a given language.
			if a.lang == "" {
				for _, l := range c.Languages {
					if tag, err := locales.Detect(l, "", a.getenv); err == nil {
						o.Loc, _ = locales.Get(tag)
						break
					}
				}
			}
			who = printout.Details{Name: plan.CleanLine(who.Name), Born: plan.CleanLine(who.Born), FileNumber: plan.CleanLine(who.FileNumber)}
			pdf, err := printout.Sheet(b, c, who, o)
			if errors.Is(err, printout.ErrNothingToPrint) {
				return a.fail("error.print-no-role", "Contact", c.Name)
			}
			return a.writePrintout(&f, pdf, err)
		},
	}
	a.addPrintFlags(c, &f)
	c.Flags().StringVar(&who.Name, "name", "", a.loc.T("flag.sheet-name"))
	c.Flags().StringVar(&who.Born, "born", "", a.loc.T("flag.sheet-born"))
	c.Flags().StringVar(&who.FileNumber, "file-number", "", a.loc.T("flag.sheet-file"))
	return c
}
