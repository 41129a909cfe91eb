// Package hook runs a person's own commands after quietlegs saves
// something (config.toml's on_routine_end and on_checkin), with what was
// saved in environment variables. A command runs in the background: it
// never holds up the screen. One that fails, or runs too long, is written
// to a log and kept to be told once, the next time anyone asks.
package hook

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The events a command can follow, as QUIETLEGS_EVENT names them.
const (
	RoutineEnd = "routine_end"
	Checkin    = "checkin"
)

// Timeout is how long a command may run before it is stopped and counted
// as failed: a hook is for a notification or a line in a file.
const Timeout = time.Minute

// maxOutput is how much of a failed command's output is logged.
const maxOutput = 2000

// Runner runs the commands. It is safe for concurrent use.
type Runner struct {
	commands map[string]string
	// log is the file failures are appended to; pending holds the latest
	// failure not yet told, so it survives the process that saw it.
	log, pending string
	now          func() time.Time
	wg           sync.WaitGroup
	mu           sync.Mutex // serialises writes to log and pending
}

// New is a Runner of commands by event ("" or a missing event runs
// nothing), writing failures to dir/hooks.log and keeping the one to tell
// in dir/hook-failed.
func New(commands map[string]string, dir string, now func() time.Time) *Runner {
	removeStale(dir, now())
	return &Runner{commands: commands, log: filepath.Join(dir, "hooks.log"),
		pending: filepath.Join(dir, "hook-failed"), now: now}
}

// Run starts event's command, if there is one, with env ("NAME=value")
// added to quietlegs' environment, and returns at once.
func (r *Runner) Run(event string, env []string) {
	command := strings.TrimSpace(r.commands[event])
	if command == "" {
		return
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		if err := r.exec(command, append([]string{"QUIETLEGS_EVENT=" + event}, env...)); err != nil {
			r.fail(event, err)
		}
	}()
}

func (r *Runner) exec(command string, env []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	cmd.Env = append(os.Environ(), env...)
	// What it prints goes to a file, never the screen's terminal, and not
	// a pipe: should quietlegs end first, the command runs on rather than
	// die writing to a pipe nobody reads.
	if err := os.MkdirAll(filepath.Dir(r.log), 0o700); err != nil {
		return err
	}
	out, err := os.CreateTemp(filepath.Dir(r.log), outputPattern)
	if err != nil {
		return err
	}
	defer func() {
		out.Close()
		os.Remove(out.Name())
	}()
	cmd.Stdout, cmd.Stderr = out, out
	// Its own process group: a terminal's ctrl+c or hangup is quietlegs',
	// and the timeout stops whatever the command started too.
	ownGroup(cmd)
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("still running after %v, stopped", Timeout)
	}
	if err != nil {
		data, _ := os.ReadFile(out.Name())
		o := strings.TrimSpace(string(data))
		if len(o) > maxOutput {
			o = o[len(o)-maxOutput:]
		}
		if o != "" {
			err = fmt.Errorf("%w; it said: %s", err, o)
		}
	}
	return err
}

// outputPattern names the files a command's output goes to while it runs.
const outputPattern = "hook-*.out"

// removeStale removes the output files of commands that outlived the
// quietlegs that started them, once they are past any command's timeout.
func removeStale(dir string, now time.Time) {
	names, _ := filepath.Glob(filepath.Join(dir, outputPattern))
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil && now.Sub(fi.ModTime()) > 2*Timeout {
			os.Remove(n)
		}
	}
}

// fail logs a failure and keeps it to be told.
func (r *Runner) fail(event string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	line := fmt.Sprintf("%s on_%s failed: %v\n", r.now().Format(time.RFC3339), event, err)
	if mkErr := os.MkdirAll(filepath.Dir(r.log), 0o700); mkErr != nil {
		return
	}
	if f, err := os.OpenFile(r.log, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600); err == nil {
		f.WriteString(line)
		f.Close()
	}
	msg := fmt.Sprintf("the on_%s command failed (%s); see %s", event, firstLine(err.Error()), r.log)
	os.WriteFile(r.pending, []byte(msg), 0o600)
}

// firstLine is s up to its first line break, cut to a short length.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return s
}

// TakeFailure is the latest failure not yet told, "" when there is none;
// once taken, it is not told again.
func (r *Runner) TakeFailure() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	data, err := os.ReadFile(r.pending)
	if err != nil {
		return ""
	}
	os.Remove(r.pending)
	return strings.TrimSpace(string(data))
}

// Wait waits up to d for the commands still running, as a command-line
// run does before it exits, so their failures are logged; it reports
// whether they all finished.
func (r *Runner) Wait(d time.Duration) bool {
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}
