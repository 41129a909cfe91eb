package insight

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quietlegs/quietlegs/night"
)

// nb joins words the wrap must not part ("95 %", "2.1 points"); it is a
// plain space again in the lines Lines returns.
const nb = "\u00a0"

// SameBelow is the smallest |difference| worded as higher or lower;
// anything smaller would print as 0.0 points, so it reads "about the same".
const SameBelow = 0.05

// Lines is the result as a person reads it, wrapped to width columns
// (counted in characters; width < 1 does not wrap), without styling, for
// the command line and the history screen alike. It groups the
// comparisons: those that hold after the correction, each in a sentence;
// those not clear yet and those without enough nights, each a short list
// with the nights on each side; the remedies apart, with their caveat; and
// the method's caveat in one sentence. A blank string separates groups.
func Lines(r Result, width int) []string {
	var paras [][2]string // text, and the hanging indent's first-line mark
	add := func(mark, text string) { paras = append(paras, [2]string{text, mark}) }
	blank := func() { paras = append(paras, [2]string{"", ""}) }

	if r.Nights == 0 {
		add("", "No nights recorded yet: insights need a few weeks of evening logs and morning check-ins.")
		return wrapAll(paras, width)
	}
	add("", fmt.Sprintf("Insights from %s, %s to %s.", nights(r.Nights), r.From, r.To))
	blank()

	var hold, unclear, short []Comparison
	for _, c := range r.Comparisons {
		switch {
		case c.Kind == night.Remedy:
		case c.Holds:
			hold = append(hold, c)
		case c.Estimable():
			unclear = append(unclear, c)
		default:
			short = append(short, c)
		}
	}
	switch {
	case r.Tested == 0:
		add("", fmt.Sprintf("Nothing can be tested yet: a comparison needs %d nights on each side, and nights that differ.", MinNights))
	case len(hold) == 0:
		add("", fmt.Sprintf("Nothing holds yet after allowing for %s.", plural(r.Tested, "comparison", "comparisons")))
	default:
		add("", fmt.Sprintf("Holding after allowing for %s:", plural(r.Tested, "comparison", "comparisons")))
		for _, c := range hold {
			add("- ", c.sentence())
		}
	}
	if len(unclear) > 0 {
		blank()
		add("", "Not clear yet (could be chance), nights with and without:")
		// By label: these are not ranked.
		slices.SortStableFunc(unclear, func(a, b Comparison) int {
			return cmp.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label))
		})
		add("  ", list(unclear)+".")
	}
	if len(short) > 0 {
		blank()
		add("", fmt.Sprintf("Not enough nights yet (%d on each side, and some variation, needed):", MinNights))
		add("  ", list(short)+".")
	}
	if len(r.Remedies) > 0 {
		blank()
		add("", "Remedies, shown apart and not tested: people tend to take them on bad evenings, and some act over weeks.")
		for _, rm := range r.Remedies {
			add("- ", remedySentence(rm, r.remedyComparison(rm.Item, Symptoms)))
		}
	}
	if r.FlareUps > 0 {
		blank()
		if len(r.Relief) == 0 {
			add("", fmt.Sprintf("In the night: no relief measure tried %d times yet, so none is summarised.", MinTries))
		} else {
			add("", "In the night, as you reported it (what you said, not advice):")
			for _, rl := range r.Relief {
				add("- ", rl.sentence())
			}
		}
	}
	blank()
	add("", caveat(r.Tested))
	return wrapAll(paras, width)
}

// WriteText writes Lines(r, width), one a line.
func WriteText(w io.Writer, r Result, width int) error {
	var b strings.Builder
	for _, l := range Lines(r, width) {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Caveat is the method's caveat in one sentence, for the text and the
// report.
func Caveat(tested int) string { return strings.ReplaceAll(caveat(tested), nb, " ") }

func caveat(tested int) string {
	if tested == 0 {
		return "Nothing could be compared yet: comparisons need nights with and without each item, " +
			"each with a morning check-in; any that are made will be associations in your own records, not causes."
	}
	return fmt.Sprintf("Each difference was checked by resampling runs of consecutive nights, "+
		"and only those that still stand after a correction for all %s (Holm's) are said to hold; "+
		"all of them are associations in your own records, not causes.",
		plural(tested, "comparison", "comparisons"))
}

// Sentence words a comparison that holds as an association, never a
// cause:
//
//	On nights with caffeine after noon, leg symptoms the next morning
//	averaged 1.8 points higher than on nights without (12 and 20 nights;
//	95 % interval 0.6 to 3.0).
func (c Comparison) Sentence() string { return strings.ReplaceAll(c.sentence(), nb, " ") }

func (c Comparison) sentence() string {
	opening, other := "On nights with "+lowerFirst(c.Label), "on nights without"
	switch c.Item {
	case RoutineID:
		opening, other = "On nights you completed the routine", "on other nights"
	case RoomID:
		opening, other = "On nights with the "+lowerFirst(c.Label), "on nights it was cooler"
	}
	what, unit := measureWords(c.Measure)
	d := 0.0
	if c.Difference != nil {
		d = *c.Difference
	}
	change, than := "about the same", "as"
	if math.Abs(d) >= SameBelow {
		dir := "higher"
		if d < 0 {
			dir = "lower"
		}
		change, than = num(math.Abs(d))+nb+unit+" "+dir, "than"
	}
	s := fmt.Sprintf("%s, %s averaged %s %s %s (%d and %d%snights", opening, what, change, than, other,
		c.NWith, c.NWithout, nb)
	if c.Estimable() {
		s += fmt.Sprintf("; 95%s%% interval %s to %s", nb, num(*c.CILow), num(*c.CIHigh))
	}
	return s + ")."
}

// list names comparisons with their nights, an item once when both its
// measures are in the list.
func list(cs []Comparison) string {
	count := map[string]int{}
	for _, c := range cs {
		count[c.Item]++
	}
	var parts []string
	done := map[string]bool{}
	for _, c := range cs {
		if done[c.Item] {
			continue
		}
		name := upperFirst(c.Label)
		if count[c.Item] > 1 {
			done[c.Item] = true
		} else {
			what, _ := measureWords(c.Measure)
			name += ", " + strings.TrimSuffix(what, " the next morning")
		}
		parts = append(parts, fmt.Sprintf("%s (%d with, %d without)", name, c.NWith, c.NWithout))
	}
	return strings.Join(parts, "; ")
}

func (r Result) remedyComparison(item string, m Measure) Comparison {
	for _, c := range r.Comparisons {
		if c.Kind == night.Remedy && c.Item == item && c.Measure == m {
			return c
		}
	}
	return Comparison{}
}

// remedySentence is how often a remedy was taken and the legs in those
// weeks.
func remedySentence(rm Remedy, sym Comparison) string {
	label := upperFirst(rm.Label)
	switch {
	case rm.Answered == 0:
		return label + ": no answered checklists yet."
	case rm.Taken == 0:
		return fmt.Sprintf("%s: not ticked on any of %s.", label, plural(rm.Answered, "answered evening", "answered evenings"))
	}
	s := fmt.Sprintf("%s: taken on %d of %s, in %s", label, rm.Taken,
		plural(rm.Answered, "answered evening", "answered evenings"), plural(rm.WeeksWith, "week", "weeks"))
	switch {
	case rm.WeeksWithout == 0:
		s += ", every week with an answered checklist"
	case sym.Difference != nil:
		s += fmt.Sprintf("; leg symptoms averaged %s in those weeks and %s in the %s without",
			num(sym.MeanWith), num(sym.MeanWithout), plural(rm.WeeksWithout, "week", "weeks"))
	}
	return s + "."
}

// measureWords is how a sentence names the measure and its unit.
func measureWords(m Measure) (what, unit string) {
	switch m {
	case Symptoms:
		return "leg symptoms the next morning", "points"
	case Efficiency:
		return "sleep efficiency", "percentage" + nb + "points"
	}
	return string(m), "points"
}

func nights(n int) string { return plural(n, "night", "nights") }

// plural is "1 night" or "2 nights".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1" + nb + one
	}
	return strconv.Itoa(n) + nb + many
}

// num prints one decimal, never "-0.0", which would suggest a direction
// the number does not have.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

// lowerFirst lower-cases a label's first letter for mid-sentence use, but
// leaves acronyms ("TV after 9 pm") alone.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst capitalises a label that starts a sentence or a list entry;
// ids left over from an old checklist are lower-case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// wrapAll wraps each paragraph; a mark ("- ") starts its first line and
// as many spaces indent the rest.
func wrapAll(paras [][2]string, width int) []string {
	var out []string
	for _, p := range paras {
		text, mark := p[0], p[1]
		if text == "" {
			out = append(out, "")
			continue
		}
		indent := strings.Repeat(" ", utf8.RuneCountInString(mark))
		for i, l := range wrap(text, width-len(indent)) {
			lead := indent
			if i == 0 {
				lead = mark
			}
			out = append(out, strings.ReplaceAll(lead+l, nb, " "))
		}
	}
	return out
}

// wrap breaks text at spaces into lines of at most width characters; a
// word longer than that gets a line of its own. width < 1 does not wrap.
func wrap(text string, width int) []string {
	words := strings.Fields(strings.ReplaceAll(text, nb, "\x00"))
	var lines []string
	var cur strings.Builder
	n := 0
	for _, w := range words {
		w = strings.ReplaceAll(w, "\x00", nb)
		wl := utf8.RuneCountInString(w)
		if n > 0 && width >= 1 && n+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(w)
		n += wl
	}
	if n > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
