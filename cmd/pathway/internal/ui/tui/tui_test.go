package tui

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/ui"
	"pathway/locales"
	"pathway/plan"
)

// testTUI is a full-screen ui with no colours, so that the rendered
// output can be searched as text.
func testTUI(t *testing.T) (*env.Env, *UI, *plan.Binder) {
	t.Helper()
	e := &env.Env{Loc: locales.English(), Getenv: func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}, Now: time.Now}
	data, err := os.ReadFile("../../../../../testdata/sample-binder.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return e, New(e, 0), b
}

// answersOf gives a section's questions with no answers yet.
func answersOf(s plan.Section) []*ui.Answer {
	var vals []*ui.Answer
	for _, q := range s.Questions {
		vals = append(vals, &ui.Answer{Q: q})
	}
	return vals
}

// output reads what a test program draws, and finds texts in it in order:
// each wait looks only at what was drawn after the last text found.
type output struct {
	buf bytes.Buffer
	pos int
}

var outputs = map[*teatest.TestModel]*output{}

func waitText(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	o := outputs[tm]
	if o == nil {
		o = &output{}
		outputs[tm] = o
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		io.Copy(&o.buf, tm.Output())
		if i := bytes.Index(o.buf.Bytes()[o.pos:], []byte(want)); i >= 0 {
			o.pos += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q was not drawn; after the last text found came:\n%s", want, o.buf.Bytes()[o.pos:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestPageFormInProcess drives one page of the full-screen wizard with key
// messages, waiting on the rendered output, and checks the answers it
// gives back.
func TestPageFormInProcess(t *testing.T) {
	e, u, b := testTUI(t)
	p := b.AddPlan(plan.Release, "", e.Today())
	sections := plan.Sections(plan.Release)
	var out plan.Section
	for _, s := range sections {
		if s.ID == "out" {
			out = s
		}
	}
	pg := ui.Page{Binder: b, Plan: p, Section: out, Index: 3, Total: len(sections)}
	vals := answersOf(out)
	pf := u.pageForm(pg, vals, nil)
	form, first, nav := pf.form, pf.fields[0], pf.nav
	s := u.screen(u.pageHeader(pg), form, first)
	tm := teatest.NewTestModel(t, s, teatest.WithInitialTermSize(80, 24))

	waitText(t, tm, "Where you will stay — part 4 of 7")
	waitText(t, tm, "┃ What address would you give")
	tm.Type("Apt 3, 45 Sample Street")
	waitText(t, tm, "45 Sample Street")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	// The address is essential: beside it, whether it applies.
	waitText(t, tm, "┃ If you leave it empty")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitText(t, tm, "┃ Who lives there?")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}) // Mei, the first contact
	waitText(t, tm, "[•] Mei")
	// A list has no note field until one is asked for: Enter goes on.
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitText(t, tm, "┃ Have you talked with them about it?")
	// Unanswered, the cursor is on "Not now", the last option; down wraps
	// round to the first, then the second.
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitText(t, tm, "> Yes, they know and agree")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitText(t, tm, "> We have started talking")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitText(t, tm, "┃ A note, if you want")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	// Support after release: nobody picked; a list has no note field
	// until one is asked for.
	waitText(t, tm, "┃ Who could support you once you are released?")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitText(t, tm, "┃ Then:")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitText(t, tm, "> Save and stop here")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	if s.result != Done || *nav != "stop" {
		t.Fatalf("result %v, nav %q", s.result, *nav)
	}
	for _, v := range vals {
		b.SetAnswer(p, v.Q, plan.Answer{Text: v.Text, Choice: v.Choice, Checked: v.Checked, Contacts: v.Contacts})
	}
	if got := p.Answers["out.address"].Text; got != "Apt 3, 45 Sample Street" {
		t.Errorf("address %q", got)
	}
	if got := p.Answers["out.host"].Contacts; len(got) != 1 || got[0] != "c1" {
		t.Errorf("host %v", got)
	}
	if got := p.Answers["out.relationship"].Choice; got != "started" {
		t.Errorf("relationship %q", got)
	}
	if !b.Contact("c1").HasRole(plan.RoleReleaseHost) {
		t.Error("the host did not get the role")
	}
}

// TestScreenQuickExitAndBack: Esc twice ends a screen as a quick exit, one
// Esc does not; shift+tab on the first field goes back.
func TestScreenQuickExitAndBack(t *testing.T) {
	e, u, b := testTUI(t)
	p := b.AddPlan(plan.Safety, "", e.Today())
	sec := plan.Sections(plan.Safety)[1]
	pg := ui.Page{Binder: b, Plan: p, Section: sec, Index: 1, Total: 4}

	pf := u.pageForm(pg, answersOf(sec), nil)
	s := u.screen(u.pageHeader(pg), pf.form, pf.fields[0])
	tm := teatest.NewTestModel(t, s, teatest.WithInitialTermSize(80, 24))
	waitText(t, tm, "┃ Who can help you")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	waitText(t, tm, "Press Esc again to close at once")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if s.result != Quick {
		t.Fatalf("two Esc: result %v", s.result)
	}

	pf = u.pageForm(pg, answersOf(sec), nil)
	s = u.screen(u.pageHeader(pg), pf.form, pf.fields[0])
	tm = teatest.NewTestModel(t, s, teatest.WithInitialTermSize(80, 24))
	waitText(t, tm, "┃ Who can help you")
	tm.Send(tea.KeyMsg{Type: tea.KeyShiftTab})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if s.result != Back {
		t.Fatalf("shift+tab: result %v", s.result)
	}
}

// TestScreenLocksAfterIdle: with --lock-after, a screen with no key
// pressed ends as a timeout.
func TestScreenLocksAfterIdle(t *testing.T) {
	e, u, b := testTUI(t)
	u.lockAfter = time.Second
	p := b.AddPlan(plan.Safety, "", e.Today())
	sec := plan.Sections(plan.Safety)[0]
	pf := u.pageForm(ui.Page{Binder: b, Plan: p, Section: sec, Total: 4}, answersOf(sec), nil)
	s := u.screen("x", pf.form, pf.fields[0])
	tm := teatest.NewTestModel(t, s, teatest.WithInitialTermSize(80, 24))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if s.result != Timeout {
		t.Fatalf("result %v", s.result)
	}
	if s.View() != "" {
		t.Fatalf("a locked screen still shows: %q", s.View())
	}
}

// The pager breaks lines where Unicode allows, never inside a phone
// number, and adds no spaces into Chinese.
func TestWrapIndented(t *testing.T) {
	got := wrapIndented("    Mei — +1 416 555 0123 ext. 12 and some more words to wrap", 30)
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "+1 416") && !strings.Contains(line, "+1 416 555 0123 ext. 12") {
			t.Errorf("the number was split:\n%s", got)
		}
	}
	zh := wrapIndented("你的计划保存在一个加密的文件夹里。只有你的密码短语能打开它。没有人能帮你找回密码短语。", 20)
	if strings.Contains(strings.ReplaceAll(zh, "\n  ", ""), " ") {
		t.Errorf("a space went into Chinese:\n%s", zh)
	}
	for _, line := range strings.Split(zh, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "。") {
			t.Errorf("a line starts with 。:\n%s", zh)
		}
	}
}

// "Does not apply" goes to the form's fields and back; picked with
// someone else, the someone is the answer.
func TestNotApplyThroughTheForm(t *testing.T) {
	for _, id := range []string{"home.carer", "home.fetch", "out.relationship", "money.saved", "out.address"} {
		q, _ := plan.Lookup(id)
		v := &ui.Answer{Q: q, NotApply: true}
		toForm(v)
		if v.Yes == "" && v.Choice == "" && v.TextNA == "" && len(v.Checked) == 0 && len(v.Contacts) == 0 {
			t.Errorf("%s: not shown in the form: %+v", id, v)
		}
		v.NotApply = false
		fromForm(v)
		if !v.NotApply || v.Yes != "" || v.Choice != "" || v.TextNA != "" || len(v.Checked) != 0 || len(v.Contacts) != 0 {
			t.Errorf("%s: read back as %+v", id, v)
		}
	}
	q, _ := plan.Lookup("home.carer")
	v := &ui.Answer{Q: q, Contacts: []string{notApplyValue, "c1", noteValue}}
	if note := fromForm(v); !note || v.NotApply || len(v.Contacts) != 1 || v.Contacts[0] != "c1" {
		t.Errorf("someone and \"does not apply\": %+v, note %v", v, note)
	}
}

// A list keeps three rows in sight however long its help: its height
// counts the help's lines.
func TestListHeight(t *testing.T) {
	short := listHeight("Who?", "Help.", 3)
	long := listHeight("Who?", strings.Repeat("A long help text that wraps. ", 12), 3)
	if short != 1+1+3 || long < 1+4+3 {
		t.Errorf("heights %d and %d", short, long)
	}
	if got := shortHelp(strings.Repeat("word ", 200)); len(wrapLines(got)) > 5 {
		t.Errorf("a long help is not shortened: %d lines", len(wrapLines(got)))
	}
}

func wrapLines(s string) []string { return strings.Split(wrapIndented(s, listWidth), "\n") }
