package ui

import (
	"slices"
	"strings"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/form"
)

// The evening form's keys for what was taken.
const (
	takenKey     = "taken"
	alsoTakenKey = "also-taken"
)

// doseOptions are tonight's doses (ticked) and those remembered from
// earlier nights, each once: one key ticks "iron 65 mg" again.
func doseOptions(tonight, known []night.Dose) (opts []form.Option, checked []bool) {
	seen := map[string]bool{}
	for _, d := range tonight {
		// Imported words may hold control characters: shown as text.
		opts = append(opts, form.Option{Label: termsafe.Line(d.Label()) + " (" + d.At.Format("15:04") + ")", ID: d.Label()})
		checked = append(checked, true)
		seen[d.Label()] = true
	}
	for _, d := range known {
		if !seen[d.Label()] {
			seen[d.Label()] = true
			opts = append(opts, form.Option{Label: termsafe.Line(d.Label()), ID: d.Label()})
			checked = append(checked, false)
		}
	}
	return opts, checked
}

// roomFields are the evening form's "Taken tonight" list, a line for
// something else taken, the bedroom's temperature and the bedding.
func (e *evening) roomFields(old night.Evening) []*form.Field {
	var fields []*form.Field
	// A dose ticked here is taken now: that belongs to tonight's log, not
	// to a past night's opened from history.
	if !e.editing {
		if opts, checked := doseOptions(e.taken, e.known); len(opts) > 0 {
			fl := form.NewMulti(takenKey, "Taken tonight", opts, checked)
			fl.Hint = "what you took, in your own words"
			fields = append(fields, fl)
		}
		also := form.NewText(alsoTakenKey, "Also taken", form.Text, night.MaxDoseName+night.MaxDoseAmount+1, "")
		also.Hint = "name and amount, optional"
		fields = append(fields, also)
	}
	unit := e.sh.Settings.TempUnit
	if unit == "" {
		unit = night.Celsius
	}
	temp := ""
	if old.RoomTempC != nil {
		temp = strings.TrimSuffix(night.FormatTemp(*old.RoomTempC, unit), " °"+unit)
	}
	room := form.NewText(string(night.FieldRoomTemp), "Bedroom", form.Text, 6, temp)
	room.Unit, room.Hint = "°"+unit, "temperature, optional"
	fields = append(fields, room)
	if len(e.sh.Settings.Bedding) > 0 || old.Bedding != "" {
		opts := []form.Option{{Label: "not said", ID: ""}}
		for _, it := range e.sh.Settings.Bedding {
			opts = append(opts, form.Option{Label: it.Label, ID: it.ID})
		}
		if old.Bedding != "" && !slices.ContainsFunc(opts, func(o form.Option) bool { return o.ID == old.Bedding }) {
			opts = append(opts, form.Option{Label: e.sh.Settings.BeddingLabel(old.Bedding), ID: old.Bedding})
		}
		sel := max(slices.IndexFunc(opts, func(o form.Option) bool { return o.ID == old.Bedding }), 0)
		fields = append(fields, form.NewChoice(string(night.FieldBedding), "Bedding", opts, sel))
	}
	return fields
}

// checkRoom puts a temperature that does not read at its field.
func (e *evening) checkRoom() {
	room := e.form.Field(string(night.FieldRoomTemp))
	if room == nil {
		return
	}
	room.SetErr("")
	if _, err := e.roomTemp(); err != nil && room.Touched() {
		room.SetErr(err.Error())
	}
}

// roomTemp is the temperature typed, in °C; nil when left empty.
func (e *evening) roomTemp() (*float64, error) {
	room := e.form.Field(string(night.FieldRoomTemp))
	if room == nil || strings.TrimSpace(room.Value()) == "" {
		return nil, nil
	}
	c, err := night.ParseTemp(room.Value(), e.sh.Settings.TempUnit)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// readRoom adds the room items the form holds to ev.
func (e *evening) readRoom(ev *night.Evening) {
	ev.RoomTempC, _ = e.roomTemp()
	if b := e.form.Field(string(night.FieldBedding)); b != nil {
		ev.Bedding = b.Answer()
	}
}

// readTaken is what the form says was taken tonight, and whether that
// differs from what was recorded: tonight's doses still ticked keep their
// times, one ticked anew or typed is taken now.
func (e *evening) readTaken() ([]night.Dose, bool) {
	var out []night.Dose
	if fl := e.form.Field(takenKey); fl != nil {
		for i, o := range fl.Options() {
			if !fl.Checked(i) {
				continue
			}
			if j := slices.IndexFunc(e.taken, func(d night.Dose) bool { return d.Label() == o.ID }); j >= 0 {
				out = append(out, e.taken[j])
				continue
			}
			if j := slices.IndexFunc(e.known, func(d night.Dose) bool { return d.Label() == o.ID }); j >= 0 {
				out = append(out, night.Dose{Name: e.known[j].Name, Amount: e.known[j].Amount})
			}
		}
	}
	if fl := e.form.Field(alsoTakenKey); fl != nil && strings.TrimSpace(fl.Value()) != "" {
		also := strings.TrimSpace(fl.Value())
		name, amount := journal.SplitDose(also)
		out = append(out, night.Dose{Name: name, Amount: amount})
	}
	changed := len(out) != len(e.taken)
	for i := range out {
		changed = changed || out[i].At.IsZero()
	}
	return out, changed
}
