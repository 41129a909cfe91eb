#!/usr/bin/env bash
# Measures what a person feels of quietlegs' cost and timing, on this machine:
#   - CPU and wake-ups a second while a routine step counts down (TUI in tmux)
#   - time from start to the first frame on screen
#   - drift: the 30-minute routine at --speed 60 should take 30 s
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
cputicks() { awk '{print $14 + $15}' /proc/"$1"/stat; }
hz=$(getconf CLK_TCK)

# appear SOCK TEXT: poll the screen until TEXT shows.
appear() { until tmux -S "$1" capture-pane -p -t "$3" 2>/dev/null | grep -q "$2"; do :; done; }

echo "== First frame (tmux already running; baseline is a shell echo in a new window)"
sock="$work/first.sock"
tmux -S "$sock" new-session -d -x 80 -y 24 -n idle "sleep 600"
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  tmux -S "$sock" new-window -d -n "base$i" "echo ready; sleep 600"
  appear "$sock" ready "base$i"
  base=$(( ($(date +%s%N) - start) / 1000000 ))
  start=$(date +%s%N)
  tmux -S "$sock" new-window -d -n "app$i" "$bin evening --routine wind-down --db $work/ff$i.db"
  appear "$sock" "step 1 of" "app$i"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "  run $i: ${ms} ms to the first frame; a shell echo took ${base} ms"
done
tmux -S "$sock" kill-server

echo "== Idle while a step counts down (${secs} s sample)"
sock="$work/idle.sock"
tmux -S "$sock" new-session -d -x 80 -y 24 "$bin evening --routine wind-down --db $work/idle.db"
appear "$sock" "step 1 of" ""
pid=$(pgrep -f "^$bin evening --routine wind-down --db $work/idle.db" | head -1)
echo "  pid $pid: $(tr '\0' ' ' < /proc/"$pid"/cmdline)"
w0=$(wakeups "$pid"); c0=$(cputicks "$pid"); t0=$(date +%s%N)
sleep "$secs"
w1=$(wakeups "$pid"); c1=$(cputicks "$pid"); t1=$(date +%s%N)
el=$(( (t1 - t0) / 1000000 ))
awk -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v el="$el" -v hz="$hz" 'BEGIN {
  printf "  wake-ups: %.1f per second\n", w / (el / 1000)
  printf "  CPU: %.2f %% of one core\n", 100 * (c / hz) / (el / 1000)
}'
tmux -S "$sock" send-keys space
sleep 2
w0=$(wakeups "$pid"); c0=$(cputicks "$pid"); t0=$(date +%s%N)
sleep "$((secs / 2))"
w1=$(wakeups "$pid"); c1=$(cputicks "$pid"); t1=$(date +%s%N)
el=$(( (t1 - t0) / 1000000 ))
awk -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v el="$el" -v hz="$hz" 'BEGIN {
  printf "  paused: %.1f wake-ups per second, %.2f %% CPU\n", w / (el / 1000), 100 * (c / hz) / (el / 1000)
}'
tmux -S "$sock" kill-server 2>/dev/null || true

echo "== Drift: wind-down (30:00) at --speed 60, plain mode"
start=$(date +%s%N)
"$bin" evening --plain --routine wind-down --speed 60 --db "$work/drift.db" >/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
awk -v ms="$ms" 'BEGIN { printf "  took %.3f s (target 30 s, limit 30.150 s): off by %.2f %%\n", ms / 1000, 100 * (ms - 30000) / 30000 }'
echo "  recorded: $(sqlite3 "$work/drift.db" "select printf('%.3f s', (julianday(ended_at) - julianday(started_at)) * 86400) from sessions")"

echo "== Go benchmarks"
go test -run '^$' -bench . -benchmem ./ui/ ./routine/ | grep -E '^(Benchmark|ok)'
