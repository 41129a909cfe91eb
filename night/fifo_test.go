//go:build unix

package night

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/regularfile/fifotest"
)

func TestLoadSettingsRefusesAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	release := fifotest.Make(t, path)
	var err error
	fifotest.WithinDeadline(t, release, func() { _, err = LoadSettings([]byte(defaults), path) })
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("error %v, want it to name %s and say it is not a regular file", err, path)
	}
}
