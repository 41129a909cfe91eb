#!/usr/bin/env bash
# Times `quietlegs status`, the whole process, over ten years of generated
# nights: the median and the slowest of 50 runs, in milliseconds, and
# checks the database file is byte for byte the same afterwards.
# Usage: bench/status.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/quietlegs" .
bin="$work/quietlegs"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
go run ./bench/gennights -nights 3650 > "$work/n.json"
db="$work/n.db"
"$bin" import "$work/n.json" --db "$db" >/dev/null
before=$(sha256sum "$db" | cut -d' ' -f1)
"$bin" status --db "$db" >/dev/null # once to warm the page cache
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s%N); "$bin" status --db "$db" >/dev/null; e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
worst=$(echo "$sorted" | tail -1)
printf 'status over 3650 nights, %d runs: median %d.%03d ms, slowest %d.%03d ms\n' \
  "$runs" $((median / 1000)) $((median % 1000)) $((worst / 1000)) $((worst % 1000))
after=$(sha256sum "$db" | cut -d' ' -f1)
if [ "$before" != "$after" ]; then
  echo "the database changed" >&2
  exit 1
fi
echo "the database is unchanged"
