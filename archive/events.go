package archive

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/quietlegs/quietlegs/night"
)

// eventJSON is one flare-up in a night's "events".
type eventJSON struct {
	At string `json:"at"`
	// Severity is a pointer only to tell a file that leaves it out.
	Severity      *int        `json:"severity"`
	Tried         []triedJSON `json:"tried"`
	SeverityAfter *int        `json:"severity_after"`
	Helped        *string     `json:"helped"`
}

type triedJSON struct {
	ID      string `json:"id"`
	Minutes *int   `json:"minutes"`
}

func fromEvent(e night.Event) eventJSON {
	sev := e.Severity
	j := eventJSON{At: stamp(e.At), Severity: &sev, Tried: []triedJSON{}, SeverityAfter: e.SeverityAfter}
	for _, t := range e.Tried {
		j.Tried = append(j.Tried, triedJSON{ID: t.ID, Minutes: t.Minutes})
	}
	if e.Helped != "" {
		h := string(e.Helped)
		j.Helped = &h
	}
	return j
}

func toEvent(date string, j eventJSON) (night.Event, error) {
	e := night.Event{Night: date, SeverityAfter: j.SeverityAfter}
	at, err := parseTime("at", j.At)
	if err != nil {
		return e, err
	}
	e.At = at
	if j.Severity == nil {
		return e, fmt.Errorf("severity: missing")
	}
	e.Severity = *j.Severity
	for _, t := range j.Tried {
		e.Tried = append(e.Tried, night.Tried{ID: t.ID, Minutes: t.Minutes})
	}
	if j.Helped != nil {
		if *j.Helped == "" {
			return e, fmt.Errorf("helped: \"\": want \"not-at-all\", \"a-little\", \"a-lot\" or null")
		}
		e.Helped = night.Helped(*j.Helped)
	}
	if err := e.Validate(); err != nil {
		var fe *night.FieldError
		if errors.As(err, &fe) && fe.Field == night.FieldAfter {
			return e, &night.FieldError{Field: "severity_after", Msg: fe.Msg}
		}
		return e, err
	}
	return e, nil
}

// EventsCSVHeader names the columns of the flare-ups' CSV: one row per
// flare-up. tried lists the measures in the order tried, separated by
// ";", each as id or id:minutes; severity_after and helped are empty when
// not answered.
var EventsCSVHeader = []string{"night", "at", "severity", "tried", "severity_after", "helped"}

// WriteEventsCSV writes every flare-up of recs, one row each under
// EventsCSVHeader, in the order of the nights and, within one, of when
// they began.
func WriteEventsCSV(w io.Writer, recs []night.Record) error {
	ew, err := NewEventsCSVWriter(w)
	if err != nil {
		return err
	}
	return writeAll(ew, recs)
}

// EventsCSVWriter writes the flare-ups' CSV night by night, as they are
// read.
type EventsCSVWriter struct {
	cw *csv.Writer
}

// NewEventsCSVWriter writes the header to w. Write the nights, then Close.
func NewEventsCSVWriter(w io.Writer) (*EventsCSVWriter, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(EventsCSVHeader); err != nil {
		return nil, fmt.Errorf("write CSV: %w", err)
	}
	return &EventsCSVWriter{cw: cw}, nil
}

// Write adds a row for each of r's flare-ups.
func (ew *EventsCSVWriter) Write(r night.Record) error {
	for _, e := range r.Events {
		if err := ew.cw.Write(eventRow(r.Night, e)); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	return nil
}

// Close writes what is buffered.
func (ew *EventsCSVWriter) Close() error {
	ew.cw.Flush()
	if err := ew.cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

func eventRow(date string, e night.Event) []string {
	tried := make([]string, len(e.Tried))
	for i, t := range e.Tried {
		tried[i] = t.ID
		if t.Minutes != nil {
			tried[i] += ":" + strconv.Itoa(*t.Minutes)
		}
	}
	after := ""
	if e.SeverityAfter != nil {
		after = strconv.Itoa(*e.SeverityAfter)
	}
	return []string{date, stamp(e.At), strconv.Itoa(e.Severity), strings.Join(tried, ";"), after, string(e.Helped)}
}
