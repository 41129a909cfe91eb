package ui

import (
	"slices"
	"strconv"
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

// doseOptions are tonight's doses (ticked), each its own even when two
// read alike, and those remembered from earlier nights not taken tonight,
// each once: one key ticks "iron 65 mg" again. An option's ID is "t" or
// "k" and the dose's index in tonight or known.
func doseOptions(tonight, known []night.Dose) (opts []form.Option, checked []bool) {
	seen := map[string]bool{}
	for i, d := range tonight {
		// Imported words may hold control characters: shown as text.
		opts = append(opts, form.Option{Label: termsafe.Line(d.Label()) + " (" + d.At.Format("15:04") + ")", ID: "t" + strconv.Itoa(i)})
		checked = append(checked, true)
		seen[d.Label()] = true
	}
	for i, d := range known {
		if !seen[d.Label()] {
			seen[d.Label()] = true
			opts = append(opts, form.Option{Label: termsafe.Line(d.Label()), ID: "k" + strconv.Itoa(i)})
			checked = append(checked, false)
		}
	}
	return opts, checked
}

// doseOf is the dose an option of doseOptions stands for, and whether it
// is one of tonight's.
func doseOf(id string, tonight, known []night.Dose) (night.Dose, bool, bool) {
	i, err := strconv.Atoi(id[1:])
	switch {
	case err != nil:
	case id[0] == 't' && i < len(tonight):
		return tonight[i], true, true
	case id[0] == 'k' && i < len(known):
		return night.Dose{Name: known[i].Name, Amount: known[i].Amount}, false, true
	}
	return night.Dose{}, false, false
}

// roomFields are the evening form's "Taken tonight" list, a line for
// something else taken, the bedroom's temperature and the bedding.
func (e *evening) roomFields(old night.Evening) []*form.Field {
	var fields []*form.Field
	// A dose ticked here is taken now: that belongs to tonight's log, not
	// to a past night's opened from history.
	if !e.editing && !e.takenUnread {
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

// readTaken is how the form changes what was taken tonight: the doses it
// showed ticked and are now unticked (removed), and those ticked anew or
// typed, to be taken now (added). Doses it did not show are not its to
// change.
func (e *evening) readTaken() (removed, added []night.Dose) {
	if fl := e.form.Field(takenKey); fl != nil {
		for i, o := range fl.Options() {
			d, tonight, ok := doseOf(o.ID, e.taken, e.known)
			switch {
			case !ok:
			case tonight && !fl.Checked(i):
				removed = append(removed, d)
			case !tonight && fl.Checked(i):
				added = append(added, d)
			}
		}
	}
	if fl := e.form.Field(alsoTakenKey); fl != nil && strings.TrimSpace(fl.Value()) != "" {
		name, amount := journal.SplitDose(strings.TrimSpace(fl.Value()))
		added = append(added, night.Dose{Name: name, Amount: amount})
	}
	return removed, added
}
