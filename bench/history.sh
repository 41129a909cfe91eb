#!/usr/bin/env bash
# Measures quietlegs with a long history: 1, 10 and (with --century) 100
# years of generated nights. Shows that export, insights and report grow
# linearly with the nights; times `export --format json` against the sqlite3
# command-line tool dumping the same tables as JSON in the same run, with
# peak memory; and the peak memory of each history view, each in a process
# of its own; and how soon history shows its first frame.
# Usage: bench/history.sh [--century]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'for s in "$work"/*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done; rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
bin="$work/quietlegs"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

sizes="365 3650"
if [ "${1:-}" = "--century" ]; then sizes="$sizes 36500"; fi

# best CMD...: "milliseconds peak-KiB" of the fastest of three runs (whole
# process; peak memory by /usr/bin/time), output thrown away.
best() {
  local b="" m="" s e t k
  for _ in 1 2 3; do
    s=$(date +%s%N)
    /usr/bin/time -o "$work/time" -f '%M' "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); k=$(tail -1 "$work/time")
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; m=$k; fi
  done
  echo "$b $m"
}

# The sqlite3 command-line tool dumping every table export reads, as JSON:
# the floor for reading and writing these rows.
tables='SELECT * FROM evenings; SELECT * FROM evening_tags; SELECT * FROM checkins;
  SELECT * FROM sessions; SELECT * FROM session_steps;'

printf '%-7s %-7s %8s %13s %13s %8s %13s %13s %13s\n' nights records import export_json export_csv ratio sqlite3_json insights report
for n in $sizes; do
  db="$work/n$n.db"
  if [ "$n" -gt 20000 ]; then
    # A century cannot end last night (no night is before 1970), and
    # import refuses nights to come: stored straight, from 1970 on.
    go run ./bench/gennights -nights "$n" -end 2070-06-30 -db "$db"
    imp="-"
  else
    go run ./bench/gennights -nights "$n" > "$work/n$n.json"
    s=$(date +%s%N); "$bin" import "$work/n$n.json" --db "$db" >/dev/null 2>&1; e=$(date +%s%N)
    imp=$(( (e - s) / 1000000 ))
  fi
  recs=$("$bin" export --format csv --db "$db" | tail -n +2 | grep -c '^[0-9]')
  read -r ex exm < <(best "$bin" export --db "$db")
  read -r cs csm < <(best "$bin" export --format csv --db "$db")
  read -r sq sqm < <(best sqlite3 -json "$db" "$tables")
  read -r in inm < <(best "$bin" insights --db "$db")
  read -r re rem < <(best "$bin" report --days "$n" --db "$db")
  ratio=$(awk -v a="$ex" -v b="$sq" 'BEGIN { printf "%.2fx", a / b }')
  printf '%-7s %-7s %6sms %6sms/%3sMB %6sms/%3sMB %8s %6sms/%3sMB %6sms/%3sMB %6sms/%3sMB\n' "$n" "$recs" "$imp" \
    "$ex" $((exm / 1024)) "$cs" $((csm / 1024)) "$ratio" "$sq" $((sqm / 1024)) "$in" $((inm / 1024)) "$re" $((rem / 1024))
done
echo "  (time of the best of 3 runs / its peak memory; ratio: export_json against sqlite3's JSON dump)"

# view SOCK KEY: history on the database, switched to one view; prints the
# program's peak memory (VmHWM) once the view has read what it shows.
view() {
  local db=$1 key=$2 pid
  # A server each: one shutting down never meets the next.
  local sock="$work/view-$(basename "$db")-$key.sock"
  tmux -f /dev/null -S "$sock" new-session -d -x 100 -y 30 "$(printf '%q ' "$bin" history --db "$db")"
  until tmux -S "$sock" capture-pane -p 2>/dev/null | grep -q "Calendar"; do sleep 0.01; done
  pid=$(tmux -S "$sock" display-message -p '#{pane_pid}')
  tmux -S "$sock" send-keys "$key"
  # Trends and insights work in the background: give them time to finish.
  sleep 3
  awk '/^VmHWM/ { printf "%d", $2 / 1024 }' /proc/"$pid"/status
  tmux -S "$sock" kill-server
}

echo
echo "== history: peak memory of each view, MB (a process each, 100x30)"
printf '  %-7s %9s %6s %6s %7s %9s\n' nights calendar table night trends insights
for n in $sizes; do
  [ "$n" = 365 ] && continue
  db="$work/n$n.db"
  printf '  %-7s %9s %6s %6s %7s %9s\n' "$n" "$(view "$db" 1)" "$(view "$db" 2)" "$(view "$db" 3)" "$(view "$db" 4)" "$(view "$db" 5)"
done

echo
echo "== history: first frame with 10 years (pseudo-terminal, best of 5)"
python3 bench/firstframe.py "$bin" "$work/n3650.db" 5 "Calendar" history

echo
echo "== Go benchmarks"
go test -run '^$' -bench 'History|Nights10Years|Compute|Write' -benchmem ./ui/ ./store/ ./insight/ ./report/ 2>/dev/null | grep -E '^(Benchmark|ok)'
