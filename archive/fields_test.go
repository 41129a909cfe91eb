package archive

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// fieldsRecord is a night with every item export version 2 added.
func fieldsRecord() (night.Record, []night.Lab) {
	cet := time.FixedZone("", 3600)
	yes, temp, worst, lasted := true, 18.5, 7, 45
	fer, tsat := 48.0, 22.5
	c := night.Checkin{Night: "2026-11-22",
		InBed: time.Date(2026, 11, 22, 22, 0, 0, 0, cet), TriedSleep: time.Date(2026, 11, 22, 22, 30, 0, 0, cet),
		LatencyMin: 20, FinalWake: time.Date(2026, 11, 23, 6, 30, 0, 0, cet), OutOfBed: time.Date(2026, 11, 23, 6, 45, 0, 0, cet),
		Quality: 3, Rested: 3, RLSSeverity: 5, Onset: night.OnsetEvening,
		OnsetAt: time.Date(2026, 11, 22, 20, 15, 0, 0, cet), Side: night.SideAlternating, Arms: &yes,
		Worst: &worst, LastedMin: &lasted, Partner: night.PartnerNone}
	e := night.Evening{Night: "2026-11-22", Tags: []string{"iron"}, RoomTempC: &temp, Bedding: "heavy"}
	taken := []night.Dose{
		{Night: "2026-11-22", Name: "iron", Amount: "65 mg", At: time.Date(2026, 11, 22, 19, 0, 0, 0, cet)},
		{Night: "2026-11-22", Name: "magnesium", At: time.Date(2026, 11, 22, 21, 30, 0, 0, cet)},
	}
	return night.Record{Night: "2026-11-22", Evening: &e, Checkin: &c, Taken: taken},
		[]night.Lab{{Date: "2026-10-01", Ferritin: &fer, TSAT: &tsat, Note: "fasting"}, {Date: "2026-11-01", Note: "awaiting"}}
}

func TestExportVersion2RoundTripsEveryItem(t *testing.T) {
	rec, labs := fieldsRecord()
	var buf bytes.Buffer
	if err := WriteJSONWithLabs(&buf, []night.Record{rec}, labs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"version": 2`, `"onset_at": "2026-11-22T20:15:00+01:00"`, `"side": "alternating"`,
		`"arms": true`, `"worst": 7`, `"lasted_min": 45`, `"partner_noticed": "none"`, `"room_temp_c": 18.5`,
		`"bedding": "heavy"`, `"taken": [`, `"amount": "65 mg"`, `"at": "2026-11-22T19:00:00+01:00"`,
		`"labs": [`, `"ferritin": 48`, `"tsat": 22.5`, `"ferritin": null`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	doc, err := ReadExport(&buf, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Labs, labs) {
		t.Errorf("labs = %+v, want %+v", doc.Labs, labs)
	}
	got := doc.Nights[0]
	c, w := got.Checkin, rec.Checkin
	if !c.OnsetAt.Equal(w.OnsetAt) || c.Side != w.Side || !reflect.DeepEqual(c.Arms, w.Arms) ||
		!reflect.DeepEqual(c.Worst, w.Worst) || !reflect.DeepEqual(c.LastedMin, w.LastedMin) || c.Partner != w.Partner {
		t.Errorf("check-in = %+v, want %+v", *c, *w)
	}
	if !reflect.DeepEqual(got.Evening.RoomTempC, rec.Evening.RoomTempC) || got.Evening.Bedding != "heavy" {
		t.Errorf("evening = %+v", *got.Evening)
	}
	if len(got.Taken) != 2 || got.Taken[0].Label() != "iron 65 mg" || !got.Taken[1].At.Equal(rec.Taken[1].At) {
		t.Errorf("taken = %+v", got.Taken)
	}
}

// TestUnsaidItemsAreAbsent: an item not said is left out of the export
// and reads back unset, never as 0 or false.
func TestUnsaidItemsAreAbsent(t *testing.T) {
	rec, _ := fieldsRecord()
	c, e := *rec.Checkin, *rec.Evening
	c.OnsetAt, c.Side, c.Arms, c.Worst, c.LastedMin, c.Partner = time.Time{}, "", nil, nil, nil, ""
	e.RoomTempC, e.Bedding = nil, ""
	rec.Checkin, rec.Evening, rec.Taken = &c, &e, nil
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []night.Record{rec}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"onset_at", "side", "arms", "worst", "lasted_min", "partner_noticed", "room_temp_c", "bedding", "taken", "labs"} {
		if strings.Contains(buf.String(), `"`+key+`"`) {
			t.Errorf("export has %q for an item not said", key)
		}
	}
	back, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := back[0].Checkin; b.Arms != nil || b.Worst != nil || b.LastedMin != nil || !b.OnsetAt.IsZero() || back[0].Evening.RoomTempC != nil {
		t.Errorf("read back %+v", *b)
	}
}

func TestVersion1ReadsWithoutNewItems(t *testing.T) {
	doc, err := ReadExport(strings.NewReader(`{"format":"quietlegs-export","version":1,"nights":[{"night":"2026-11-22",
		"evening":{"symptoms":3,"tags":[],"note":""}}]}`), "")
	if err != nil || len(doc.Labs) != 0 || doc.Nights[0].Evening.RoomTempC != nil || doc.Nights[0].Taken != nil {
		t.Errorf("version 1: %+v, %v", doc, err)
	}
}

func TestImportRefusesBadNewItems(t *testing.T) {
	base := `{"format":"quietlegs-export","version":2,"nights":[{"night":"2026-11-22",%s}]%s}`
	checkin := `"checkin":{"in_bed":"2026-11-22T22:00:00+01:00","tried_sleep":"2026-11-22T22:30:00+01:00","latency_min":10,
		"awakenings":0,"awake_min":0,"final_wake":"2026-11-23T06:30:00+01:00","out_of_bed":"2026-11-23T06:45:00+01:00",
		"quality":3,"rested":3,"rls_severity":4,"onset":"bedtime","got_up":0,"notes":""%s}`
	tests := []struct{ name, night, labs, want string }{
		{"onset time against the category", strings.Replace(checkin, "%s", `,"onset_at":"2026-11-22T15:00:00+01:00"`, 1), "", "onset_at"},
		{"side", strings.Replace(checkin, "%s", `,"side":"up"`, 1), "", "side"},
		{"worst out of range", strings.Replace(checkin, "%s", `,"worst":11`, 1), "", "worst"},
		{"partner", strings.Replace(checkin, "%s", `,"partner_noticed":"maybe"`, 1), "", "partner_noticed"},
		{"room too hot", `"evening":{"symptoms":null,"tags":[],"note":"","room_temp_c":60}`, "", "room-temp"},
		{"dose without a name", `"taken":[{"name":"","amount":"","at":"2026-11-22T20:00:00+01:00"}]`, "", "taken[0].name"},
		{"dose without a time", `"taken":[{"name":"iron","amount":"","at":""}]`, "", "taken[0].at"},
		{"tsat over 100", `"evening":null`, `,"labs":[{"date":"2026-11-01","ferritin":null,"tsat":140,"note":""}]`, "labs[0]"},
		{"a date twice", `"evening":null`, `,"labs":[{"date":"2026-11-01","ferritin":30,"tsat":null,"note":""},{"date":"2026-11-01","ferritin":31,"tsat":null,"note":""}]`, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(strings.Replace(base, "%s", tt.night, 1), "%s", tt.labs, 1)
			_, err := ReadExport(strings.NewReader(in), "")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one naming %s", err, tt.want)
			}
		})
	}
}

func TestCSVAppendsVersion2Columns(t *testing.T) {
	rec, _ := fieldsRecord()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []night.Record{rec}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	first := slices.Index(rows[0], "evening_checklist_answered")
	want := map[string]string{"onset_at": "2026-11-22T20:15:00+01:00", "side": "alternating", "arms": "true", "worst": "7",
		"lasted_min": "45", "partner_noticed": "none", "room_temp_c": "18.5", "bedding": "heavy",
		"taken": "iron 65 mg at 2026-11-22T19:00:00+01:00;magnesium at 2026-11-22T21:30:00+01:00"}
	for col, v := range want {
		i := slices.Index(rows[0], col)
		if i <= first || rows[1][i] != v {
			t.Errorf("column %s at %d = %q, want %q after the first release's columns", col, i, rows[1][max(i, 0)], v)
		}
	}
}
