// Package archive reads and writes quietlegs' export format: every night's
// evening log, routine runs, flare-ups and morning check-in, as JSON (stable, and read
// back by import) or as CSV for spreadsheets.
//
// The JSON keeps its field names and meanings; later versions may add
// fields, and readers ignore fields they do not know.
package archive

import (
	"math"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Version is the export format's version, written as "version". Version
// 2 added each night's flare-ups ("events"), marks runs of the night
// toolkit ("flare"), and added the optional leg items, the room, the doses
// taken and the iron results; version 1 files read as nights without them.
const Version = 2

// document is the JSON's top level.
type document struct {
	Format     string      `json:"format"`
	Version    int         `json:"version"`
	ExportedAt string      `json:"exported_at,omitempty"`
	Nights     []nightJSON `json:"nights"`
	// Labs are the iron results, by date; absent when there are none.
	Labs []labJSON `json:"labs,omitempty"`
}

// labJSON is one set of iron results: ferritin in µg/L, transferrin
// saturation in %, each null when not given.
type labJSON struct {
	Date     string   `json:"date"`
	Ferritin *float64 `json:"ferritin"`
	TSAT     *float64 `json:"tsat"`
	Note     string   `json:"note"`
}

// takenJSON is one dose: the person's own words and when.
type takenJSON struct {
	Name   string `json:"name"`
	Amount string `json:"amount"`
	At     string `json:"at"`
}

type nightJSON struct {
	Night   string       `json:"night"`
	Evening *eveningJSON `json:"evening"`
	// Routine is the night's main run (see night.Record.MainRun); Runs
	// holds every run, Routine included, so import restores them all.
	Routine *runJSON     `json:"routine"`
	Runs    []runJSON    `json:"runs,omitempty"`
	Checkin *checkinJSON `json:"checkin"`
	// Events are the night's flare-ups, in the order they began.
	Events []eventJSON `json:"events"`
	// Taken are the night's doses in the order taken; absent when none.
	Taken []takenJSON `json:"taken,omitempty"`
}

type eveningJSON struct {
	Symptoms *int     `json:"symptoms"`
	Tags     []string `json:"tags"`
	// ChecklistAnswered is false when the checklist was left unanswered
	// (tags then say nothing either way). Exports from before it was
	// written lack it, and read as answered.
	ChecklistAnswered *bool  `json:"checklist_answered,omitempty"`
	Note              string `json:"note"`
	LoggedAt          string `json:"logged_at,omitempty"`
	// The room: °C whatever unit was typed, and a bedding id; absent when
	// not said.
	RoomTempC *float64 `json:"room_temp_c,omitempty"`
	Bedding   string   `json:"bedding,omitempty"`
}

type runJSON struct {
	Name      string  `json:"name"`
	Title     string  `json:"title,omitempty"`
	Status    string  `json:"status"`
	StartedAt string  `json:"started_at"`
	EndedAt   *string `json:"ended_at"`
	PlannedS  float64 `json:"planned_s"`
	// Trial marks a run at another speed than real time (--speed): kept,
	// but never counted as the routine done. Speed is how many times
	// faster it ran; exports from before it was written lack both, and
	// read as real time.
	Trial bool     `json:"trial"`
	Speed *float64 `json:"speed,omitempty"`
	// Flare marks a run of the night toolkit during a flare-up: never
	// counted as the evening routine.
	Flare bool       `json:"flare,omitempty"`
	Steps []stepJSON `json:"steps"`
}

type stepJSON struct {
	// Index is the step's place in the routine, from 0 (a run records only
	// the steps that ended, so it is not always the place in this list).
	Index    *int    `json:"index,omitempty"`
	Title    string  `json:"title"`
	Status   string  `json:"status"`
	PlannedS float64 `json:"planned_s"`
	ActualS  float64 `json:"actual_s"`
}

type checkinJSON struct {
	InBed       string `json:"in_bed"`
	TriedSleep  string `json:"tried_sleep"`
	LatencyMin  int    `json:"latency_min"`
	Awakenings  int    `json:"awakenings"`
	AwakeMin    int    `json:"awake_min"`
	FinalWake   string `json:"final_wake"`
	OutOfBed    string `json:"out_of_bed"`
	Quality     int    `json:"quality"`
	Rested      int    `json:"rested"`
	RLSSeverity int    `json:"rls_severity"`
	Onset       string `json:"onset"`
	GotUp       int    `json:"got_up"`
	Notes       string `json:"notes"`
	RecordedAt  string `json:"recorded_at,omitempty"`
	// The optional leg items; each absent when not said, never 0.
	OnsetAt   string `json:"onset_at,omitempty"`
	Side      string `json:"side,omitempty"`
	Arms      *bool  `json:"arms,omitempty"`
	Worst     *int   `json:"worst,omitempty"`
	LastedMin *int   `json:"lasted_min,omitempty"`
	Partner   string `json:"partner_noticed,omitempty"`
	// Derived on export, ignored on import. Sleep efficiency is null when
	// there was no time in bed to divide by: unknown, never 0.
	TIB int      `json:"tib_min"`
	TST int      `json:"tst_min"`
	SE  *float64 `json:"sleep_efficiency"`
}

// formatName marks a file as a quietlegs export.
const formatName = "quietlegs-export"

// stamp is how instants are written: RFC 3339 with the local offset, and
// milliseconds only when there are any.
func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

// seconds writes a duration as seconds, to the millisecond, so a run's
// record survives export and import unchanged.
func seconds(d time.Duration) float64 {
	return math.Round(d.Seconds()*1000) / 1000
}

func fromRecord(r night.Record) nightJSON {
	n := nightJSON{Night: r.Night, Events: []eventJSON{}}
	if e := r.Evening; e != nil {
		answered := !e.ChecklistSkipped
		n.Evening = &eveningJSON{Symptoms: e.Symptoms, Tags: e.Tags, ChecklistAnswered: &answered, Note: e.Note}
		if n.Evening.Tags == nil {
			n.Evening.Tags = []string{}
		}
		if !e.At.IsZero() {
			n.Evening.LoggedAt = stamp(e.At)
		}
		n.Evening.RoomTempC, n.Evening.Bedding = e.RoomTempC, e.Bedding
	}
	for _, d := range r.Taken {
		n.Taken = append(n.Taken, takenJSON{Name: d.Name, Amount: d.Amount, At: stamp(d.At)})
	}
	main := r.MainRun()
	if len(r.Runs) > 0 {
		n.Runs = make([]runJSON, 0, len(r.Runs)) // so &n.Runs[i] stays put
	}
	for i, run := range r.Runs {
		n.Runs = append(n.Runs, fromRun(run))
		if main == &r.Runs[i] {
			// The same run twice in the file: converted once, and only
			// read after.
			n.Routine = &n.Runs[i]
		}
	}
	for _, e := range r.Events {
		n.Events = append(n.Events, fromEvent(e))
	}
	if c := r.Checkin; c != nil {
		f := c.Figures()
		n.Checkin = &checkinJSON{
			InBed: stamp(c.InBed), TriedSleep: stamp(c.TriedSleep),
			LatencyMin: c.LatencyMin, Awakenings: c.Awakenings, AwakeMin: c.AwakeMin,
			FinalWake: stamp(c.FinalWake), OutOfBed: stamp(c.OutOfBed),
			Quality: c.Quality, Rested: c.Rested, RLSSeverity: c.RLSSeverity,
			Onset: string(c.Onset), GotUp: c.GotUp, Notes: c.Notes,
			TIB: f.TIB, TST: f.TST, SE: sleepEfficiency(f),
		}
		if !c.RecordedAt.IsZero() {
			n.Checkin.RecordedAt = stamp(c.RecordedAt)
		}
		if !c.OnsetAt.IsZero() {
			n.Checkin.OnsetAt = stamp(c.OnsetAt)
		}
		n.Checkin.Side, n.Checkin.Partner = string(c.Side), string(c.Partner)
		n.Checkin.Arms, n.Checkin.Worst, n.Checkin.LastedMin = c.Arms, c.Worst, c.LastedMin
	}
	return n
}

func fromRun(r night.Run) runJSON {
	j := runJSON{Name: r.Routine, Title: r.Title, Status: string(r.Status), StartedAt: stamp(r.StartedAt),
		PlannedS: seconds(r.Planned), Trial: r.Trial(), Flare: r.Flare, Steps: []stepJSON{}}
	speed := r.Speed
	if speed == 0 {
		speed = 1 // a record from before the speed was kept ran in real time
	}
	j.Speed = &speed
	if !r.EndedAt.IsZero() {
		s := stamp(r.EndedAt)
		j.EndedAt = &s
	}
	for _, s := range r.Steps {
		j.Steps = append(j.Steps, stepJSON{Index: &s.Index, Title: s.Title, Status: string(s.Status),
			PlannedS: seconds(s.Planned), ActualS: seconds(s.Actual)})
	}
	return j
}

// stepStatuses and runStatuses are the values a file may use.
var (
	stepStatuses = map[string]routine.StepStatus{"done": routine.StepDone, "skipped": routine.StepSkipped}
	runStatuses  = map[string]routine.Status{
		"running": routine.Running, "completed": routine.Completed,
		"partial": routine.Partial, "abandoned": routine.Abandoned,
	}
)

// sleepEfficiency is f's SE, or nil when there was no time in bed.
func sleepEfficiency(f night.Figures) *float64 {
	if f.TIB <= 0 {
		return nil
	}
	se := f.SE
	return &se
}

func fromLab(l night.Lab) labJSON {
	return labJSON{Date: l.Date, Ferritin: l.Ferritin, TSAT: l.TSAT, Note: l.Note}
}
