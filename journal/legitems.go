package journal

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// legAnswers are the check-in's optional leg items as a form shows them:
// "" for each one not said.
func legAnswers(c night.Checkin) Answers {
	a := Answers{
		night.FieldSide: string(c.Side), night.FieldPartner: string(c.Partner),
		night.FieldWorst: optItoa(c.Worst), night.FieldLasted: optItoa(c.LastedMin),
		night.FieldArms: "", night.FieldOnsetAt: "",
	}
	if c.Arms != nil {
		a[night.FieldArms] = yesNo(*c.Arms)
	}
	if !c.OnsetAt.IsZero() {
		a[night.FieldOnsetAt] = night.ClockOf(c.OnsetAt).String()
	}
	return a
}

func optItoa(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// readLegItems applies the optional leg items among answers to c. Every
// one may be left out (kept) or given empty (cleared, not said). The
// onset time is read once the four times are placed (placed), as the
// latest such clock time at or before getting up.
func readLegItems(c *night.Checkin, a Answers, placed bool) night.FieldErrors {
	var errs night.FieldErrors
	bad := func(f night.Field, format string, args ...any) {
		errs = append(errs, &night.FieldError{Field: f, Msg: fmt.Sprintf(format, args...)})
	}
	if s, given := a[night.FieldSide]; given {
		c.Side = night.Side(strings.ToLower(strings.TrimSpace(s)))
	}
	if s, given := a[night.FieldPartner]; given {
		c.Partner = night.Partner(strings.ToLower(strings.TrimSpace(s)))
	}
	if s, given := a[night.FieldArms]; given {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "":
			c.Arms = nil
		case "yes", "y":
			v := true
			c.Arms = &v
		case "no", "n":
			v := false
			c.Arms = &v
		default:
			bad(night.FieldArms, "%q: answer yes or no", s)
		}
	}
	for _, n := range []struct {
		f    night.Field
		dst  **int
		hint string
	}{{night.FieldWorst, &c.Worst, "a rating from 0 to 10"}, {night.FieldLasted, &c.LastedMin, "whole minutes, e.g. 40"}} {
		s, given := a[n.f]
		switch {
		case !given:
		case strings.TrimSpace(s) == "":
			*n.dst = nil
		default:
			v, err := parseCount(s, n.hint)
			if err != nil {
				bad(n.f, "%v", err)
				continue
			}
			*n.dst = &v
		}
	}
	s, given := a[night.FieldOnsetAt]
	switch {
	case !given:
	case strings.TrimSpace(s) == "":
		c.OnsetAt = time.Time{}
	default:
		cl, err := night.ParseClock(s)
		if err != nil {
			bad(night.FieldOnsetAt, "%v", err)
		} else if placed {
			c.OnsetAt = onsetBefore(c.OutOfBed, cl)
		}
	}
	return errs
}

// onsetBefore is the latest time at clock cl at or before up, in up's
// zone: symptoms start before getting up, at most a day before.
func onsetBefore(up time.Time, cl night.Clock) time.Time {
	h, m := int(cl)/60, int(cl)%60
	t := time.Date(up.Year(), up.Month(), up.Day(), h, m, 0, 0, up.Location())
	if t.After(up) {
		t = time.Date(up.Year(), up.Month(), up.Day()-1, h, m, 0, 0, up.Location())
	}
	return t
}
