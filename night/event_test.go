package night

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestBandOf(t *testing.T) {
	want := map[int]Band{0: Mild, 1: Mild, 3: Mild, 4: Moderate, 6: Moderate, 7: Severe, 10: Severe}
	for sev, b := range want {
		if got := BandOf(sev); got != b {
			t.Errorf("BandOf(%d) = %s, want %s", sev, got, b)
		}
	}
}

func num(n int) *int { return &n }

func TestEventValidate(t *testing.T) {
	at := time.Date(2026, 11, 23, 2, 10, 0, 0, time.FixedZone("", 3600))
	ok := Event{Night: "2026-11-22", At: at, Severity: 7,
		Tried: []Tried{{ID: "walk", Minutes: num(10)}, {ID: "stretch"}}, SeverityAfter: num(3), Helped: HelpedALot}
	tests := []struct {
		name  string
		edit  func(*Event)
		field Field // "" for valid
	}{
		{"valid", func(*Event) {}, ""},
		{"unanswered", func(e *Event) { e.SeverityAfter, e.Helped, e.Tried = nil, "", nil }, ""},
		{"no night", func(e *Event) { e.Night = "" }, FieldNight},
		{"no time", func(e *Event) { e.At = time.Time{} }, FieldAt},
		{"severity 11", func(e *Event) { e.Severity = 11 }, FieldSeverity},
		{"severity -1", func(e *Event) { e.Severity = -1 }, FieldSeverity},
		{"after 11", func(e *Event) { e.SeverityAfter = num(11) }, FieldAfter},
		{"helped maybe", func(e *Event) { e.Helped = "maybe" }, FieldHelped},
		{"bad id", func(e *Event) { e.Tried = []Tried{{ID: "Walk"}} }, FieldMeasure},
		{"negative minutes", func(e *Event) { e.Tried = []Tried{{ID: "walk", Minutes: num(-1)}} }, FieldMeasure},
		{"a day and a minute", func(e *Event) { e.Tried = []Tried{{ID: "walk", Minutes: num(MaxTriedMinutes + 1)}} }, FieldMeasure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.edit(&e)
			err := e.Validate()
			var fe *FieldError
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("Validate = %v, want nil", err)
			case tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field):
				t.Fatalf("Validate = %v, want an error naming %s", err, tt.field)
			}
		})
	}
}

func TestSuggestedGotUp(t *testing.T) {
	tried := []Tried{{ID: "walk"}}
	tests := []struct {
		name string
		es   []Event
		want int
	}{
		{"none", nil, 0},
		{"one tried", []Event{{Tried: tried}}, 1},
		// Sat out in bed, nothing tried: not counted as getting up.
		{"two tried, one sat out", []Event{{Tried: tried}, {}, {Tried: tried}}, 2},
	}
	for _, tt := range tests {
		if got := SuggestedGotUp(tt.es); got != tt.want {
			t.Errorf("%s: SuggestedGotUp = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestSortEventsByInstant(t *testing.T) {
	// 02:30 at +02:00 is 00:30 UTC, before 01:45 at +01:00 (00:45 UTC).
	a := Event{At: time.Date(2026, 10, 25, 2, 30, 0, 0, time.FixedZone("", 7200))}
	b := Event{At: time.Date(2026, 10, 25, 1, 45, 0, 0, time.FixedZone("", 3600))}
	es := []Event{b, a}
	SortEvents(es)
	if es[0].At != a.At {
		t.Errorf("sorted %v, want the 02:30 (+02:00) first", es)
	}
}

const toolkitDefaults = defaults + `
[[toolkit.mild]]
id = "stretch"
routine = "relief-stretch"

[[toolkit.moderate]]
id = "walk"
label = "Walk around the house"
minutes = 5

[[toolkit.severe]]
id = "cold"
routine = "relief-cool"
`

func TestLoadSettingsToolkit(t *testing.T) {
	tests := []struct {
		name string
		file string
		// mild, moderate, severe: the ids of each band
		want [3]string
		err  string
	}{
		{"defaults", "", [3]string{"stretch", "walk", "cold"}, ""},
		{"a band replaced, the rest kept", "[[toolkit.severe]]\nid = \"press\"\nlabel = \"Press the calves\"\nminutes = 1\n",
			[3]string{"stretch", "walk", "press"}, ""},
		{"a band emptied", "[toolkit]\nmild = []\n", [3]string{"", "walk", "cold"}, ""},
		{"no label or routine", "[[toolkit.mild]]\nid = \"x\"\n", [3]string{}, "toolkit.mild[1]: give a label"},
		{"routine with minutes", "[[toolkit.mild]]\nid = \"x\"\nroutine = \"quick\"\nminutes = 3\n", [3]string{}, "toolkit.mild[1].minutes"},
		{"too long", "[[toolkit.moderate]]\nid = \"x\"\nlabel = \"X\"\nminutes = 90\n", [3]string{}, "toolkit.moderate[1].minutes: 90"},
		{"twice in a band", "[[toolkit.mild]]\nid = \"x\"\nlabel = \"X\"\n[[toolkit.mild]]\nid = \"x\"\nlabel = \"Y\"\n", [3]string{}, "listed twice"},
		{"bad id", "[[toolkit.mild]]\nid = \"X\"\nlabel = \"X\"\n", [3]string{}, "toolkit.mild[1].id"},
		{"unknown band", "[[toolkit.awful]]\nid = \"x\"\nlabel = \"X\"\n", [3]string{}, `unknown key "toolkit.awful"`},
		{"control characters", "[[toolkit.mild]]\nid = \"x\"\nlabel = \"a\\u001b[2Jb\"\n", [3]string{}, "toolkit.mild[1].label"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := loadFile(t, toolkitDefaults, tt.file, tt.err)
			if !ok {
				return
			}
			var got [3]string
			for i, b := range Bands {
				var ids []string
				for _, e := range s.Toolkit.Band(b) {
					ids = append(ids, e.ID)
				}
				got[i] = strings.Join(ids, ",")
			}
			if got != tt.want {
				t.Errorf("toolkit %v, want %v", got, tt.want)
			}
		})
	}
}
