#!/usr/bin/env bash
# Scaling of a whole-batch conversion (xml+docx+pdf): wall time, documents per
# second and peak memory for 100, 1,000 and 10,000 generated documents
# (`SIZES="100 1000"` to change). Cost should grow linearly with the number
# of documents and peak memory should stay flat.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100 1000 10000"}
MAX_PAGES=${MAX_PAGES:-10}
JOBS=${JOBS:-2}
work=${WORK:-$(mktemp -d)}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build -q --release --bin undoc --example corpus
bin=${CARGO_TARGET_DIR:-target}/release
printf '%8s %10s %10s %10s %12s\n' docs "wall s" "docs/s" "peak MB" "CPU s/doc"
for n in $SIZES; do
  rm -rf "$work/src" "$work/out"
  "$bin"/examples/corpus "$n" "$work/src" 2026 "$MAX_PAGES" 2>/dev/null
  /usr/bin/time -v "$bin"/undoc convert "$work/src" -o "$work/out" -j "$JOBS" -q 2>"$work/time.log"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time.log")
  awk -v n="$n" -v w="$wall" -v p="$peak" -v c="$cpu" 'BEGIN { printf "%8d %10.2f %10.1f %10d %12.4f\n", n, w, n/w, p, c/n }'
done
rm -rf "$work/src" "$work/out"
