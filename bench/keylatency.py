#!/usr/bin/env python3
"""Time from a key press to the screen's answer, on a pseudo-terminal.

Usage: keylatency.py BIN READY RUNS SETUP -- ARGS...
Starts BIN ARGS at 80x24, waits for the text READY, types SETUP (e.g. a
space to pause the routine, so no countdown redraw gets in the way), then
RUNS times types "?" (help on, help off) and times until the first bytes of
the new frame arrive. Prints the median and the worst. What a person sees
adds the terminal emulator's paint; no tmux is involved.
"""
import os, pty, random, select, statistics, struct, fcntl, termios, time, sys, signal

bin_, ready, runs, setup = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3]), sys.argv[4]
args = sys.argv[sys.argv.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
    env["TERM"] = "xterm-256color"
    os.execve(bin_, [bin_] + args, env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

def drain(wait):
    """Reads what arrives within wait seconds; returns it."""
    got = b""
    end = time.monotonic() + wait
    while True:
        r, _, _ = select.select([fd], [], [], max(end - time.monotonic(), 0))
        if not r:
            return got
        got += os.read(fd, 65536)

buf = b""
deadline = time.monotonic() + 5
while ready not in buf:
    if time.monotonic() > deadline:
        raise SystemExit("not ready within 5 s")
    buf += drain(0.05)
if setup:
    os.write(fd, setup.encode())
drain(0.5)
times = []
for i in range(runs):
    drain(0.15 + random.random() * 0.05)  # let the last frame pass; land anywhere between ticks
    start = time.monotonic()
    os.write(fd, b"?")
    r, _, _ = select.select([fd], [], [], 2)
    if not r:
        raise SystemExit("no answer to a key within 2 s")
    os.read(fd, 65536)
    times.append((time.monotonic() - start) * 1000)
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
print(f"  key to screen over {runs} keys: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms")
