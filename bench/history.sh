#!/usr/bin/env bash
# Measures quietlegs with a long history: 1, 10 and (with --century) 100
# years of generated nights. Shows that export, insights and report grow
# linearly with the nights, and how soon history shows its first frame.
# Usage: bench/history.sh [--century]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
bin="$work/quietlegs"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

sizes="365 3650"
if [ "${1:-}" = "--century" ]; then sizes="$sizes 36500"; fi

# secs CMD...: wall-clock seconds of the best of three runs.
secs() {
  best=""
  for _ in 1 2 3; do
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
    t=$(( (e - s) / 1000000 ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}

printf '%-8s %-8s %10s %10s %10s %10s %12s\n' nights records import_ms export_ms insights_ms report_ms per_night_us
for n in $sizes; do
  go run ./bench/gennights -nights "$n" > "$work/n$n.json"
  db="$work/n$n.db"
  s=$(date +%s%N); "$bin" import "$work/n$n.json" --db "$db" >/dev/null; e=$(date +%s%N)
  imp=$(( (e - s) / 1000000 ))
  recs=$("$bin" export --format csv --db "$db" | tail -n +2 | grep -c '^[0-9]')
  ex=$(secs "$bin" export --db "$db")
  in=$(secs "$bin" insights --db "$db")
  re=$(secs "$bin" report --days "$n" --db "$db")
  printf '%-8s %-8s %10s %10s %10s %10s %12s\n' "$n" "$recs" "$imp" "$ex" "$in" "$re" $(( ex * 1000 / n ))
done

echo
echo "== history: first frame with 10 years (pseudo-terminal, best of 5)"
python3 bench/firstframe.py "$bin" "$work/n3650.db" 5 "Calendar" history

echo
echo "== Go benchmarks"
go test -run '^$' -bench 'History|Nights10Years|Compute|Write' -benchmem ./ui/ ./store/ ./insight/ ./report/ 2>/dev/null | grep -E '^(Benchmark|ok)'
