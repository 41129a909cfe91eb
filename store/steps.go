package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/quietlegs/quietlegs/routine"
)

// scanSteps reads the steps of the sessions where (a condition on
// session_id, or "") picks and passes each session's steps, in index order,
// to fn. Sessions without steps are not passed.
//
// SQLite packs each session's steps into one JSON array, so there is one
// row per session rather than per step: reading values out of the driver
// costs far more per row and column than building and parsing the JSON
// (ten years of nights read about twice as fast).
func scanSteps(ctx context.Context, tx *sql.Tx, fn func(id int64, steps []routine.StepResult), where string, args ...any) error {
	q := `SELECT session_id, json_group_array(json_array(idx, title, planned_ms, actual_ms, status))
		FROM session_steps`
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := tx.QueryContext(ctx, q+" GROUP BY session_id", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id     int64
			packed string
		)
		if err := rows.Scan(&id, &packed); err != nil {
			return err
		}
		steps, err := parseSteps(packed)
		if err != nil {
			return fmt.Errorf("steps of session %d: %w", id, err)
		}
		fn(id, steps)
	}
	return rows.Err()
}

// parseSteps reads json_group_array's output for scanSteps: an array of
// [idx, title, planned_ms, actual_ms, status] arrays, without spaces.
func parseSteps(s string) ([]routine.StepResult, error) {
	p := stepParser{s: s}
	p.expect('[')
	if p.peek() == ']' {
		return nil, nil
	}
	steps := make([]routine.StepResult, 0, strings.Count(s, "],[")+1)
	for p.err == nil {
		var r routine.StepResult
		p.expect('[')
		r.Index = int(p.int())
		p.expect(',')
		r.Title = p.string()
		p.expect(',')
		r.Planned = fromMillis(p.int())
		p.expect(',')
		r.Actual = fromMillis(p.int())
		p.expect(',')
		r.Status = routine.StepStatus(p.string())
		p.expect(']')
		steps = append(steps, r)
		if p.peek() != ',' {
			break
		}
		p.i++
	}
	p.expect(']')
	if p.err == nil && p.i != len(s) {
		p.fail("text after the array")
	}
	if p.err != nil {
		return nil, p.err
	}
	// SQLite reads the primary key in order, so this is only a safeguard.
	if !slices.IsSortedFunc(steps, byIndex) {
		slices.SortFunc(steps, byIndex)
	}
	return steps, nil
}

func byIndex(a, b routine.StepResult) int { return a.Index - b.Index }

// stepParser reads compact JSON from s; the first error sticks.
type stepParser struct {
	s   string
	i   int
	err error
}

func (p *stepParser) fail(what string) {
	if p.err == nil {
		p.err = fmt.Errorf("malformed step list at byte %d: %s", p.i, what)
	}
}

func (p *stepParser) peek() byte {
	if p.err != nil || p.i >= len(p.s) {
		return 0
	}
	return p.s[p.i]
}

func (p *stepParser) expect(c byte) {
	if p.peek() != c {
		p.fail(fmt.Sprintf("want %q", c))
		return
	}
	p.i++
}

func (p *stepParser) int() int64 {
	if p.err != nil {
		return 0
	}
	j := p.i
	if j < len(p.s) && p.s[j] == '-' {
		j++
	}
	for j < len(p.s) && '0' <= p.s[j] && p.s[j] <= '9' {
		j++
	}
	n, err := strconv.ParseInt(p.s[p.i:j], 10, 64)
	if err != nil {
		p.fail("want an integer")
		return 0
	}
	p.i = j
	return n
}

// string reads a JSON string. One without escapes, the usual kind, is
// sliced out of s as it is; encoding/json decodes the rest.
func (p *stepParser) string() string {
	if p.peek() != '"' {
		p.fail("want a string")
		return ""
	}
	start := p.i
	escaped := false
	for j := start + 1; j < len(p.s); j++ {
		switch p.s[j] {
		case '\\':
			escaped = true
			j++ // skip the escaped byte, which may be a quote
		case '"':
			p.i = j + 1
			if !escaped {
				return p.s[start+1 : j]
			}
			var out string
			if err := json.Unmarshal([]byte(p.s[start:j+1]), &out); err != nil {
				p.fail(err.Error())
			}
			return out
		}
	}
	p.fail("unterminated string")
	return ""
}
