#!/usr/bin/env python3
"""Time from starting quietlegs on a pseudo-terminal to its first frame.

Usage: firstframe.py BIN DBDIR [runs [TEXT [ARGS...]]]. Prints one line per
run and the median. Without TEXT and ARGS it starts the wind-down routine and
waits for "step 1 of"; a DBDIR that is a file is used as the database for
every run (to open an existing history) instead of a fresh one each time.
The first frame counts as drawn when the bytes reach the terminal: what a
person sees, less the terminal emulator's own paint. No tmux is involved.
"""
import os, pty, select, statistics, struct, fcntl, termios, time, sys, signal

def once(bin_, db, text, args):
    pid, fd = pty.fork()
    if pid == 0:
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
        env["TERM"] = "xterm-256color"
        os.execve(bin_, [bin_] + args + ["--db", db], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    buf = b""
    while text not in buf:
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
text = sys.argv[4].encode() if len(sys.argv) > 4 else b"step 1 of"
args = sys.argv[5:] or ["evening", "--routine", "wind-down", "--no-log"]
def db(i):
    return dbdir if os.path.isfile(dbdir) else os.path.join(dbdir, f"ff{i}.db")
times = [once(bin_, db(i), text, args) for i in range(runs)]
for i, t in enumerate(times):
    print(f"  run {i + 1}: {t:.1f} ms")
print(f"  median {statistics.median(times):.1f} ms, best {min(times):.1f} ms, worst {max(times):.1f} ms")
