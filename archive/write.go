package archive

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// WriteJSON writes records, which must be in date order, as the export
// document. exportedAt is recorded in it (zero leaves it out).
func WriteJSON(w io.Writer, recs []night.Record, exportedAt time.Time) error {
	return WriteJSONWithLabs(w, recs, nil, exportedAt)
}

// WriteJSONWithLabs is WriteJSON with the iron results at the top level,
// as "labs".
func WriteJSONWithLabs(w io.Writer, recs []night.Record, labs []night.Lab, exportedAt time.Time) error {
	jw, err := NewJSONWriter(w, exportedAt, labs)
	if err != nil {
		return err
	}
	return writeAll(jw, recs)
}

// NightWriter writes nights one at a time: JSONWriter or CSVWriter.
type NightWriter interface {
	Write(night.Record) error
	// Close ends the document.
	Close() error
}

func writeAll(nw NightWriter, recs []night.Record) error {
	for _, r := range recs {
		if err := nw.Write(r); err != nil {
			return err
		}
	}
	return nw.Close()
}

// CSVHeader names the CSV's columns: one row per night, the JSON's fields
// flattened. A part not recorded leaves its cells empty.
var CSVHeader = []string{
	"night",
	"evening_symptoms", "evening_tags", "evening_note",
	"routine_name", "routine_status", "routine_started_at", "routine_ended_at",
	"routine_steps_done", "routine_steps_skipped", "routine_planned_s", "routine_actual_s",
	"in_bed", "tried_sleep", "latency_min", "awakenings", "awake_min", "final_wake", "out_of_bed",
	"quality", "rested", "rls_severity", "onset", "got_up", "notes",
	"tib_min", "tst_min", "sleep_efficiency",
	// Appended after the first release's columns, so spreadsheets built
	// on those keep working.
	"evening_checklist_answered",
	// Appended in export version 2. Each is empty when not said; taken
	// lists the night's doses as "name amount at RFC 3339", joined by ";".
	"onset_at", "side", "arms", "worst", "lasted_min", "partner_noticed",
	"room_temp_c", "bedding", "taken",
}

// WriteCSV writes one row per night under CSVHeader. Fields with commas,
// quotes or line breaks are quoted, so spreadsheets read them whole; tags
// are joined with ";".
func WriteCSV(w io.Writer, recs []night.Record) error {
	cw, err := NewCSVWriter(w)
	if err != nil {
		return err
	}
	return writeAll(cw, recs)
}

func csvRow(r night.Record) []string {
	row := make([]string, 0, len(CSVHeader))
	row = append(row, r.Night)
	if e := r.Evening; e != nil {
		sym := ""
		if e.Symptoms != nil {
			sym = strconv.Itoa(*e.Symptoms)
		}
		row = append(row, sym, strings.Join(e.Tags, ";"), cell(e.Note))
	} else {
		row = append(row, "", "", "")
	}
	if run := r.MainRun(); run != nil {
		t := routine.Count(run.Steps)
		ended := ""
		if !run.EndedAt.IsZero() {
			ended = stamp(run.EndedAt)
		}
		row = append(row, run.Routine, string(run.Status), stamp(run.StartedAt), ended,
			strconv.Itoa(t.Done), strconv.Itoa(t.Skipped), num(seconds(run.Planned)), num(seconds(t.Spent)))
	} else {
		row = append(row, "", "", "", "", "", "", "", "")
	}
	if c := r.Checkin; c != nil {
		f := c.Figures()
		row = append(row, stamp(c.InBed), stamp(c.TriedSleep), strconv.Itoa(c.LatencyMin),
			strconv.Itoa(c.Awakenings), strconv.Itoa(c.AwakeMin), stamp(c.FinalWake), stamp(c.OutOfBed),
			strconv.Itoa(c.Quality), strconv.Itoa(c.Rested), strconv.Itoa(c.RLSSeverity), string(c.Onset),
			strconv.Itoa(c.GotUp), cell(c.Notes), strconv.Itoa(f.TIB), strconv.Itoa(f.TST), seCell(f))
	} else {
		for range 16 {
			row = append(row, "")
		}
	}
	answered := ""
	if e := r.Evening; e != nil {
		answered = strconv.FormatBool(!e.ChecklistSkipped)
	}
	row = append(row, answered)
	legs := make([]string, 6)
	if c := r.Checkin; c != nil {
		if !c.OnsetAt.IsZero() {
			legs[0] = stamp(c.OnsetAt)
		}
		legs[1] = string(c.Side)
		if c.Arms != nil {
			legs[2] = strconv.FormatBool(*c.Arms)
		}
		legs[3], legs[4], legs[5] = optInt(c.Worst), optInt(c.LastedMin), string(c.Partner)
	}
	row = append(row, legs...)
	temp, bedding := "", ""
	if e := r.Evening; e != nil {
		if e.RoomTempC != nil {
			temp = num(*e.RoomTempC)
		}
		bedding = e.Bedding
	}
	taken := make([]string, len(r.Taken))
	for i, d := range r.Taken {
		taken[i] = strings.TrimSpace(d.Label() + " at " + stamp(d.At))
	}
	return append(row, temp, bedding, cell(strings.Join(taken, ";")))
}

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// cell is a person's text made safe for a spreadsheet: one that would
// begin with =, +, -, @, a tab or a carriage return is a formula to Excel
// and its like, so it gets a leading apostrophe, which they show as text
// (OWASP's advice on CSV injection). The JSON export keeps the exact text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// seCell is the sleep efficiency, empty when there was no time in bed.
func seCell(f night.Figures) string {
	if se := sleepEfficiency(f); se != nil {
		return num(*se)
	}
	return ""
}
