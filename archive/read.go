package archive

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// MaxSize is the largest file ReadJSON accepts: a century of nights fits
// many times over.
const MaxSize = 256 << 20

// PositionError is a problem at a place in the file.
type PositionError struct {
	Line, Col int
	Msg       string
}

func (e *PositionError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// LogSafe describes the error without what the file holds, for the debug
// log: only where it is.
func (e *PositionError) LogSafe() string {
	return fmt.Sprintf("import file: line %d, column %d", e.Line, e.Col)
}

// ReadJSON reads an export document. Any problem rejects the whole file,
// with the line and column where it was found, so an import is all or
// nothing. Fields it does not know are ignored.
func ReadJSON(r io.Reader) ([]night.Record, error) { return ReadJSONUpTo(r, "") }

// ReadJSONUpTo is ReadJSON refusing, with its position, any night after
// last (YYYY-MM-DD; "" refuses none): a night that has not come yet.
func ReadJSONUpTo(r io.Reader, last string) ([]night.Record, error) {
	doc, err := ReadExport(r, last)
	return doc.Nights, err
}

// Export is a whole export document as read: its nights, and the iron
// results kept beside them.
type Export struct {
	Nights []night.Record
	Labs   []night.Lab
}

// ReadExport is ReadJSONUpTo, also reading the top-level "labs" (export
// version 2; a version 1 file has none).
func ReadExport(r io.Reader, last string) (Export, error) {
	recs, labs, err := readExport(r, last)
	return Export{Nights: recs, Labs: labs}, err
}

func readExport(r io.Reader, last string) ([]night.Record, []night.Lab, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > MaxSize {
		return nil, nil, fmt.Errorf("file is larger than %d MiB; not a quietlegs export", MaxSize>>20)
	}
	// A UTF-8 byte-order mark, as some Windows editors write, becomes
	// spaces, which JSON allows, so offsets stay where they were; columns
	// on line 1 are counted without it, as an editor shows them.
	p := &parser{last: last}
	if bytes.HasPrefix(data, []byte(bom)) {
		data = bytes.Clone(data)
		copy(data, "   ")
		p.bom = len(bom)
	}
	if first := bytes.TrimLeft(data, " \t\r\n"); len(first) > 0 && first[0] != '{' && first[0] != '[' {
		line, _, _ := bytes.Cut(first, []byte("\n"))
		if bytes.HasPrefix(first, []byte(strings.Join(CSVHeader[:2], ","))) || bytes.Count(line, []byte(",")) >= 3 {
			return nil, nil, errors.New("this looks like a CSV file; import reads the JSON export (quietlegs export --format json)")
		}
		return nil, nil, errors.New("this is not a quietlegs export: an export is a JSON document that starts with {")
	}
	p.data, p.dec = data, json.NewDecoder(bytes.NewReader(data))
	if err := p.duplicateKeys(); err != nil {
		return nil, nil, err
	}
	recs, err := p.document()
	return recs, p.labs, err
}

const bom = "\xef\xbb\xbf"

// duplicateKeys refuses an object, at any level, that has a key twice:
// the decoder would silently keep only the last, so a file with two
// "nights" would lose the first. A syntax error is left to the parse
// that follows, which places it.
func (p *parser) duplicateKeys() error {
	type frame struct {
		keys    map[string]int64 // key → where it is; nil for an array
		wantKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(p.data))
	var stack []*frame
	afterValue := func() {
		if n := len(stack); n > 0 && stack[n-1].keys != nil {
			stack[n-1].wantKey = true
		}
	}
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or a syntax error for the parse to report
		}
		if n := len(stack); n > 0 && stack[n-1].wantKey {
			top := stack[n-1]
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				afterValue()
				continue
			}
			key, _ := tok.(string)
			at := p.skipSpace(off)
			if first, dup := top.keys[key]; dup {
				line, col := p.lineCol(first)
				return p.at(at, "key %q appears twice in one object (first at line %d, column %d); "+
					"a file with both is ambiguous", key, line, col)
			}
			top.keys[key], top.wantKey = at, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]int64{}, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		case json.Delim(']'), json.Delim('}'):
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			afterValue()
		default:
			afterValue()
		}
	}
}

// skipSpace is the offset of the first byte from off on that is not a
// separator: where the next token starts.
func (p *parser) skipSpace(off int64) int64 {
	for off < int64(len(p.data)) && bytes.IndexByte([]byte(", \t\r\n:"), p.data[off]) >= 0 {
		off++
	}
	return off
}

type parser struct {
	last string // the latest night allowed, "" for any
	data []byte
	bom  int // bytes of byte-order mark the file began with
	dec  *json.Decoder
	seen map[string]bool
	labs []night.Lab
}

// at makes an error at byte offset off.
func (p *parser) at(off int64, format string, args ...any) error {
	line, col := p.lineCol(off)
	return &PositionError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// lineCol is the line and column of byte offset off, counting from 1.
func (p *parser) lineCol(off int64) (line, col int) {
	off = min(max(off, 0), int64(len(p.data)))
	line, col = 1, 1
	for _, b := range p.data[:off] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	if line == 1 && off >= int64(p.bom) {
		col -= p.bom
	}
	return line, col
}

// decodeErr places a decoder error where it happened.
func (p *parser) decodeErr(err error, what string) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return p.at(se.Offset, "%s: %v", what, se)
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = what
		}
		return p.at(te.Offset, "%s: want %s, got JSON %s", field, te.Type, te.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return p.at(int64(len(p.data)), "%s: the file ends too soon", what)
	}
	return p.at(p.dec.InputOffset(), "%s: %v", what, err)
}

func (p *parser) delim(want json.Delim, what string) error {
	off := p.dec.InputOffset()
	tok, err := p.dec.Token()
	if err != nil {
		return p.decodeErr(err, what)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return p.at(off, "%s: want %q, got %v", what, string(want), tok)
	}
	return nil
}

func (p *parser) document() ([]night.Record, error) {
	if err := p.delim('{', "export"); err != nil {
		return nil, err
	}
	var recs []night.Record
	sawNights := false
	for p.dec.More() {
		off := p.dec.InputOffset()
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.decodeErr(err, "export")
		}
		key, _ := tok.(string)
		switch key {
		case "format":
			var f string
			if err := p.dec.Decode(&f); err != nil {
				return nil, p.decodeErr(err, "format")
			}
			if f != formatName {
				return nil, p.at(off, "format is %q, not a quietlegs export (%q)", f, formatName)
			}
		case "labs":
			if p.labs, err = p.readLabs(); err != nil {
				return nil, err
			}
		case "nights":
			sawNights = true
			if recs, err = p.nights(); err != nil {
				return nil, err
			}
		default:
			var skip json.RawMessage
			if err := p.dec.Decode(&skip); err != nil {
				return nil, p.decodeErr(err, key)
			}
		}
	}
	if err := p.delim('}', "export"); err != nil {
		return nil, err
	}
	if off := p.dec.InputOffset(); len(bytes.TrimSpace(p.data[off:])) > 0 {
		return nil, p.at(off, "unexpected data after the export")
	}
	if !sawNights {
		return nil, p.at(0, `no "nights": not a quietlegs export`)
	}
	return recs, nil
}

func (p *parser) nights() ([]night.Record, error) {
	if err := p.delim('[', "nights"); err != nil {
		return nil, err
	}
	p.seen = map[string]bool{}
	runs := map[runKey]string{}
	var recs []night.Record
	prev := ""
	for i := 0; p.dec.More(); i++ {
		// The offset before Decode is the end of the previous token; skip
		// to the object itself so the position points at its brace.
		off := p.dec.InputOffset()
		for off < int64(len(p.data)) && bytes.IndexByte([]byte(", \t\r\n"), p.data[off]) >= 0 {
			off++
		}
		var n nightJSON
		what := fmt.Sprintf("nights[%d]", i)
		if err := p.dec.Decode(&n); err != nil {
			return nil, p.decodeErr(err, what)
		}
		rec, err := toRecord(n)
		if err != nil {
			return nil, p.at(off, "%s (night %q): %v", what, n.Night, err)
		}
		if p.seen[rec.Night] {
			return nil, p.at(off, "%s: night %s appears twice", what, rec.Night)
		}
		if p.last != "" && rec.Night > p.last {
			return nil, p.at(off, "%s: night %s has not come yet (tonight is %s)", what, rec.Night, p.last)
		}
		p.seen[rec.Night] = true
		for j, r := range rec.Runs {
			key := runKey{r.Routine, r.StartedAt.Round(time.Millisecond).UnixMilli()}
			if other, dup := runs[key]; dup {
				return nil, p.at(off, "%s (night %s): runs[%d]: the run of %q started %s is listed twice (also in night %s)",
					what, rec.Night, j, r.Routine, stamp(r.StartedAt), other)
			}
			runs[key] = rec.Night
		}
		if rec.Night < prev {
			return nil, p.at(off, "%s: night %s comes after %s; nights must be in date order", what, rec.Night, prev)
		}
		prev = rec.Night
		recs = append(recs, rec)
	}
	if err := p.delim(']', "nights"); err != nil {
		return nil, err
	}
	return recs, nil
}

// runKey identifies a run across an import, as the store does: by routine
// and start instant, to the millisecond.
type runKey struct {
	routine string
	ms      int64
}

func toRecord(n nightJSON) (night.Record, error) {
	rec := night.Record{Night: n.Night}
	if _, err := time.Parse(night.Layout, n.Night); err != nil {
		return rec, fmt.Errorf("night: want a date as YYYY-MM-DD")
	}
	if e := n.Evening; e != nil {
		ev := night.Evening{Night: n.Night, Symptoms: e.Symptoms, Tags: e.Tags, Note: e.Note,
			ChecklistSkipped: e.ChecklistAnswered != nil && !*e.ChecklistAnswered,
			RoomTempC:        e.RoomTempC, Bedding: e.Bedding}
		if e.LoggedAt != "" {
			t, err := parseTime("evening.logged_at", e.LoggedAt)
			if err != nil {
				return rec, err
			}
			ev.At = t
		}
		if err := ev.Validate(); err != nil {
			return rec, fmt.Errorf("evening.%w", err)
		}
		rec.Evening = &ev
	}
	runs := n.Runs
	if len(runs) == 0 && n.Routine != nil {
		runs = []runJSON{*n.Routine}
	}
	for i, r := range runs {
		run, err := toRun(r)
		if err != nil {
			return rec, fmt.Errorf("runs[%d].%w", i, err)
		}
		rec.Runs = append(rec.Runs, run)
	}
	for i, e := range n.Events {
		ev, err := toEvent(n.Night, e)
		if err != nil {
			return rec, fmt.Errorf("events[%d].%w", i, err)
		}
		rec.Events = append(rec.Events, ev)
	}
	night.SortEvents(rec.Events)
	if c := n.Checkin; c != nil {
		ci, err := toCheckin(n.Night, *c)
		if err != nil {
			return rec, fmt.Errorf("checkin.%w", err)
		}
		rec.Checkin = &ci
	}
	for i, t := range n.Taken {
		at, err := parseTime(fmt.Sprintf("taken[%d].at", i), t.At)
		if err != nil {
			return rec, err
		}
		d := night.Dose{Night: n.Night, Name: t.Name, Amount: t.Amount, At: at}
		if err := d.Validate(); err != nil {
			return rec, fmt.Errorf("taken[%d].%w", i, err)
		}
		rec.Taken = append(rec.Taken, d)
	}
	return rec, nil
}

func parseTime(field, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not an RFC 3339 time such as 2026-11-22T22:30:00+01:00", field, s)
	}
	// What the record can hold: UTC offsets up to 18 hours either way (no
	// zone on Earth is beyond 14), in years 1 to 9999 both local and UTC.
	if _, off := t.Zone(); off < -maxOffset || off > maxOffset {
		return time.Time{}, fmt.Errorf("%s: %q has a UTC offset beyond 18 hours", field, s)
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("%s: %q is in UTC year %d, out of range (1-9999)", field, s, y)
	}
	return t, nil
}

// maxOffset is the largest UTC offset a time may have, in seconds.
const maxOffset = 18 * 3600

// TrialSpeed is the speed a run marked as a trial, with no speed given,
// is read at: any speed but real time makes it a trial.
const TrialSpeed = 2

func toRun(r runJSON) (night.Run, error) {
	status, ok := runStatuses[r.Status]
	if r.Name == "" {
		return night.Run{}, fmt.Errorf("name: missing")
	}
	if !ok {
		return night.Run{}, fmt.Errorf("status: %q is not running, completed, partial or abandoned", r.Status)
	}
	start, err := parseTime("started_at", r.StartedAt)
	if err != nil {
		return night.Run{}, err
	}
	run := night.Run{Routine: r.Name, Title: r.Title, Status: status, StartedAt: start, Speed: 1, Flare: r.Flare}
	switch {
	case r.Speed != nil && !(*r.Speed >= 0.1 && *r.Speed <= 10000):
		return night.Run{}, fmt.Errorf("speed: %v is not from 0.1 to 10000", *r.Speed)
	case r.Speed != nil:
		run.Speed = *r.Speed
	case r.Trial:
		run.Speed = TrialSpeed
	}
	if r.Speed != nil && r.Trial != run.Trial() {
		return night.Run{}, fmt.Errorf("trial: %v, but speed %v says otherwise", r.Trial, run.Speed)
	}
	if r.EndedAt != nil {
		if run.EndedAt, err = parseTime("ended_at", *r.EndedAt); err != nil {
			return night.Run{}, err
		}
		if run.EndedAt.Before(start) {
			return night.Run{}, fmt.Errorf("ended_at: before started_at")
		}
	}
	if (status == routine.Running) != run.EndedAt.IsZero() {
		return night.Run{}, fmt.Errorf("ended_at: a %s run must %s an end time", status, map[bool]string{true: "not have", false: "have"}[status == routine.Running])
	}
	if run.Planned, err = duration("planned_s", r.PlannedS); err != nil {
		return night.Run{}, err
	}
	seen := map[int]bool{}
	for i, s := range r.Steps {
		st, ok := stepStatuses[s.Status]
		if !ok {
			return night.Run{}, fmt.Errorf("steps[%d].status: %q is not done or skipped", i, s.Status)
		}
		idx := i
		if s.Index != nil {
			idx = *s.Index
		}
		if idx < 0 || idx > 1000 || seen[idx] {
			return night.Run{}, fmt.Errorf("steps[%d].index: %d is out of range or repeated", i, idx)
		}
		seen[idx] = true
		planned, err := duration(fmt.Sprintf("steps[%d].planned_s", i), s.PlannedS)
		if err != nil {
			return night.Run{}, err
		}
		actual, err := duration(fmt.Sprintf("steps[%d].actual_s", i), s.ActualS)
		if err != nil {
			return night.Run{}, err
		}
		run.Steps = append(run.Steps, routine.StepResult{Index: idx, Title: s.Title, Planned: planned, Actual: actual, Status: st})
	}
	return run, nil
}

// duration reads seconds, to the millisecond; at most a day.
func duration(field string, s float64) (time.Duration, error) {
	if math.IsNaN(s) || s < 0 || s > 24*3600 {
		return 0, fmt.Errorf("%s: %v is not a number of seconds from 0 to 86400", field, s)
	}
	return time.Duration(math.Round(s*1000)) * time.Millisecond, nil
}

func toCheckin(nightDate string, c checkinJSON) (night.Checkin, error) {
	ci := night.Checkin{
		Night: nightDate, LatencyMin: c.LatencyMin, Awakenings: c.Awakenings, AwakeMin: c.AwakeMin,
		Quality: c.Quality, Rested: c.Rested, RLSSeverity: c.RLSSeverity, Onset: night.Onset(c.Onset),
		GotUp: c.GotUp, Notes: c.Notes,
	}
	for _, f := range []struct {
		name string
		in   string
		out  *time.Time
	}{
		{"in_bed", c.InBed, &ci.InBed}, {"tried_sleep", c.TriedSleep, &ci.TriedSleep},
		{"final_wake", c.FinalWake, &ci.FinalWake}, {"out_of_bed", c.OutOfBed, &ci.OutOfBed},
	} {
		t, err := parseTime(f.name, f.in)
		if err != nil {
			return ci, err
		}
		*f.out = t
	}
	if c.RecordedAt != "" {
		t, err := parseTime("recorded_at", c.RecordedAt)
		if err != nil {
			return ci, err
		}
		ci.RecordedAt = t
	}
	if c.OnsetAt != "" {
		t, err := parseTime("onset_at", c.OnsetAt)
		if err != nil {
			return ci, err
		}
		ci.OnsetAt = t
	}
	ci.Side, ci.Partner = night.Side(c.Side), night.Partner(c.Partner)
	ci.Arms, ci.Worst, ci.LastedMin = c.Arms, c.Worst, c.LastedMin
	if err := ci.Validate(); err != nil {
		var fe *night.FieldError
		if errors.As(err, &fe) {
			if key, ok := jsonKeys[fe.Field]; ok {
				return ci, &night.FieldError{Field: key, Msg: fe.Msg}
			}
		}
		return ci, err
	}
	return ci, nil
}

// jsonKeys names the check-in's fields as the file does, for messages.
var jsonKeys = map[night.Field]night.Field{
	night.FieldInBed: "in_bed", night.FieldTried: "tried_sleep", night.FieldLatency: "latency_min",
	night.FieldAwake: "awake_min", night.FieldFinal: "final_wake", night.FieldOut: "out_of_bed",
	night.FieldRLS: "rls_severity", night.FieldGotUp: "got_up", night.FieldNote: "notes",
	night.FieldOnsetAt: "onset_at", night.FieldLasted: "lasted_min", night.FieldPartner: "partner_noticed",
}
