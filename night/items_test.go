package night

import (
	"strings"
	"testing"
)

func TestParseTemp(t *testing.T) {
	tests := []struct {
		in, unit string
		want     float64
		err      string
	}{
		{"18.5", Celsius, 18.5, ""},
		{"18,5", Celsius, 18.5, ""},
		{"65", Fahrenheit, 18.3, ""},
		{"65F", Celsius, 18.3, ""},
		{"19 °C", Fahrenheit, 19, ""},
		{"0", Celsius, 0, ""},
		{"41", Celsius, 0, "outside"},
		{"20", Fahrenheit, 0, "outside"},
		{"warm", Celsius, 0, "not a temperature"},
		{"NaN", Celsius, 0, "not a temperature"},
	}
	for _, tt := range tests {
		got, err := ParseTemp(tt.in, tt.unit)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseTemp(%q, %s) = %v, %v; want %q", tt.in, tt.unit, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseTemp(%q, %s) = %v, %v; want %v", tt.in, tt.unit, got, err, tt.want)
		}
	}
	if s := FormatTemp(18.3, Fahrenheit); s != "64.9 °F" {
		t.Errorf("FormatTemp(18.3, F) = %q", s)
	}
	if s := FormatTemp(18.5, ""); s != "18.5 °C" {
		t.Errorf("FormatTemp(18.5) = %q", s)
	}
}

func TestSettingsBeddingUnitAndTaken(t *testing.T) {
	s, err := parseSettings("f", []byte(`temperature_unit = "f"
[[checklist]]
id = "iron"
label = "Iron"
kind = "remedy"
taken = ["iron", "Ferrous"]
[[bedding]]
id = "duvet"
label = "Duvet"
`), Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if s.TempUnit != Fahrenheit || s.BeddingLabel("duvet") != "Duvet" || s.BeddingLabel("gone") != "gone" {
		t.Errorf("settings %+v", s)
	}
	if ids := s.AnsweredBy("ferrous sulfate"); len(ids) != 1 || ids[0] != "iron" {
		t.Errorf("AnsweredBy = %v", ids)
	}
	for _, bad := range []string{`temperature_unit = "K"`, "[[bedding]]\nid = \"A\"\nlabel = \"x\"",
		"[[bedding]]\nid = \"a\"\nlabel = \"x\"\n[[bedding]]\nid = \"a\"\nlabel = \"y\"",
		"[[checklist]]\nid = \"a\"\nlabel = \"x\"\ntaken = [\"\"]"} {
		if _, err := parseSettings("f", []byte(bad), Settings{}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestLabValidate(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		lab   Lab
		field Field
	}{
		{Lab{Date: "2026-11-01", Ferritin: f(48)}, ""},
		{Lab{Date: "2026-11-01", Note: "pending"}, ""},
		{Lab{Date: "2026-11-01"}, FieldLabFerritin},
		{Lab{Date: "2026-11-31", Ferritin: f(48)}, FieldLabDate},
		{Lab{Date: "2026-11-01", Ferritin: f(-1)}, FieldLabFerritin},
		{Lab{Date: "2026-11-01", TSAT: f(101)}, FieldLabTSAT},
	}
	for _, tt := range tests {
		err := tt.lab.Validate()
		if es := AsFieldErrors(err); (tt.field == "" && err != nil) || (tt.field != "" && es.Find(tt.field) == nil) {
			t.Errorf("%+v: %v, want error at %q", tt.lab, err, tt.field)
		}
	}
}
