package routine

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00"},
		{999 * time.Millisecond, "0:00"},
		{30 * time.Second, "0:30"},
		{59*time.Second + 999*time.Millisecond, "0:59"},
		{2 * time.Minute, "2:00"},
		{30 * time.Minute, "30:00"},
		{59*time.Minute + 59*time.Second, "59:59"},
		{time.Hour, "1:00:00"},
		{65 * time.Minute, "1:05:00"},
		{10*time.Hour + 2*time.Second, "10:00:02"},
		{-90 * time.Second, "-1:30"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.d); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

const planFile = `title = "Short evening"
description = "A small test routine."

[[steps]]
title = "Calf stretch"
kind = "hold"
instruction = "Lean into the wall."
seconds = 30
sides = ["left", "right"]
rounds = 2

[[steps]]
title = "Rest"
kind = "hold"
instruction = "Lie still."
seconds = 10
rounds = 3

[[steps]]
title = "Relax"
kind = "tense-release"
instruction = "Tense, then let go."
groups = ["feet", "calves"]
tense = 5
release = 20

[[steps]]
title = "Compress"
kind = "interval"
instruction = "Warm, then cold."
safety = "Warm, not hot."
cycles = 3
phases = [{ name = "warm", seconds = 120 }, { name = "cold", seconds = 30 }]

[[steps]]
title = "Breathe"
kind = "breathing"
instruction = "Follow the pacer."
inhale = 4
hold = 7
exhale = 8
cycles = 4
`

const planWant = `Short evening (short-evening)
12:06 in total, 5 steps
A small test routine.

1. Calf stretch — 2:00, hold
   left side 0:30 · right side 0:30, ×2 rounds

2. Rest — 0:30, hold
   hold 0:10, ×3 rounds

3. Relax — 0:50, tense-release
   tense 0:05 · release 0:20, for feet, calves

4. Compress — 7:30, interval
   warm 2:00 · cold 0:30, ×3 cycles
   Safety: Warm, not hot.

5. Breathe — 1:16, breathing
   in 4 s · hold 7 s · out 8 s, 4 breaths
`

func TestWritePlan(t *testing.T) {
	r, err := Parse("short-evening.toml", []byte(planFile))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WritePlan(&b, r); err != nil {
		t.Fatal(err)
	}
	if b.String() != planWant {
		t.Errorf("plan:\n%s\nwant:\n%s", b.String(), planWant)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errClosed }

var errClosed = fmt.Errorf("closed")

func TestWritePlanError(t *testing.T) {
	r, err := Parse("short-evening.toml", []byte(planFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := WritePlan(failWriter{}, r); !errors.Is(err, errClosed) {
		t.Errorf("WritePlan = %v, want it to wrap the write error", err)
	}
}
