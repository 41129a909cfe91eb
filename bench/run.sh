#!/usr/bin/env bash
# Measures what a person feels of quietlegs' cost and timing, on this machine,
# side by side in the same run with Bubble Tea's own renderer
# (QUIETLEGS_RENDERER=bubbletea, 20 FPS) and a bare Bubble Tea program at its
# default 60 FPS (bench/barebubbletea):
#   - wake-ups a second and CPU while a routine step counts down (in tmux,
#     all three at once), paused, and on a static screen (home)
#   - key press to screen (pseudo-terminal)
#   - time from start to the first frame, with no history and with 10 years
#   - drift: the 28.5-minute routine at --speed 60 should take 28.5 s
#   - Go benchmarks of one runner update + redraw
# Usage: bench/run.sh [seconds to sample idle, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
work=$(mktemp -d)
trap 'for s in "$work"/*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done; rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
go build -o "$work/bare" ./bench/barebubbletea
bin="$work/quietlegs"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

# wakeups PID KIND: context switches of every thread, summed; KIND is
# voluntary (the process slept and was woken: what keeps a laptop's CPU
# awake, and what the targets count) or nonvoluntary (it was preempted,
# which other load on the machine causes).
wakeups() {
  cat /proc/"$1"/task/*/status 2>/dev/null |
    awk -v k="^$2_ctxt_switches" '$0 ~ k {n += $2} END {print n}'
}
# cpuns PID: nanoseconds on a CPU, every thread summed (schedstat is exact,
# unlike the 10 ms ticks of /proc/PID/stat).
cpuns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{n += $1} END {print n}'; }

# sample NAME PID SECS: wake-ups a second (and preemptions) and share of
# one core over SECS.
sample() {
  local w0 p0 c0 t0 w1 p1 c1 t1
  w0=$(wakeups "$2" voluntary); p0=$(wakeups "$2" nonvoluntary); c0=$(cpuns "$2"); t0=$(date +%s%N)
  sleep "$3"
  w1=$(wakeups "$2" voluntary); p1=$(wakeups "$2" nonvoluntary); c1=$(cpuns "$2"); t1=$(date +%s%N)
  awk -v n="$1" -v w=$((w1 - w0)) -v p=$((p1 - p0)) -v c=$((c1 - c0)) -v el=$(( (t1 - t0) / 1000000 )) 'BEGIN {
    printf "  %-34s %6.1f wake-ups per second (+%.1f preempted), %.3f %% of one core\n", n, w / (el / 1000), p / (el / 1000), 100 * (c / 1e6) / el
  }'
}

# appear SOCK TEXT: poll a tmux pane until TEXT shows.
appear() { until tmux -S "$1" capture-pane -p 2>/dev/null | grep -q "$2"; do :; done; }

# term NAME CMD...: runs CMD in a tmux pane of its own (100x30), waits for a
# frame, and prints the pid of the program in it.
term() {
  local sock="$work/$1.sock"
  tmux -f /dev/null -S "$sock" new-session -d -x 100 -y 30 "$(printf '%q ' "${@:2}")"
  appear "$sock" "step 1 of\|Quit"
  tmux -S "$sock" display-message -p '#{pane_pid}'
}

echo "== Idle, all at once (${secs} s samples; a countdown redraws once a second)"
od=$(term ondemand "$bin" evening --routine wind-down --no-log --db "$work/od.db")
bt=$(term bubbletea env QUIETLEGS_RENDERER=bubbletea "$bin" evening --routine wind-down --no-log --db "$work/bt.db")
bare=$(term bare "$work/bare")
home=$(term home "$bin" --db "$work/home.db")
for _ in 1 2 3; do
  sample "counting down, on demand" "$od" "$secs" &
  sample "counting down, Bubble Tea 20 FPS" "$bt" "$secs" &
  sample "bare Bubble Tea, 60 FPS" "$bare" "$secs" &
  sample "static screen (home), on demand" "$home" "$secs" &
  wait
done
tmux -S "$work/ondemand.sock" send-keys space
tmux -S "$work/bubbletea.sock" send-keys space
sleep 2
sample "paused, on demand" "$od" "$((secs / 2))" &
sample "paused, Bubble Tea 20 FPS" "$bt" "$((secs / 2))" &
wait
for s in ondemand bubbletea bare home; do tmux -S "$work/$s.sock" kill-server 2>/dev/null || true; done

echo "== Key press to screen (pseudo-terminal, the routine paused; 100 presses of ?)"
echo " on demand:"
python3 bench/keylatency.py "$bin" "step 1 of" 100 " " -- evening --routine wind-down --no-log --db "$work/k1.db"
echo " Bubble Tea 20 FPS:"
QUIETLEGS_RENDERER=bubbletea python3 bench/keylatency.py "$bin" "step 1 of" 100 " " -- evening --routine wind-down --no-log --db "$work/k2.db"
echo " bare Bubble Tea, 60 FPS:"
python3 bench/keylatency.py "$work/bare" "step 1 of" 100 "" --

echo "== First frame (pseudo-terminal, so no tmux start-up is counted; 10 runs)"
mkdir -p "$work/ff"
go run ./bench/gennights -nights 3650 > "$work/ten.json"
"$bin" import "$work/ten.json" --db "$work/ten.db" >/dev/null 2>&1
echo " on demand, new database each run:"
python3 bench/firstframe.py "$bin" "$work/ff" 10 | tail -1
echo " on demand, 10 years of history:"
python3 bench/firstframe.py "$bin" "$work/ten.db" 10 | tail -1
echo " Bubble Tea 20 FPS, 10 years of history:"
QUIETLEGS_RENDERER=bubbletea python3 bench/firstframe.py "$bin" "$work/ten.db" 10 | tail -1
echo " bare Bubble Tea, 60 FPS:"
python3 bench/firstframe.py "$work/bare" "$work/ff" 10 "step 1 of" bare | tail -1

echo "== Drift: wind-down (28:30, its ready step passed unattended) at --speed 60, plain mode"
start=$(date +%s%N)
"$bin" evening --plain --routine wind-down --speed 60 --db "$work/drift.db" >/dev/null </dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
awk -v ms="$ms" 'BEGIN { printf "  took %.3f s (target 28.5 s, limit 28.643 s): off by %.2f %%\n", ms / 1000, 100 * (ms - 28500) / 28500 }'
echo "  recorded: $(sqlite3 "$work/drift.db" "select printf('%.3f s', (julianday(ended_at) - julianday(started_at)) * 86400) from sessions")"

echo "== Go benchmarks"
go test -run '^$' -bench . -benchmem ./ui/ ./routine/ ./store/ | grep -E '^(Benchmark|ok)'
