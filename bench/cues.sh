#!/usr/bin/env bash
# Measures what chimes and a voice cost while a step counts down: the TUI's
# wake-ups and CPU during the wind-down's first minute-long step, with
# --sound off, and with chimes, a voice and pacing sounds through fake
# players (scripts that take half a second, as a short chime does).
# Usage: bench/cues.sh [seconds to sample, default 20, at most 50]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
work=$(mktemp -d)
trap 'for s in "$work"/*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done; rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
bin="$work/quietlegs"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$work/players"
for p in pw-play espeak-ng; do
  printf '#!/bin/sh\nsleep 0.5\n' > "$work/players/$p"
  chmod +x "$work/players/$p"
done

wakeups() {
  cat /proc/"$1"/task/*/status 2>/dev/null |
    awk '/^(voluntary|nonvoluntary)_ctxt_switches/ {n += $2} END {print n}'
}
cpuns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{n += $1} END {print n}'; }
appear() { until tmux -S "$1" capture-pane -p 2>/dev/null | grep -q "$2"; do sleep 0.05; done; }

measure() { # NAME FLAGS...
  local name=$1; shift
  local sock="$work/$name.sock" db="$work/$name.db"
  tmux -S "$sock" new-session -d -x 80 -y 24 \
    "env PATH=$work/players:$PATH $bin evening --routine wind-down --no-log --db $db $*"
  appear "$sock" "step 1 of"
  sleep 1 # past the first step's cue
  local pid
  pid=$(pgrep -f "^$bin evening --routine wind-down --no-log --db $db" | head -1)
  local w0 c0 t0 w1 c1 t1
  w0=$(wakeups "$pid"); c0=$(cpuns "$pid"); t0=$(date +%s%N)
  sleep "$secs"
  w1=$(wakeups "$pid"); c1=$(cpuns "$pid"); t1=$(date +%s%N)
  awk -v n="$name" -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v el=$(( (t1 - t0) / 1000000 )) 'BEGIN {
    printf "  %-28s %.1f wake-ups per second, %.3f %% of one core\n", n ":", w / (el / 1000), 100 * (c / 1e6) / el
  }'
  tmux -S "$sock" kill-server 2>/dev/null || true
}

echo "== Counting down (${secs} s of the 60 s first step)"
for round in 1 2; do
  measure "off-$round" --sound off
  measure "chime-voice-pace-$round" --sound chime --voice --pace-sound
done
