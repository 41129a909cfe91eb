package routine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// oneStep is a routine file with one step whose kind-specific keys are body.
// Line 3 is [[steps]]; body starts on line 6.
func oneStep(kind, body string) string {
	return "title = \"Calm\"\n\n[[steps]]\ntitle = \"S\"\ninstruction = \"Do it.\"\nkind = \"" + kind + "\"\n" + body
}

func TestParseErrors(t *testing.T) {
	tooManySteps := "title = \"Calm\"\n" + strings.Repeat("[[steps]]\ntitle = \"S\"\ninstruction = \"I\"\nkind = \"hold\"\nseconds = 1\n", MaxSteps+1)
	tests := []struct {
		name, file, doc string
		want            []string // each must be one line of the error
	}{
		{"syntax error", "calm.toml", "title = \"Calm\"\n[[steps]]\ntitle = \n", []string{"calm.toml:3:9: syntax error: unexpected character U+000A at start of value"}},
		{"unknown top-level key", "calm.toml", "titel = \"Calm\"\n", []string{`calm.toml:1:1: unknown key "titel" at the top level (did you mean "title"?)`}},
		{"unknown step key", "calm.toml", oneStep("hold", "secnds = 30\n"), []string{`calm.toml:7:1: unknown key "secnds" in steps[1] (did you mean "seconds"?)`, "calm.toml:3: steps[1]: missing length"}},
		{"unknown phase key", "calm.toml", oneStep("interval", "[[steps.phases]]\nname = \"warm\"\n  secs = 3\n"), []string{`calm.toml:9:3: unknown key "secs" in steps[1].phases[1]`}},
		{"unknown key in an inline step", "calm.toml", "title = \"Calm\"\nsteps = [{ title = \"S\", kind = \"hold\", instruction = \"I\", seconds = 3, colour = 1 }]\n", []string{`calm.toml:2:72: unknown key "colour" in steps[1]`}},
		{"unknown table", "calm.toml", oneStep("hold", "seconds = 3\n[extra]\n"), []string{`calm.toml:8:2: unknown key "extra" at the top level`}},
		{"cue for no group", "calm.toml", oneStep("tense-release", "groups = [\"calves\"]\ntense = 5\nrelease = 20\ncues = { calvs = \"Pull.\" }\n"), []string{`calm.toml:10: steps[1].cues.calvs: no group "calvs" in groups`}},
		{"zero seconds", "calm.toml", oneStep("hold", "seconds = 0\n"), []string{"calm.toml:7: steps[1].seconds: must be more than 0 (got 0)"}},
		{"negative minutes", "calm.toml", oneStep("hold", "minutes = -5\n"), []string{"calm.toml:7: steps[1].minutes: must be more than 0 (got -5)"}},
		{"zero tense, negative release", "calm.toml", oneStep("tense-release", "groups = [\"feet\"]\ntense = 0\nrelease = -1\n"), []string{"calm.toml:8: steps[1].tense: must be more than 0 (got 0)", "calm.toml:9: steps[1].release: must be more than 0 (got -1)"}},
		{"zero inhale and exhale", "calm.toml", oneStep("breathing", "inhale = 0\nexhale = 0\ncycles = 3\n"), []string{"calm.toml:7: steps[1].inhale: must be more than 0 (got 0)", "calm.toml:8: steps[1].exhale: must be more than 0 (got 0)"}},
		{"negative holds", "calm.toml", oneStep("breathing", "inhale = 4\nhold = -1\nexhale = 6\nhold_after = -2\ncycles = 3\n"), []string{"calm.toml:8: steps[1].hold: must be 0 or more (got -1)", "calm.toml:10: steps[1].hold_after: must be 0 or more (got -2)"}},
		{"zero phase seconds", "calm.toml", oneStep("interval", "[[steps.phases]]\nname = \"warm\"\nseconds = 0\n"), []string{"calm.toml:9: steps[1].phases[1].seconds: must be more than 0 (got 0)"}},
		{"zero rounds", "calm.toml", oneStep("hold", "seconds = 30\nrounds = 0\n"), []string{"calm.toml:8: steps[1].rounds: must be more than 0 (got 0)"}},
		{"negative interval cycles", "calm.toml", oneStep("interval", "cycles = -1\n[[steps.phases]]\nname = \"warm\"\nseconds = 3\n"), []string{"calm.toml:7: steps[1].cycles: must be more than 0 (got -1)"}},
		{"zero breathing cycles", "calm.toml", oneStep("breathing", "inhale = 4\nexhale = 6\ncycles = 0\n"), []string{"calm.toml:9: steps[1].cycles: must be more than 0 (got 0)"}},
		{"missing routine title", "calm.toml", "[[steps]]\ntitle = \"S\"\ninstruction = \"I\"\nkind = \"hold\"\nseconds = 3\n", []string{"calm.toml: missing title"}},
		{"missing step title", "calm.toml", "title = \"Calm\"\n[[steps]]\ninstruction = \"I\"\nkind = \"hold\"\nseconds = 3\n", []string{"calm.toml:2: steps[1]: missing title"}},
		{"missing instruction", "calm.toml", "title = \"Calm\"\n[[steps]]\ntitle = \"S\"\nkind = \"hold\"\nseconds = 3\n", []string{"calm.toml:2: steps[1]: missing instruction"}},
		{"instruction on two lines", "calm.toml", oneStep("hold", "seconds = 3\n") + "[[steps]]\ntitle = \"T\"\nkind = \"hold\"\nseconds = 3\ninstruction = \"\"\"one\ntwo\"\"\"\n", []string{"calm.toml:12: steps[2].instruction: must be one line"}},
		{"no steps", "calm.toml", "title = \"Calm\"\n", []string{"calm.toml: no steps: add at least one [[steps]] table"}},
		{"ready step with a length", "calm.toml", oneStep("ready", "seconds = 90\n"), []string{"calm.toml:7: steps[1].seconds: not used by a ready step"}},
		{"unknown kind", "calm.toml", oneStep("stretch", "seconds = 3\n"), []string{`calm.toml:6: steps[1].kind: unknown step kind "stretch" (want hold, interval, tense-release, breathing or ready)`}},
		{"missing kind", "calm.toml", "title = \"Calm\"\n[[steps]]\ntitle = \"S\"\ninstruction = \"I\"\n", []string{"calm.toml:2: steps[1]: missing kind"}},
		{"seconds and minutes", "calm.toml", oneStep("hold", "seconds = 30\nminutes = 1\n"), []string{"calm.toml:8: steps[1].minutes: give seconds or minutes, not both"}},
		{"hold without length", "calm.toml", oneStep("hold", "sides = [\"left\"]\n"), []string{"calm.toml:3: steps[1]: missing length"}},
		{"breathing without length", "calm.toml", oneStep("breathing", "inhale = 4\nexhale = 6\n"), []string{"calm.toml:3: steps[1]: missing length: give one of minutes, seconds or cycles"}},
		{"breathing with two lengths", "calm.toml", oneStep("breathing", "inhale = 4\nexhale = 6\nminutes = 5\ncycles = 30\n"), []string{"calm.toml:10: steps[1].cycles: give only one of minutes, seconds or cycles"}},
		{"interval without phases", "calm.toml", oneStep("interval", "cycles = 3\n"), []string{"calm.toml:3: steps[1]: no phases"}},
		{"tense-release without groups", "calm.toml", oneStep("tense-release", "tense = 5\nrelease = 20\n"), []string{"calm.toml:3: steps[1]: no groups"}},
		{"tense-release without tense", "calm.toml", oneStep("tense-release", "groups = [\"feet\"]\nrelease = 20\n"), []string{"calm.toml:3: steps[1]: missing tense"}},
		{"key of another kind", "calm.toml", oneStep("hold", "seconds = 3\ngroups = [\"feet\"]\n"), []string{"calm.toml:8: steps[1].groups: not used by a hold step"}},
		{"side listed twice", "calm.toml", oneStep("hold", "seconds = 3\nsides = [\"left\", \"left\"]\n"), []string{`calm.toml:8: steps[1].sides[2]: "left" is listed twice`}},
		{"empty side", "calm.toml", oneStep("hold", "seconds = 3\nsides = [\"left\", \" \"]\n"), []string{`calm.toml:8: steps[1].sides[2]: must not be empty`}},
		{"seconds over the cap", "calm.toml", oneStep("hold", "seconds = 14401\n"), []string{"calm.toml:7: steps[1].seconds: must be at most 14400 (got 14401)"}},
		{"step over 4 hours", "calm.toml", oneStep("hold", "minutes = 60\nrounds = 5\n"), []string{"calm.toml:3: steps[1]: too long: 5:00:00 (a step may last at most 4 hours)"}},
		{"step over 500 phases", "calm.toml", oneStep("hold", "seconds = 1\nsides = [\"left\", \"right\"]\nrounds = 300\n"), []string{"calm.toml:3: steps[1]: too many phases: 600 (at most 500)"}},
		{"routine over 8 hours", "calm.toml", oneStep("hold", "minutes = 240\n") + "[[steps]]\ntitle = \"T\"\ninstruction = \"I\"\nkind = \"hold\"\nminutes = 240\n[[steps]]\ntitle = \"U\"\ninstruction = \"I\"\nkind = \"hold\"\nseconds = 1\n", []string{"calm.toml: too long in total: 8:00:01 (at most 8 hours)"}},
		{"too many steps", "calm.toml", tooManySteps, []string{"calm.toml:2: steps: too many steps: 101 (at most 100)"}},
		{"text for a number", "calm.toml", oneStep("hold", "seconds = \"30\"\n"), []string{`calm.toml:7:11: steps[1].seconds: must be a whole number (got "30")`}},
		{"fraction for a number", "calm.toml", oneStep("hold", "seconds = 2.5\n"), []string{`calm.toml:7:11: steps[1].seconds: must be a whole number (got 2.5)`}},
		{"text for a list", "calm.toml", oneStep("hold", "seconds = 3\nsides = \"left\"\n"), []string{`calm.toml:8:9: steps[1].sides: must be a list in brackets`}},
		{"duplicate key", "calm.toml", oneStep("hold", "seconds = 3\nseconds = 4\n"), []string{"calm.toml:8:1: steps[1].seconds: key seconds is already defined"}},
		{"list for text", "calm.toml", "title = [\"Calm\"]\n", []string{"calm.toml:1:9: title: must be text in quotes (got a list)"}},
		{"bad file name", "Calm Evening.toml", oneStep("hold", "seconds = 3\n"), []string{`Calm Evening.toml: "Calm Evening" is not a usable routine name`}},
		{"not a .toml file", "calm.txt", oneStep("hold", "seconds = 3\n"), []string{`calm.txt: a routine file's name must end in .toml`}},
		{"file too large", "calm.toml", oneStep("hold", "seconds = 3\n") + strings.Repeat("#", maxFileSize), []string{"calm.toml: file is too large"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.file, []byte(tt.doc))
			if err == nil {
				t.Fatalf("Parse succeeded (%d steps), want an error", len(r.Steps))
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) holds no *FileError", err, err)
			}
			lines := strings.Split(err.Error(), "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || strings.HasPrefix(l, w)
				}
				if !found {
					t.Errorf("error lacks a line starting %q; got:\n%v", w, err)
				}
			}
		})
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	doc := oneStep("hold", "seconds = 0\nrounds = 0\ncolour = 1\n")
	_, err := Parse("calm.toml", []byte(doc))
	want := "calm.toml:7: steps[1].seconds: must be more than 0 (got 0)\n" +
		"calm.toml:8: steps[1].rounds: must be more than 0 (got 0)\n" +
		"calm.toml:9:1: unknown key \"colour\" in steps[1]"
	if err == nil || err.Error() != want {
		t.Errorf("error =\n%v\nwant\n%s", err, want)
	}
}

// show renders phases compactly for comparison.
func show(ph []Phase) []string {
	out := make([]string, len(ph))
	for i, p := range ph {
		out[i] = fmt.Sprintf("%s %s | %s | %s", p.Label, FormatDuration(p.Duration), p.Heading, p.Cue)
	}
	return out
}

func TestParseExpands(t *testing.T) {
	tests := []struct {
		name, body, kind string
		want             []string
	}{
		{"single hold", "seconds = 60\n", "hold", []string{"hold 1:00 |  | Begin."}},
		{"hold in minutes", "minutes = 5\n", "hold", []string{"hold 5:00 |  | Begin."}},
		{"hold in rounds", "seconds = 20\nrounds = 3\n", "hold", []string{
			"round 1 of 3 0:20 | round 1 of 3 | Round 1 of 3.", "round 2 of 3 0:20 | round 2 of 3 | Round 2 of 3.", "round 3 of 3 0:20 | round 3 of 3 | Round 3 of 3."}},
		{"hold per side and round", "seconds = 30\nsides = [\"Left\", \"right\"]\nrounds = 2\n", "hold", []string{
			"left side 0:30 | left · round 1 of 2 | Left side.", "right side 0:30 | right · round 1 of 2 | Switch to the right side.",
			"left side 0:30 | left · round 2 of 2 | Round 2 of 2: left side.", "right side 0:30 | right · round 2 of 2 | Switch to the right side."}},
		{"hold per side, one round", "seconds = 30\nsides = [\"left\", \"right\"]\n", "hold", []string{
			"left side 0:30 | left | Left side.", "right side 0:30 | right | Switch to the right side."}},
		{"tense-release, one side's groups then the other's", "groups = [\"foot\", \"calf\"]\nsides = [\"left\", \"right\"]\ntense = 5\nrelease = 25\ncues = { foot = \"Curl your toes upward, not down\" }\n", "tense-release", []string{
			"tense left foot 0:05 | tense your left foot | Curl your toes upward, not down.",
			"release 0:25 | release your left foot | Let go completely.",
			"tense left calf 0:05 | tense your left calf | ",
			"release 0:25 | release your left calf | Let go completely.",
			"tense right foot 0:05 | tense your right foot | Curl your toes upward, not down.",
			"release 0:25 | release your right foot | Let go completely.",
			"tense right calf 0:05 | tense your right calf | ",
			"release 0:25 | release your right calf | Let go completely."}},
		{"tense-release without sides", "groups = [\"thighs\"]\ntense = 7\nrelease = 30\n", "tense-release", []string{
			"tense thighs 0:07 | tense your thighs | ", "release 0:30 | release your thighs | Let go completely."}},
		{"tense-release with a group of two words", "groups = [\"Lower back\"]\nsides = [\"right\"]\ntense = 5\nrelease = 10\n", "tense-release", []string{
			"tense right lower back 0:05 | tense your right lower back | ", "release 0:10 | release your right lower back | Let go completely."}},
		{"interval cycles", "cycles = 2\n[[steps.phases]]\nname = \"Warm\"\nseconds = 120\n[[steps.phases]]\nname = \"cold\"\nseconds = 30\ncue = \"Switch to the cold compress.\"\n", "interval", []string{
			"warm 2:00 | warm · cycle 1 of 2 | ", "cold 0:30 | cold · cycle 1 of 2 | Switch to the cold compress.", "warm 2:00 | warm · cycle 2 of 2 | ", "cold 0:30 | cold · cycle 2 of 2 | Switch to the cold compress."}},
		{"interval of one cycle", "[[steps.phases]]\nname = \"warm\"\nseconds = 60\n", "interval", []string{"warm 1:00 | warm | "}},
		{"ready", "", "ready", []string{"ready 0:00 |  | "}},
		{"breathing by cycles", "inhale = 4\nexhale = 6\ncycles = 30\n", "breathing", []string{"breathe 5:00 |  | Breathe in for 4 seconds, out for 6."}},
		{"breathing rounds up to whole breaths", "inhale = 4\nhold = 7\nexhale = 8\nminutes = 5\n", "breathing", []string{"breathe 5:04 |  | Breathe in for 4 seconds, hold for 7, out for 8."}},
		{"breathing in seconds", "inhale = 4\nexhale = 4\nhold_after = 2\nseconds = 21\n", "breathing", []string{"breathe 0:30 |  | Breathe in for 4 seconds, out for 4, rest for 2."}},
		{"breathing for one second in", "inhale = 1\nexhale = 2\ncycles = 10\n", "breathing", []string{"breathe 0:30 |  | Breathe in for 1 second, out for 2."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("calm-evening.toml", []byte(oneStep(tt.kind, tt.body)))
			if err != nil {
				t.Fatal(err)
			}
			if got := show(r.Steps[0].Phases); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("phases:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if r.Name != "calm-evening" || r.Title != "Calm" || r.Source != "calm-evening.toml" || r.Steps[0].Kind != Kind(tt.kind) {
				t.Errorf("routine %q %q %q kind %q", r.Name, r.Title, r.Source, r.Steps[0].Kind)
			}
		})
	}
}

func TestParseLineEndings(t *testing.T) {
	doc := oneStep("hold", "seconds = 0\n")
	tests := []struct{ name, doc string }{
		{"byte order mark", "\ufeff" + doc},
		{"CRLF", strings.ReplaceAll(doc, "\n", "\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("calm.toml", []byte(tt.doc))
			if want := "calm.toml:7: steps[1].seconds: must be more than 0 (got 0)"; err == nil || err.Error() != want {
				t.Errorf("error %v, want %s", err, want)
			}
		})
	}
}

func TestParseBreath(t *testing.T) {
	r, err := Parse("b.toml", []byte(oneStep("breathing", "inhale = 4\nhold = 7\nexhale = 8\ncycles = 4\n")))
	if err != nil {
		t.Fatal(err)
	}
	ph := r.Steps[0].Phases[0]
	want := Breath{Inhale: 4 * time.Second, Hold: 7 * time.Second, Exhale: 8 * time.Second}
	if ph.Breath == nil || *ph.Breath != want || ph.Duration != 76*time.Second {
		t.Errorf("phase %+v breath %+v, want %+v over 1:16", ph, ph.Breath, want)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "short.toml")
	if err := os.WriteFile(path, []byte(oneStep("hold", "seconds = 0\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(path); err == nil || !strings.HasPrefix(err.Error(), path+":7: steps[1].seconds") {
		t.Errorf("LoadFile error = %v, want it to name %s:7", err, path)
	}
	if err := os.WriteFile(path, []byte(oneStep("hold", "seconds = 10\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := LoadFile(path)
	if err != nil || r.Name != "short" || r.Source != path || r.Duration() != 10*time.Second {
		t.Errorf("LoadFile = %+v, %v", r, err)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want ErrNotExist", err)
	}
}
