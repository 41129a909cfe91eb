#!/usr/bin/env python3
"""Time from starting quietlegs on a pseudo-terminal to its first frame.

Usage: firstframe.py BIN DBDIR [runs]. Prints one line per run and the median.
The first frame counts as drawn when the bytes reach the terminal: what a
person sees, less the terminal emulator's own paint. No tmux is involved.
"""
import os, pty, select, statistics, struct, fcntl, termios, time, sys, signal

def once(bin_, db):
    pid, fd = pty.fork()
    if pid == 0:
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
        env["TERM"] = "xterm-256color"
        os.execve(bin_, [bin_, "evening", "--routine", "wind-down", "--db", db], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    buf = b""
    while b"step 1 of" not in buf:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            raise SystemExit("no frame within 5 s")
        buf += os.read(fd, 65536)
    took = (time.monotonic() - start) * 1000
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return took

bin_, dbdir = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
times = [once(bin_, os.path.join(dbdir, f"ff{i}.db")) for i in range(runs)]
for i, t in enumerate(times):
    print(f"  run {i + 1}: {t:.1f} ms")
print(f"  median {statistics.median(times):.1f} ms, best {min(times):.1f} ms, worst {max(times):.1f} ms")
