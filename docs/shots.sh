#!/usr/bin/env bash
# Regenerates the README's pictures from the real program: builds
# quietlegs, fills a throwaway database with generated nights, drives the
# runner, the morning check-in and history in tmux at 80x24, captures each
# screen with its colours (tmux capture-pane -e), and renders it to SVG
# with charmbracelet/freeze. Beside each picture it keeps the screen's
# plain text (NAME.txt), for screen readers and for review.
#
# Needs tmux, and freeze: go install github.com/charmbracelet/freeze@latest
# Usage: bash docs/shots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
freeze=$(command -v freeze || echo "$(go env GOPATH)/bin/freeze")
if [ ! -x "$freeze" ]; then
	echo "freeze is missing: go install github.com/charmbracelet/freeze@latest" >&2
	exit 1
fi
command -v tmux >/dev/null || { echo "tmux is missing" >&2; exit 1; }

work=$(mktemp -d)
sock="$work/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export QUIETLEGS_DB="$work/shots.db" TERM=xterm-256color COLORTERM=truecolor
last=$(date -d yesterday +%F)
go run ./bench/gennights -nights 90 -end "$last" >"$work/nights.json"
"$work/quietlegs" import "$work/nights.json" >/dev/null 2>&1

# wait_for TEXT: until the screen shows TEXT (10 s at most).
wait_for() {
	for _ in $(seq 100); do
		if tmux -S "$sock" capture-pane -p -t shots | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
	done
	echo "the screen never showed \"$1\":" >&2
	tmux -S "$sock" capture-pane -p -t shots >&2
	exit 1
}

# shot NAME TEXT KEYS COMMAND...: runs COMMAND in an 80x24 tmux window,
# waits for TEXT, presses KEYS (tmux send-keys words, or ""), waits a
# moment for the frame after them, and saves docs/NAME.svg and NAME.txt.
shot() {
	local name=$1 text=$2 keys=$3
	shift 3
	tmux -S "$sock" new-session -d -s shots -x 80 -y 24 \
		"env QUIETLEGS_DB=$QUIETLEGS_DB XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME $*"
	tmux -S "$sock" set-option -t shots status off >/dev/null
	wait_for "$text"
	if [ -n "$keys" ]; then
		# shellcheck disable=SC2086 # keys are separate tmux key names
		tmux -S "$sock" send-keys -t shots $keys
	fi
	sleep 1.5
	tmux -S "$sock" capture-pane -e -p -t shots >"$work/$name.ansi"
	# The text is the same capture less its colours, so it matches the picture.
	sed 's/\x1b\[[0-9;:]*[A-Za-z]//g; s/[[:space:]]*$//' "$work/$name.ansi" >"docs/$name.txt"
	"$freeze" --language ansi --window --padding 20 --font.size 14 --output "docs/$name.svg" "$work/$name.ansi" >/dev/null
	if [ -n "${SHOTS_PNG:-}" ]; then # a PNG too, for a look: SHOTS_PNG=folder
		"$freeze" --language ansi --window --padding 20 --output "$SHOTS_PNG/$name.png" "$work/$name.ansi" >/dev/null
	fi
	tmux -S "$sock" kill-session -t shots
	echo "docs/$name.svg"
}

shot runner "step 1 of" "" "$work/quietlegs" evening --routine wind-down --no-log
shot checkin "Morning check-in" "" "$work/quietlegs" morning
shot history "History" "" "$work/quietlegs" history
