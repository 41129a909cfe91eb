//go:build unix

package hook

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own, and has its
// cancellation stop the whole group.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
