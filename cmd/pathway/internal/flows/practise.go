package flows

import (
	"strings"
	"time"

	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/cmd/pathway/internal/ui/plain"
	"pathway/plan"
)

// drillLength is how long a drill lasts at most.
const drillLength = 2 * time.Minute

// Practise runs one drill: the numbers due, each asked by the name the
// person gave for the cards (the one they see on the card they carry), then shown in its spoken groups whether the answer was
// right or not. A missed number comes back once at the end. Progress is
// saved after every answer, so that a quick exit loses nothing.
func Practise(s *session.Session, u ui.UI, hint bool) error {
	e := s.E
	T := e.T
	b := s.Binder
	if len(b.Drills()) == 0 {
		return u.Show(T("practise.title"), T("progress.practise-none"))
	}
	today := e.Today()
	queue := b.Due(today)
	if len(queue) == 0 {
		return u.Show(T("practise.title"), T("practise.nothing-due")+"\n\n"+show.Known(e, b))
	}
	_, lineByLine := u.(*plain.UI)
	start := e.Now()
	asked := map[string]int{}
	// What happened, said at the end: never "known by heart" after one
	// drill with numbers missed.
	firstRight, again := 0, 0
	feedback := ""
	for len(queue) > 0 && e.Now().Sub(start) < drillLength {
		d := queue[0]
		queue = queue[1:]
		var help []string
		if feedback != "" {
			help = append(help, feedback)
		}
		if hint {
			help = append(help, T("practise.hint", "Group", d.Phone.Groups()[0]))
		}
		help = append(help, T("practise.skip-help"))
		typed, err := u.Line(T("practise.title"), T("practise.ask", "Name", d.Contact.OnCard()), strings.Join(help, "\n"))
		if err != nil {
			return err
		}
		if typed != "" && !plan.ValidDialString(typed) {
			// Not a number at all: ask again, without counting it.
			feedback = T("practise.check-digits")
			queue = append([]plan.Drill{d}, queue...)
			continue
		}
		right := typed != "" && d.Phone.Matches(typed)
		d.Progress.Answered(right, today)
		b.Record(d.Progress)
		if err := s.Save(); err != nil {
			return err
		}
		asked[d.Contact.ID]++
		if asked[d.Contact.ID] == 1 {
			if right {
				firstRight++
			} else {
				again++
			}
		}
		if right {
			feedback = T("practise.right", "Number", d.Phone.Spoken())
		} else {
			feedback = T("practise.wrong", "Number", d.Phone.Spoken())
			if asked[d.Contact.ID] < 2 {
				queue = append(queue, d)
			}
		}
		if lineByLine {
			u.Notice(feedback)
			feedback = ""
		}
	}
	end := T("progress.drill-report", "Right", firstRight, "Again", again) + "\n" + T("practise.saved")
	if feedback != "" {
		end = feedback + "\n\n" + end
	}
	return u.Show(T("practise.title"), end)
}
