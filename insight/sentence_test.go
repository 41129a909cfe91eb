package insight

import (
	"strings"
	"testing"
)

func TestSentence(t *testing.T) {
	caf := Factor{"caffeine", "Caffeine after noon"}
	rt := Factor{RoutineID, RoutineLabel}
	tests := []struct {
		name string
		f    Finding
		want string
	}{
		{
			name: "higher, interval clear of zero",
			f: Finding{Factor: caf, Measure: Symptoms, With: Side{N: 12}, Without: Side{N: 20},
				Diff: 1.8, Low: 0.6, High: 3.0, Enough: true},
			want: "On nights with caffeine after noon, your leg symptoms the next morning averaged 1.8 points higher (12 nights) than on nights without (20 nights); 95 % interval 0.6 to 3.0 points.",
		},
		{
			name: "routine, efficiency in percentage points",
			f: Finding{Factor: rt, Measure: Efficiency, With: Side{N: 15}, Without: Side{N: 20},
				Diff: 4.2, Low: 1.14, High: 7.26, Enough: true},
			want: "On nights you completed the routine, your sleep efficiency averaged 4.2 percentage points higher (15 nights) than on nights you did not complete it (20 nights); 95 % interval 1.1 to 7.3 percentage points.",
		},
		{
			name: "lower, interval spans zero",
			f: Finding{Factor: caf, Measure: Symptoms, With: Side{N: 6}, Without: Side{N: 30},
				Diff: -0.7, Low: -1.9, High: 0.5, Enough: true},
			want: "On nights with caffeine after noon, your leg symptoms the next morning averaged 0.7 points lower (6 nights) than on nights without (30 nights); 95 % interval -1.9 to 0.5 points; the interval includes no difference, so this may be chance.",
		},
		{
			name: "about the same",
			f: Finding{Factor: rt, Measure: Efficiency, With: Side{N: 40}, Without: Side{N: 41},
				Diff: -0.04, Low: -2.3, High: 2.2, Enough: true},
			want: "On nights you completed the routine, your sleep efficiency averaged about the same (40 nights) as on nights you did not complete it (41 nights); 95 % interval -2.3 to 2.2 percentage points; the interval includes no difference, so this may be chance.",
		},
		{
			name: "just above about the same, no minus zero",
			f: Finding{Factor: caf, Measure: Symptoms, With: Side{N: 9}, Without: Side{N: 9},
				Diff: 0.05, Low: -0.04, High: 0.14, Enough: true},
			want: "On nights with caffeine after noon, your leg symptoms the next morning averaged 0.1 points higher (9 nights) than on nights without (9 nights); 95 % interval 0.0 to 0.1 points; the interval includes no difference, so this may be chance.",
		},
		{
			name: "acronym label keeps its capitals",
			f: Finding{Factor: Factor{"tv", "TV after 9 pm"}, Measure: Symptoms, With: Side{N: 5}, Without: Side{N: 5},
				Diff: 2, Low: 2, High: 2, Enough: true},
			want: "On nights with TV after 9 pm, your leg symptoms the next morning averaged 2.0 points higher (5 nights) than on nights without (5 nights); 95 % interval 2.0 to 2.0 points.",
		},
		{
			name: "not enough",
			f:    Finding{Factor: caf, Measure: Symptoms, With: Side{N: 3}, Without: Side{N: 20}, Diff: 3, Low: 3, High: 3},
			want: "Caffeine after noon: not enough nights yet (3 with, 20 without; 5 of each needed).",
		},
		{
			name: "not enough, removed item labelled by id",
			f:    Finding{Factor: Factor{"legs-up", "legs-up"}, Measure: Efficiency, With: Side{N: 7}, Without: Side{N: 1}},
			want: "Legs-up: not enough nights yet (7 with, 1 without; 5 of each needed).",
		},
		{
			name: "not enough routine",
			f:    Finding{Factor: rt, Measure: Symptoms, Without: Side{N: 13}},
			want: "Routine completed: not enough nights yet (0 with, 13 without; 5 of each needed).",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Sentence(); got != tt.want {
				t.Errorf("Sentence()\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestStrength(t *testing.T) {
	tests := []struct {
		f    Finding
		want float64
	}{
		{Finding{Diff: -2, SE: 0.5}, 4},
		{Finding{Diff: 0, SE: 0}, 0},
		{Finding{Diff: 0.3, SE: 0}, posInf},
	}
	for _, tt := range tests {
		if got := tt.f.Strength(); got != tt.want {
			t.Errorf("Strength(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}

func TestShownSaysNotEnoughOnce(t *testing.T) {
	f := func(id string, m Measure, enough bool) Finding {
		var x Finding
		x.Factor.ID, x.Measure, x.Enough = id, m, enough
		return x
	}
	got := Shown([]Finding{
		f("caffeine", Symptoms, true), f("caffeine", Efficiency, false),
		f("alcohol", Symptoms, false), f("alcohol", Efficiency, false),
	})
	var ids []string
	for _, x := range got {
		ids = append(ids, x.Factor.ID+"/"+string(x.Measure))
	}
	if want := "caffeine/symptoms caffeine/efficiency alcohol/symptoms"; strings.Join(ids, " ") != want {
		t.Errorf("shown %v, want %s", ids, want)
	}
}
