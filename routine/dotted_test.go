package routine

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// allocated is how many bytes fn allocates on the heap (TotalAlloc counts
// every allocation, so no collection is needed first).
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// dottedHeader is a routine file of about n bytes that is one table header
// of n/2 dotted parts: [a.a.a...].
func dottedHeader(n int) []byte {
	return []byte("[" + strings.TrimSuffix(strings.Repeat("a.", n/2), ".") + "]\n")
}

// manyUnknownKeys is a routine file of about n bytes: one step with
// unknown keys k0, k1, ...
func manyUnknownKeys(n int) []byte {
	var b strings.Builder
	b.WriteString("[[steps]]\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "k%d = \"v\"\n", i)
	}
	return []byte(b.String())
}

// allocCeiling is the most one Parse of n bytes may allocate: linear in n
// (a parse allocates about 350 bytes a byte of input today).
func allocCeiling(n int) uint64 { return 4<<20 + 1024*uint64(n) }

func TestHostileShapesParseInLinearMemory(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		max  uint64
	}{
		// Once 256 MB at 30 KB, and 3.8 GB at 120 KB: every prefix of
		// the key was stored.
		{"120 KiB dotted header", dottedHeader(120 << 10), 50 << 20},
		{"30 KiB dotted header", dottedHeader(30 << 10), allocCeiling(30 << 10)},
		// Once 14 GB at 240 KB: go-toml's strict mode.
		{"240 KiB of unknown keys", manyUnknownKeys(240 << 10), allocCeiling(240 << 10)},
		{"long header, many keys", []byte("[" + strings.Repeat("a", 120<<10) + "]\n" + strings.Repeat("b = 1\n", 20000)), allocCeiling(240 << 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			got := allocated(func() { _, err = Parse("hostile.toml", tt.data) })
			t.Logf("%d KiB: %d KiB allocated", len(tt.data)>>10, got>>10)
			if err == nil {
				t.Error("Parse accepted it")
			}
			if got > tt.max {
				t.Errorf("allocated %d MiB, want at most %d MiB", got>>20, tt.max>>20)
			}
		})
	}
}

func TestManyUnknownKeysAreAllCounted(t *testing.T) {
	_, err := Parse("calm.toml", manyUnknownKeys(4<<10))
	if err == nil || !strings.Contains(err.Error(), `calm.toml:2:1: unknown key "k0" in steps[1]`) ||
		!regexp.MustCompile(`and \d{3} more problems`).MatchString(err.Error()) {
		t.Errorf("error %v, want the first unknown key placed and the rest counted", err)
	}
}
