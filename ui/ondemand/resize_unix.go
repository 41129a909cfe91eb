//go:build unix

package ondemand

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// Supported says whether Run can draw on demand here: it needs SIGWINCH to
// hear of resizes. Elsewhere use Bubble Tea's renderer.
const Supported = true

// watchSize tells p the terminal's new size on every SIGWINCH, which Bubble
// Tea does only with its renderer. The returned func stops watching.
func watchSize(out *os.File, p *tea.Program) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			case <-sig:
				if w, h, err := term.GetSize(out.Fd()); err == nil {
					// Send returns at once once the program has ended.
					p.Send(tea.WindowSizeMsg{Width: w, Height: h})
				}
			}
		}
	})
	return func() {
		signal.Stop(sig)
		close(done)
		wg.Wait()
	}
}
