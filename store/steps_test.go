package store

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func TestStepTitlesReadBackExactly(t *testing.T) {
	titles := []string{
		"", "plain", `say "hi"`, `back\slash`, `\"`, "],[", `[1,"x",2,3,"done"]`, "tab\there\nnewline",
		"nul\x00byte", "Wadenmuskel dehnen 🦵", "ünïcödé \u2028 line separator", "\x7f\x01", "\\u0041",
	}
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	start := time.Date(2026, 11, 22, 22, 0, 0, 0, time.UTC)
	id, err := s.StartRun(ctx, testNewSession(start))
	if err != nil {
		t.Fatal(err)
	}
	var steps []routine.StepResult
	for i, title := range titles {
		steps = append(steps, routine.StepResult{Index: i, Title: title, Planned: time.Duration(i) * 90 * time.Hour,
			Actual: time.Duration(i) * time.Millisecond, Status: routine.StepSkipped})
	}
	if err := s.Checkpoint(ctx, id, night.Checkpoint{Steps: steps, CurrentStep: len(steps),
		Status: routine.Completed, EndedAt: start.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Run(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Steps, steps) {
		t.Errorf("Session steps\n got %+v\nwant %+v", got.Steps, steps)
	}
	recs, err := s.Nights(ctx, "", "")
	if err != nil || len(recs) != 1 || len(recs[0].Runs) != 1 {
		t.Fatalf("Nights = %+v, %v", recs, err)
	}
	if !reflect.DeepEqual(recs[0].Runs[0].Steps, steps) {
		t.Errorf("Nights steps\n got %+v\nwant %+v", recs[0].Runs[0].Steps, steps)
	}
}

func TestParseSteps(t *testing.T) {
	tests := []struct {
		in      string
		want    []routine.StepResult
		wantErr string
	}{
		{in: `[]`},
		{in: `[[0,"a",1000,2000,"done"]]`, want: []routine.StepResult{
			{Index: 0, Title: "a", Planned: time.Second, Actual: 2 * time.Second, Status: routine.StepDone}}},
		{in: `[[1,"b\"c",0,0,"skipped"],[0,"",5,-1,"done"]]`, want: []routine.StepResult{
			{Index: 0, Title: "", Planned: 5 * time.Millisecond, Actual: -time.Millisecond, Status: routine.StepDone},
			{Index: 1, Title: `b"c`, Status: routine.StepSkipped}}},
		{in: ``, wantErr: "byte 0"},
		{in: `[`, wantErr: "want '['"},
		{in: `[[0,"a",1,2,"done"]`, wantErr: "want ']'"},
		{in: `[[0,"a",1,2,"done"]]x`, wantErr: "text after the array"},
		{in: `[[x,"a",1,2,"done"]]`, wantErr: "want an integer"},
		{in: `[[0,a,1,2,"done"]]`, wantErr: "want a string"},
		{in: `[[0,"a,1,2,done]]`, wantErr: "unterminated string"},
		{in: `[[0,"\q",1,2,"done"]]`, wantErr: "invalid character"},
		{in: `[[0,"a",99999999999999999999,2,"done"]]`, wantErr: "want an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSteps(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("parseSteps = %v, %v; want an error saying %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseSteps = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
