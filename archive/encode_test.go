package archive

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// fill sets every field of v, pointers and lists included, to a value that
// is not its zero, by reflection: a field added to nightJSON that
// nightEncoder does not write shows up as a difference.
func fill(v reflect.Value, s string, n int) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), s, n+i)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s, n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), s, n+i)
		}
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(float64(n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic("fill: no value for " + v.Kind().String())
	}
}

// indented is how encoding/json writes n in the document.
func indented(t *testing.T, n *nightJSON) []byte {
	t.Helper()
	b, err := json.MarshalIndent(n, nightPrefix, indent)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNightEncoder(t *testing.T) {
	full := func(s string) nightJSON {
		var n nightJSON
		fill(reflect.ValueOf(&n).Elem(), s, 1)
		return n
	}
	tiny := full("x")
	tiny.Runs[0].Steps[0].PlannedS, tiny.Runs[0].Steps[0].ActualS = 1e-7, 1e21
	tiny.Runs[1].Steps = []stepJSON{}
	tests := []struct {
		name string
		n    nightJSON
	}{
		{"every field", full("2026-11-22T21:04:05+01:00")},
		{"escapes", full("<b>&\"é\\\n\u2028\xff")},
		{"floats encoding/json writes with exponents; an empty list", tiny},
		{"nothing but the night", nightJSON{Night: "2026-11-22"}},
		{"empty lists", nightJSON{Night: "2026-11-22", Events: []eventJSON{},
			Evening: &eveningJSON{Tags: []string{}}, Routine: &runJSON{Steps: []stepJSON{}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendNight(nil, &tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if want := indented(t, &tt.n); !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestNightEncoderRefusesNaN(t *testing.T) {
	nan := math.NaN()
	n := nightJSON{Night: "2026-11-22", Evening: &eveningJSON{RoomTempC: &nan}}
	if _, err := appendNight(nil, &n); err == nil {
		t.Error("a NaN room temperature was written")
	}
}
