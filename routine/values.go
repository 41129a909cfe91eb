package routine

// This file reads single values of a step (lengths, counts, names, text)
// and checks them against the limits in check.go.

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// length reads a hold length given as seconds or as minutes, not both.
func (c *checker) length(p string, secs, mins *int64) (int64, bool) {
	switch {
	case secs != nil && mins != nil:
		c.fail(p+".minutes", "give seconds or minutes, not both")
		return 0, false
	case secs != nil:
		return c.number(p+".seconds", *secs, 1, maxSeconds)
	case mins != nil:
		m, ok := c.number(p+".minutes", *mins, 1, maxMinutes)
		return m * 60, ok
	}
	c.fail(p, "missing length: give seconds (seconds = 30) or minutes (minutes = 5)")
	return 0, false
}

// count reads an optional number of rounds or cycles; 1 when absent.
func (c *checker) count(field string, v *int64) (int, bool) {
	if v == nil {
		return 1, true
	}
	n, ok := c.number(field, *v, 1, maxCount)
	return int(n), ok
}

// need reads a required number.
func (c *checker) need(p, key string, v *int64, lo, hi int64) (int64, bool) {
	if v == nil {
		c.fail(p, "missing %s", key)
		return 0, false
	}
	return c.number(p+"."+key, *v, lo, hi)
}

// optional reads a number that is 0 when absent.
func (c *checker) optional(field string, v *int64, lo, hi int64) (int64, bool) {
	if v == nil {
		return 0, true
	}
	return c.number(field, *v, lo, hi)
}

func (c *checker) number(field string, v, lo, hi int64) (int64, bool) {
	switch {
	case v < lo && lo == 1:
		c.fail(field, "must be more than 0 (got %d)", v)
	case v < lo:
		c.fail(field, "must be %d or more (got %d)", lo, v)
	case v > hi:
		c.fail(field, "must be at most %d (got %d)", hi, v)
	default:
		return v, true
	}
	return 0, false
}

// fits checks that a step expands into few enough phases.
func (c *checker) fits(p string, phases int) bool {
	if phases > MaxStepPhases {
		c.fail(p, "too many phases: %d (at most %d)", phases, MaxStepPhases)
		return false
	}
	return true
}

// names reads a list of short lower-case names: sides, groups.
func (c *checker) names(p, key string, list []string, required bool) ([]string, bool) {
	if len(list) == 0 && required {
		c.fail(p, "no %s: list at least one, like %s = [\"calves\"]", key, key)
		return nil, false
	}
	if len(list) > MaxStepPhases {
		c.fail(p+"."+key, "too many: %d (at most %d)", len(list), MaxStepPhases)
		return nil, false
	}
	n := len(c.errs)
	var out []string
	for i, s := range list {
		field := fmt.Sprintf("%s.%s[%d]", p, key, i+1)
		name := c.name(field, "", s, true)
		if slices.Contains(out, name) {
			c.fail(field, "%q is listed twice", name)
		}
		out = append(out, name)
	}
	return out, len(c.errs) == n
}

// name reads a short one-line name and makes it lower-case.
func (c *checker) name(p, key, v string, required bool) string {
	return strings.ToLower(c.text(p, key, v, required, maxName))
}

// text reads a piece of text, trimmed; only the description may span lines.
func (c *checker) text(p, key, v string, required bool, limit int) string {
	v = strings.TrimSpace(v)
	field := p
	if key != "" {
		field = strings.TrimPrefix(p+"."+key, ".")
	}
	bad := func(r rune) bool { return unicode.IsControl(r) && !(key == "description" && r == '\n') }
	switch {
	case v == "" && required && key == "":
		c.fail(field, "must not be empty")
	case v == "" && required && p == "":
		c.fail("", "missing %s: add a line like %s = \"Evening wind-down\" at the top", key, key)
	case v == "" && required:
		c.fail(p, "missing %s", key)
	case utf8.RuneCountInString(v) > limit:
		c.fail(field, "too long: %d characters (at most %d)", utf8.RuneCountInString(v), limit)
	case strings.ContainsAny(v, "\r\n") && key != "description":
		c.fail(field, "must be one line")
	case strings.IndexFunc(v, bad) >= 0:
		c.fail(field, "must not contain control characters")
	}
	return v
}
