package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// A DateError says why a typed day could not be read.
type DateError struct {
	// Code is "format" (not a day pathway can read), "no-such-day" (read,
	// but the calendar has no such day: 2027-02-30) or "ambiguous" (both
	// 03/04/2027 readings are days: First and Second give them).
	Code          string
	Value         string
	First, Second Date
}

func (e *DateError) Error() string {
	if e.Code == "ambiguous" {
		return fmt.Sprintf("%q could be %s or %s", e.Value, e.First, e.Second)
	}
	return fmt.Sprintf("%q is not a date (%s)", e.Value, e.Code)
}

// ReadDate reads a day as people type it: 2027-12-31, and also 2027/12/31,
// 2027.12.31, 2027年12月31日, and 31/12/2027 or 12/31/2027 when only one
// reading is a day. A day written with the year last whose day and month
// could be swapped (03/04/2027) is refused as ambiguous, with both
// readings, rather than guessed: a wrong day on a share is worse than a
// question. Two-digit years are refused.
func ReadDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	bad := &DateError{Code: "format", Value: s}
	var groups []string
	cur := ""
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			cur += string(r)
		case unicode.IsSpace(r) || strings.ContainsRune("-/.,年月日", r):
			if cur != "" {
				groups = append(groups, cur)
				cur = ""
			}
		default:
			return Date{}, bad
		}
	}
	if cur != "" {
		groups = append(groups, cur)
	}
	if len(groups) != 3 {
		return Date{}, bad
	}
	n := make([]int, 3)
	for i, g := range groups {
		if len(g) > 4 {
			return Date{}, bad
		}
		n[i], _ = strconv.Atoi(g)
	}
	switch {
	case len(groups[0]) == 4 && len(groups[1]) <= 2 && len(groups[2]) <= 2:
		return calendarDay(s, n[0], n[1], n[2])
	case len(groups[2]) == 4 && len(groups[0]) <= 2 && len(groups[1]) <= 2:
		dm, errDM := calendarDay(s, n[2], n[1], n[0]) // day/month/year
		md, errMD := calendarDay(s, n[2], n[0], n[1]) // month/day/year
		switch {
		case errDM == nil && errMD == nil && dm != md:
			return Date{}, &DateError{Code: "ambiguous", Value: s, First: dm, Second: md}
		case errDM == nil:
			return dm, nil
		case errMD == nil:
			return md, nil
		}
		return Date{}, &DateError{Code: "no-such-day", Value: s}
	}
	return Date{}, bad
}

// calendarDay returns the day y-m-d if the calendar has it.
func calendarDay(s string, y, m, d int) (Date, error) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 {
		return Date{}, &DateError{Code: "no-such-day", Value: s}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, &DateError{Code: "no-such-day", Value: s}
	}
	return Date{t}, nil
}
