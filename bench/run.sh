#!/usr/bin/env bash
# Measures what a person feels of quietlegs' cost and timing, on this machine:
#   - CPU and wake-ups a second while a routine step counts down (TUI in tmux)
#   - time from start to the first frame on screen
#   - drift: the 28.5-minute routine at --speed 60 should take 28.5 s
#   - Go benchmarks of one runner update + redraw
# Usage: bench/run.sh [seconds to sample idle, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
work=$(mktemp -d)
trap 'for s in "$work"/*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done; rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
bin="$work/quietlegs"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

# wakeups PID: context switches of every thread, summed. Each one is the
# process being woken (or preempted); it is what keeps a laptop's CPU awake.
wakeups() {
  cat /proc/"$1"/task/*/status 2>/dev/null |
    awk '/^(voluntary|nonvoluntary)_ctxt_switches/ {n += $2} END {print n}'
}
# cpuns PID: nanoseconds on a CPU, every thread summed (schedstat is exact,
# unlike the 10 ms ticks of /proc/PID/stat).
cpuns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{n += $1} END {print n}'; }

# appear SOCK TEXT TARGET: poll a tmux pane until TEXT shows.
appear() { until tmux -S "$1" capture-pane -p -t "$3" 2>/dev/null | grep -q "$2"; do :; done; }

echo "== First frame (on a pseudo-terminal, fresh database each run)"
mkdir -p "$work/ff"
python3 bench/firstframe.py "$bin" "$work/ff" 10

echo "== Idle while a step counts down (${secs} s sample)"
sock="$work/idle.sock"
tmux -S "$sock" new-session -d -x 80 -y 24 "$bin evening --routine wind-down --db $work/idle.db"
appear "$sock" "step 1 of" ""
pid=$(pgrep -f "^$bin evening --routine wind-down --db $work/idle.db" | head -1)
echo "  pid $pid: $(tr '\0' ' ' < /proc/"$pid"/cmdline)"
for sample in 1 2 3; do
w0=$(wakeups "$pid"); c0=$(cpuns "$pid"); t0=$(date +%s%N)
sleep "$secs"
w1=$(wakeups "$pid"); c1=$(cpuns "$pid"); t1=$(date +%s%N)
el=$(( (t1 - t0) / 1000000 ))
awk -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v el="$el" 'BEGIN {
  printf "  counting down: %.1f wake-ups per second, %.3f %% of one core\n", w / (el / 1000), 100 * (c / 1e6) / el
}'
done
tmux -S "$sock" send-keys space
sleep 2
w0=$(wakeups "$pid"); c0=$(cpuns "$pid"); t0=$(date +%s%N)
sleep "$((secs / 2))"
w1=$(wakeups "$pid"); c1=$(cpuns "$pid"); t1=$(date +%s%N)
el=$(( (t1 - t0) / 1000000 ))
awk -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v el="$el" 'BEGIN {
  printf "  paused:        %.1f wake-ups per second, %.3f %% of one core\n", w / (el / 1000), 100 * (c / 1e6) / el
}'
tmux -S "$sock" kill-server 2>/dev/null || true

echo "== Drift: wind-down (28:30, its ready step passed unattended) at --speed 60, plain mode"
start=$(date +%s%N)
"$bin" evening --plain --routine wind-down --speed 60 --db "$work/drift.db" >/dev/null </dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
awk -v ms="$ms" 'BEGIN { printf "  took %.3f s (target 28.5 s, limit 28.643 s): off by %.2f %%\n", ms / 1000, 100 * (ms - 28500) / 28500 }'
echo "  recorded: $(sqlite3 "$work/drift.db" "select printf('%.3f s', (julianday(ended_at) - julianday(started_at)) * 86400) from sessions")"

echo "== Go benchmarks"
go test -run '^$' -bench . -benchmem ./ui/ ./routine/ ./store/ | grep -E '^(Benchmark|ok)'
