//go:build !unix

package ondemand

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// Supported says whether Run can draw on demand here: it needs SIGWINCH to
// hear of resizes, which this system does not send. Use Bubble Tea's
// renderer.
const Supported = false

// watchSize has no resizes to watch for.
func watchSize(*os.File, *tea.Program) (stop func()) { return func() {} }
