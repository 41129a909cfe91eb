package routine

import (
	"io/fs"
	"testing"

	"github.com/quietlegs/quietlegs/assets"
)

// FuzzParse checks that Parse never panics, allocates at most memory
// linear in its input, and that whatever it accepts is
// a routine the engine can run: every step has phases, every phase takes
// time, and the routine lasts as long as its phases add up to.
func FuzzParse(f *testing.F) {
	builtins, err := fs.Glob(assets.RoutineFS(), "*.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range builtins {
		data, err := fs.ReadFile(assets.RoutineFS(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		"",
		"title = \"Calm\"\n",
		"title = \"Calm\"\n[[steps]]\ntitle = \n",
		oneStep("hold", "seconds = 0\nrounds = -1\n"),
		oneStep("breathing", "inhale = 4\nexhale = 6\nminutes = 1\n"),
		oneStep("interval", "cycles = 2\n[[steps.phases]]\nname = \"warm\"\nseconds = 3\n"),
		oneStep("tense-release", "groups = [\"feet\"]\nsides = [\"left\"]\ntense = 5\nrelease = 9\ncues = { feet = \"Up.\" }\n"),
		"title = \"x\"\nsteps = [{ title = \"a\", kind = \"hold\", instruction = \"b\", seconds = 1, bad = [1, {c = 2}] }]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Add(dottedHeader(2 << 10))
	f.Add(manyUnknownKeys(2 << 10))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r *Routine
		var err error
		// Reading any file costs memory linear in its size.
		if got, most := allocated(func() { r, err = Parse("fuzz.toml", data) }), allocCeiling(len(data)); got > most {
			t.Fatalf("parsing %d bytes allocated %d KiB, more than %d KiB", len(data), got>>10, most>>10)
		}
		if err != nil {
			return
		}
		var total int64
		waits := 0
		for i, s := range r.Steps {
			if len(s.Phases) == 0 {
				t.Fatalf("step %d has no phases", i+1)
			}
			for j, p := range s.Phases {
				if p.Wait && p.Duration == 0 && len(s.Phases) == 1 {
					waits++ // a ready step: no countdown
					continue
				}
				if p.Duration <= 0 {
					t.Fatalf("step %d phase %d lasts %v", i+1, j+1, p.Duration)
				}
				total += int64(p.Duration)
			}
		}
		if int64(r.Duration()) != total || (total <= 0 && waits < len(r.Steps)) || r.Duration() > MaxRoutineDuration {
			t.Fatalf("routine lasts %v, phases add up to %d ns", r.Duration(), total)
		}
	})
}
