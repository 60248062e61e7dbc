#!/usr/bin/env bash
# Peak memory (RSS) against input size, for one document at a time: a report
# of numbered paragraphs, one paragraph on one long line, one long word, one
# paragraph of emphasised words (`*w0* *w1* …`), and a 14 KB XML whose annex
# is numbered 4294967295. Each input is built here, in growing sizes, and
# run through `undoc validate` and `undoc convert --to xml`, `--to docx` and
# (for the sizes in PDF_SIZES, which finish in reasonable time) `--to pdf`
# and plain `convert` (every format, `all`).
#
#   bench/memory.sh                      # release build, 1 5 20 60 MB
#   SIZES="1 5" PDF_SIZES="0.2 1" bench/memory.sh
#   BIN=target/debug/undoc bench/memory.sh   # an existing binary, no build
#   COMMANDS=pdf SIZES= PDF_SIZES="1 5 20" bench/memory.sh   # the PDF rows only
#   COMMANDS=all SIZES= PDF_SIZES=5 bench/memory.sh   # every format at once
#
# Columns: input, its size in MB, the command, peak RSS in MB, the peak above
# the same command's on the 12 KB English sample (the program, fonts and
# schema), that excess over the input size, wall seconds and exit status
# (1: the document has errors, e.g. UND031 for the annex, or UND053; 124:
# stopped by TIMEOUT). A run past LIMIT_MB of address space is stopped
# rather than let a shared machine swap.
#
# The PDF rows are the regression check of the PDF writer's memory: about
# 10-30 times the input for text, about 46 for a paragraph of emphasised
# words (bench/RESULTS.md, "2026-11-30: PDF memory", with where it goes,
# and the thirteenth and eighteenth sessions' figures). It keeps every glyph, packed, until the page count
# is known (footers read `2/13`), frees its layout before krilla writes the
# file, and krilla holds the PDF, up to 6 times the input for text, until
# it is written.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES-"1 5 20 60"}
PDF_SIZES=${PDF_SIZES-"0.2 1 5"}
COMMANDS=${COMMANDS:-"validate xml docx pdf all"}
TIMEOUT=${TIMEOUT:-600}
LIMIT_MB=${LIMIT_MB:-8192}
work=${WORK:-$(mktemp -d)}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ -z "${BIN:-}" ]; then
  cargo build -q --release --bin undoc
  BIN=${CARGO_TARGET_DIR:-target}/release/undoc
fi

# The English sample's masthead and title, then the body on standard input.
head_of_report() { sed '/^I\. Introduction/,$d' samples/report-en.txt; }
sentence='The Assembly requested a report on digital public infrastructure (A/RES/70/1) and noted progress. '

# make KIND MB FILE: about MB megabytes of source of one kind.
make_input() {
  local kind=$1 bytes file=$3
  bytes=$(awk -v mb="$2" 'BEGIN { printf "%d", mb * 1000000 }')
  {
    head_of_report
    case $kind in
      report) awk -v n="$bytes" -v s="$sentence" 'BEGIN {
                p = s s s s; for (i = 1; len < n; i++) { line = i ". " p "\n\n"; printf "%s", line; len += length(line) } }' ;;
      line) awk -v n="$bytes" -v s="$sentence" 'BEGIN {
                printf "1. "; for (len = 0; len < n; len += length(s)) printf "%s", s; printf "\n" }' ;;
      word) printf '1. '; head -c "$bytes" /dev/zero | tr '\0' x; printf '\n' ;;
      emphasis) awk -v n="$bytes" 'BEGIN {
                printf "1. "; for (i = 0; len < n; i++) { w = "*w" i "* "; printf "%s", w; len += length(w) } printf "\n" }' ;;
    esac
  } >"$file"
}

# Peak RSS in KB of each command on the 12 KB English sample: the program,
# its fonts and schema, before any document-sized memory.
declare -A base

# measure NAME FILE LABEL ARGS...: one row of the table.
measure() {
  local name=$1 file=$2 label=$3 status=0 size peak secs
  shift 3
  rm -rf "$work/out" "$work/time"
  ( ulimit -v $((LIMIT_MB * 1024)); exec /usr/bin/time -f '%M %e' -o "$work/time" timeout "$TIMEOUT" "$BIN" "$@" -q ) \
    >/dev/null 2>"$work/stderr" || status=$?
  size=$(stat -c %s "$file")
  read -r peak secs < <(tail -n 1 "$work/time")
  [ -n "${base[$label]:-}" ] || base[$label]=$peak
  awk -v name="$name" -v size="$size" -v cmd="$label" -v peak="$peak" -v base="${base[$label]}" \
      -v secs="$secs" -v st="$status" 'BEGIN {
    mb = size / 1e6; p = peak / 1024; above = (peak - base) / 1024
    printf "| %-9s | %8.2f | %-12s | %8.0f | %8.0f | %7.1f | %8.2f | %4d |\n", name, mb, cmd, p, above, above / mb, secs, st }'
}

# wanted COMMAND: whether COMMANDS lists it.
wanted() { case " $COMMANDS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# run_all NAME FILE PDF: the commands of COMMANDS (PDF only when PDF is yes).
run_all() {
  local name=$1 file=$2 pdf=$3
  if wanted validate; then measure "$name" "$file" validate validate "$file"; fi
  if wanted xml; then measure "$name" "$file" "convert xml" convert "$file" -o "$work/out" --to xml; fi
  if wanted docx; then measure "$name" "$file" "convert docx" convert "$file" -o "$work/out" --to docx; fi
  if [ "$pdf" = yes ] && wanted pdf; then
    measure "$name" "$file" "convert pdf" convert "$file" -o "$work/out" --to pdf
  fi
  if [ "$pdf" = yes ] && wanted all; then
    measure "$name" "$file" "convert all" convert "$file" -o "$work/out"
  fi
}

echo "binary: $BIN"
echo "| input     |       MB | command      |  peak MB | above baseline MB | ×input |   wall s | exit |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
run_all baseline samples/report-en.txt yes
sizes=$(printf '%s\n' $PDF_SIZES $SIZES | sort -n | uniq)
for kind in report line word emphasis; do
  for mb in $sizes; do
    file="$work/$kind-$mb.txt"
    make_input "$kind" "$mb" "$file"
    pdf=no
    for p in $PDF_SIZES; do if [ "$p" = "$mb" ]; then pdf=yes; fi; done
    run_all "$kind" "$file" "$pdf"
    rm -f "$file"
  done
done
annex="$work/annex.xml"
sed 's|</document>|  <annex n="4294967295"><heading>Annex</heading><p>Text.</p></annex>\n</document>|' \
  tests/fixtures/report-en.xml >"$annex"
run_all annex "$annex" yes
rm -rf "$work/out" "$annex"
