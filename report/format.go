package report

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// none stands for something not recorded.
const none = "—"

// noteMax is how many characters of a note the table of nights shows.
const noteMax = 40

// day is a date as the report shows it in prose: "Sun 9 Nov".
func day(t time.Time) string { return t.Format("Mon 2 Jan") }

// dayYear is day with the year: "Sun 9 Nov 2026".
func dayYear(t time.Time) string { return t.Format("Mon 2 Jan 2006") }

// span says how long the period is and which nights it covers:
// "14 nights, Sun 9 Nov to Sat 22 Nov 2026".
func span(from, to time.Time, n int) string {
	switch {
	case n == 1:
		return "1 night, " + dayYear(from)
	case from.Year() == to.Year():
		return fmt.Sprintf("%d nights, %s to %s", n, day(from), dayYear(to))
	}
	return fmt.Sprintf("%d nights, %s to %s", n, dayYear(from), dayYear(to))
}

// plural is "1 night" or "3 nights".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// pct is n as a whole percentage of d, half rounded up: "43 %".
func pct(n, d int) string {
	if d <= 0 {
		return none
	}
	return fmt.Sprintf("%d %%", (200*n+d)/(2*d))
}

// avg1 is sum/n with one decimal, half rounded up; sum is never negative.
func avg1(sum, n int) string {
	if n <= 0 {
		return none
	}
	tenths := (20*sum + n) / (2 * n)
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

// fixed1 shows x with one decimal, half rounded away from zero, so the same
// numbers always print the same way.
func fixed1(x float64) string { return fmt.Sprintf("%.1f", math.Round(x*10)/10) }

// sleepEff is a night's sleep efficiency with one decimal, worked out from
// the whole minutes so it never depends on floating-point rounding.
func sleepEff(tst, tib int) string {
	if tib <= 0 {
		return none
	}
	tenths := (2000*tst + tib) / (2 * tib)
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

// oneLine folds every run of white space, line breaks included, into a
// single space, and trims the ends.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most max characters, ending with "…" when cut.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:max-1]), " ") + "…"
}

// esc makes a person's text (a note, a label) safe inside a line of Markdown
// or a table cell: it goes on one line, and characters that would start
// emphasis, code, links, HTML or a new table cell are backslash-escaped.
func esc(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '&':
			// Only where it could start an entity such as &amp;.
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); next == '#' ||
				next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z' {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escLead is esc for text that starts a list item, where a leading "#",
// "-", "+", "=" or "1." would otherwise start a heading or another list.
func escLead(s string) string {
	s = esc(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=':
		return `\` + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// cell is text for a table cell, "—" when empty.
func cell(s string) string {
	if s == "" {
		return none
	}
	return s
}
