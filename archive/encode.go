package archive

import (
	"encoding/json"
	"math"
	"strconv"
)

// nightEncoder appends a night as json.MarshalIndent would put it in the
// document (at the nights' prefix, with the document's indentation),
// without reflection: encoding/json and re-indenting were a third of an
// export's time. It must write every field of nightJSON and what it holds,
// in their order, with their tags' names and omitempty; TestNightEncoder
// fills every field by reflection and compares the bytes with
// encoding/json, so a field added there and not here fails it.
type nightEncoder struct {
	b     []byte
	depth int
	first bool // nothing written yet in the object or list just opened
	err   error
}

// newlines is a line break and the indentation of the deepest line a
// night has (a step or a remedy tried is five levels in), to slice from.
const newlines = "\n" + nightPrefix + indent + indent + indent + indent + indent + indent + indent + indent

func (e *nightEncoder) newline() {
	if n := 1 + len(nightPrefix) + len(indent)*e.depth; n <= len(newlines) {
		e.b = append(e.b, newlines[:n]...)
		return
	}
	e.b = append(e.b, '\n')
	e.b = append(e.b, nightPrefix...)
	for range e.depth {
		e.b = append(e.b, indent...)
	}
}

// next starts an object's field or a list's item.
func (e *nightEncoder) next() {
	if !e.first {
		e.b = append(e.b, ',')
	}
	e.first = false
	e.newline()
}

func (e *nightEncoder) key(k string) {
	e.next()
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':', ' ')
}

func (e *nightEncoder) open(c byte) {
	e.b = append(e.b, c)
	e.depth++
	e.first = true
}

func (e *nightEncoder) close(c byte) {
	e.depth--
	e.newline()
	e.b = append(e.b, c)
	e.first = false
}

// str appends s quoted as encoding/json does, HTML characters escaped.
func (e *nightEncoder) str(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // escapes, or Unicode: encoding/json's own rules
			e.b = append(e.b, q...)
			return
		}
	}
	e.b = append(e.b, '"')
	e.b = append(e.b, s...)
	e.b = append(e.b, '"')
}

func (e *nightEncoder) int(n int) { e.b = strconv.AppendInt(e.b, int64(n), 10) }

func (e *nightEncoder) bool(v bool) { e.b = strconv.AppendBool(e.b, v) }

// float appends f as encoding/json does.
func (e *nightEncoder) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if _, err := json.Marshal(f); e.err == nil {
			e.err = err
		}
		e.b = append(e.b, "null"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json cleans it up
		if n := len(e.b); n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

func (e *nightEncoder) null() { e.b = append(e.b, "null"...) }

func (e *nightEncoder) intPtr(p *int) {
	if p == nil {
		e.null()
		return
	}
	e.int(*p)
}

func (e *nightEncoder) floatPtr(p *float64) {
	if p == nil {
		e.null()
		return
	}
	e.float(*p)
}

// list appends n items, each by item, or [] when there are none.
func (e *nightEncoder) list(n int, item func(i int)) {
	if n == 0 {
		e.b = append(e.b, '[', ']')
		return
	}
	e.open('[')
	for i := range n {
		e.next()
		item(i)
	}
	e.close(']')
}

func (e *nightEncoder) night(n *nightJSON) {
	e.open('{')
	e.key("night")
	e.str(n.Night)
	e.key("evening")
	if n.Evening == nil {
		e.null()
	} else {
		e.evening(n.Evening)
	}
	e.key("routine")
	if n.Routine == nil {
		e.null()
	} else {
		e.run(n.Routine)
	}
	if len(n.Runs) > 0 {
		e.key("runs")
		e.list(len(n.Runs), func(i int) { e.run(&n.Runs[i]) })
	}
	e.key("checkin")
	if n.Checkin == nil {
		e.null()
	} else {
		e.checkin(n.Checkin)
	}
	e.key("events")
	if n.Events == nil {
		e.null()
	} else {
		e.list(len(n.Events), func(i int) { e.event(&n.Events[i]) })
	}
	if len(n.Taken) > 0 {
		e.key("taken")
		e.list(len(n.Taken), func(i int) {
			t := &n.Taken[i]
			e.open('{')
			e.key("name")
			e.str(t.Name)
			e.key("amount")
			e.str(t.Amount)
			e.key("at")
			e.str(t.At)
			e.close('}')
		})
	}
	e.close('}')
}

func (e *nightEncoder) evening(v *eveningJSON) {
	e.open('{')
	e.key("symptoms")
	e.intPtr(v.Symptoms)
	e.key("tags")
	if v.Tags == nil {
		e.null()
	} else {
		e.list(len(v.Tags), func(i int) { e.str(v.Tags[i]) })
	}
	if v.ChecklistAnswered != nil {
		e.key("checklist_answered")
		e.bool(*v.ChecklistAnswered)
	}
	e.key("note")
	e.str(v.Note)
	if v.LoggedAt != "" {
		e.key("logged_at")
		e.str(v.LoggedAt)
	}
	if v.RoomTempC != nil {
		e.key("room_temp_c")
		e.float(*v.RoomTempC)
	}
	if v.Bedding != "" {
		e.key("bedding")
		e.str(v.Bedding)
	}
	e.close('}')
}

func (e *nightEncoder) run(r *runJSON) {
	e.open('{')
	e.key("name")
	e.str(r.Name)
	if r.Title != "" {
		e.key("title")
		e.str(r.Title)
	}
	e.key("status")
	e.str(r.Status)
	e.key("started_at")
	e.str(r.StartedAt)
	e.key("ended_at")
	if r.EndedAt == nil {
		e.null()
	} else {
		e.str(*r.EndedAt)
	}
	e.key("planned_s")
	e.float(r.PlannedS)
	e.key("trial")
	e.bool(r.Trial)
	if r.Speed != nil {
		e.key("speed")
		e.float(*r.Speed)
	}
	if r.Flare {
		e.key("flare")
		e.bool(true)
	}
	e.key("steps")
	if r.Steps == nil {
		e.null()
	} else {
		e.list(len(r.Steps), func(i int) {
			s := &r.Steps[i]
			e.open('{')
			if s.Index != nil {
				e.key("index")
				e.int(*s.Index)
			}
			e.key("title")
			e.str(s.Title)
			e.key("status")
			e.str(s.Status)
			e.key("planned_s")
			e.float(s.PlannedS)
			e.key("actual_s")
			e.float(s.ActualS)
			e.close('}')
		})
	}
	e.close('}')
}

func (e *nightEncoder) checkin(c *checkinJSON) {
	e.open('{')
	e.key("in_bed")
	e.str(c.InBed)
	e.key("tried_sleep")
	e.str(c.TriedSleep)
	e.key("latency_min")
	e.int(c.LatencyMin)
	e.key("awakenings")
	e.int(c.Awakenings)
	e.key("awake_min")
	e.int(c.AwakeMin)
	e.key("final_wake")
	e.str(c.FinalWake)
	e.key("out_of_bed")
	e.str(c.OutOfBed)
	e.key("quality")
	e.int(c.Quality)
	e.key("rested")
	e.int(c.Rested)
	e.key("rls_severity")
	e.int(c.RLSSeverity)
	e.key("onset")
	e.str(c.Onset)
	e.key("got_up")
	e.int(c.GotUp)
	e.key("notes")
	e.str(c.Notes)
	e.optStr("recorded_at", c.RecordedAt)
	e.optStr("onset_at", c.OnsetAt)
	e.optStr("side", c.Side)
	if c.Arms != nil {
		e.key("arms")
		e.bool(*c.Arms)
	}
	if c.Worst != nil {
		e.key("worst")
		e.int(*c.Worst)
	}
	if c.LastedMin != nil {
		e.key("lasted_min")
		e.int(*c.LastedMin)
	}
	e.optStr("partner_noticed", c.Partner)
	e.key("tib_min")
	e.int(c.TIB)
	e.key("tst_min")
	e.int(c.TST)
	e.key("sleep_efficiency")
	e.floatPtr(c.SE)
	e.close('}')
}

// optStr appends an omitempty string field.
func (e *nightEncoder) optStr(k, v string) {
	if v != "" {
		e.key(k)
		e.str(v)
	}
}

func (e *nightEncoder) event(v *eventJSON) {
	e.open('{')
	e.key("at")
	e.str(v.At)
	e.key("severity")
	e.intPtr(v.Severity)
	e.key("tried")
	if v.Tried == nil {
		e.null()
	} else {
		e.list(len(v.Tried), func(i int) {
			t := &v.Tried[i]
			e.open('{')
			e.key("id")
			e.str(t.ID)
			e.key("minutes")
			e.intPtr(t.Minutes)
			e.close('}')
		})
	}
	e.key("severity_after")
	e.intPtr(v.SeverityAfter)
	e.key("helped")
	if v.Helped == nil {
		e.null()
	} else {
		e.str(*v.Helped)
	}
	e.close('}')
}

// appendNight appends n to dst as the document holds it.
func appendNight(dst []byte, n *nightJSON) ([]byte, error) {
	e := nightEncoder{b: dst}
	e.night(n)
	return e.b, e.err
}
