package logsafe_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/archive"
	"github.com/quietlegs/quietlegs/logsafe"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// secret is what a person typed or a file held: it must never reach the
// log.
const secret = "Hot-Bath-7b"

func TestDescribeLeavesOutValues(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(config, []byte("[[checklist]]\nid = \""+secret+"\"\nlabel = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, settingsErr := night.LoadSettings(nil, config)
	_, routineErr := routine.Parse("calm.toml", []byte("title = \"Calm\"\n[[steps]]\ntitle = \"S\"\nkind = \"hold\"\ninstruction = \"I\"\nseconds = \""+secret+"\"\n"))
	_, importErr := archive.ReadJSON(strings.NewReader(`{"nights":[{"night":"2026-11-22","evening":{"tags":["` + secret + `"]}}]}`))
	_, missing := os.Open(filepath.Join(dir, secret))
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"settings value", settingsErr, "settings"},
		{"routine value", routineErr, "routine file: line 6, column 11"},
		{"import tag", fmt.Errorf("import: %w", importErr), "import file: line 1, column 12"},
		{"tag field", fmt.Errorf("save: %w", &night.FieldError{Field: night.FieldTag, Msg: `"` + secret + `" is not on your checklist`}), "tag: invalid"},
		{"path", missing, "open: no such file or directory"},
		{"wrapped cancel", fmt.Errorf("save %s: %w", secret, context.Canceled), "context canceled"},
		{"plain", errors.New(secret), "*errors.errorString (11 bytes of message)"},
		{"joined", errors.Join(routineErr, errors.New(secret)), "routine file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error to describe")
			}
			got := logsafe.Describe(tt.err)
			t.Logf("%v\n  → %s", tt.err, got)
			if !strings.Contains(tt.err.Error(), secret) && tt.name != "routine value" {
				t.Errorf("the error does not hold the value, so the test proves nothing: %v", tt.err)
			}
			if strings.Contains(got, secret) || strings.Contains(got, dir) {
				t.Errorf("Describe = %q: it holds a value or a path", got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("Describe = %q, want it to say %q", got, tt.want)
			}
		})
	}
}
