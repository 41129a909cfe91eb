package night

import (
	"runtime"
	"testing"
)

// FuzzSettings reads settings files: none may crash the reader or cost
// memory out of proportion to its size, and what is accepted is sound.
func FuzzSettings(f *testing.F) {
	for _, seed := range []string{
		"",
		"day_boundary = 12\n",
		"[[checklist]]\nid = \"caffeine\"\nlabel = \"Caffeine after noon\"\nkind = \"trigger\"\n",
		"[[checklist]]\nid = \"iron\"\nlabel = \"Iron\"\nkind = \"remedy\"\n[[checklist]]\nid = \"iron\"\nlabel = \"x\"\n",
		"day_boundary = 99\n",
		"[a.a.a.a.a.a]\n",
		"[[checklist]]\nid = \"x\"\nlabel = \"\\u001b]0;t\\u0007\"\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Settings
		var err error
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		s, err = parseSettings("fuzz.toml", data, Settings{Boundary: DefaultBoundary})
		runtime.ReadMemStats(&after)
		if got, most := after.TotalAlloc-before.TotalAlloc, uint64(4<<20+1024*len(data)); got > most {
			t.Fatalf("reading %d bytes allocated %d bytes (at most %d)", len(data), got, most)
		}
		if err != nil {
			return
		}
		if s.Boundary < 0 || s.Boundary > 23 || len(s.Checklist) > MaxTags {
			t.Fatalf("accepted %+v", s)
		}
		for _, it := range s.Checklist {
			if !ValidID(it.ID) || it.Label == "" {
				t.Fatalf("accepted item %+v", it)
			}
		}
	})
}
