#!/usr/bin/env bash
# undoc side by side with the tools people use today, on the same generated
# documents (default 200, `N=…` to change):
#   (a) undoc: xml+docx+pdf (Akoma Ntoso left out), the whole batch in one
#       process (and each format alone)
#   (b) pandoc markdown → DOCX, one process per document, 2 in parallel
#   (c) LibreOffice headless DOCX → PDF, all documents in one call
#   (d) xmllint --schema on undoc's XML, against undoc validate on the same XML
#   (e) pdflatex on pandoc's LaTeX of the English, French and Spanish
#       documents (where a LaTeX version is easy to make), one process per
#       document, 2 in parallel, against undoc's PDF of the same documents,
#       per page; only when pdflatex is installed (texlive-latex-base,
#       texlive-latex-recommended, lmodern: not installed here, as TeX's
#       fonts change LibreOffice's font substitution on this machine)
# Prints documents per second, peak memory (/usr/bin/time -v) and undoc/peer.
# undoc is the binary the Dockerfile ships, built with profile-guided
# optimisation by deploy/pgo.sh (about ten minutes); PGO=0 times the plain
# `cargo build --release` binary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200}
SEED=${SEED:-2026}
MAX_PAGES=${MAX_PAGES:-60}
JOBS=${JOBS:-2}
work=${WORK:-$(mktemp -d)}
export DEBIAN_FRONTEND=noninteractive

need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The corpus generator, and the undoc timed: the PGO build, or the plain one.
bin=${CARGO_TARGET_DIR:-target}/release
if [ "${PGO:-1}" = 1 ]; then
  cargo build -q --release --example corpus
  undoc=${CARGO_TARGET_DIR:-target}/pgo/undoc
  deploy/pgo.sh "$undoc" >/dev/null 2>&1 || { echo "deploy/pgo.sh failed (PGO=0 times the plain build)"; exit 1; }
  echo "undoc: the PGO build of deploy/pgo.sh"
else
  cargo build -q --release --bin undoc --example corpus
  undoc=$bin/undoc
  echo "undoc: the plain release build"
fi
rm -rf "$work/src" "$work"/out-*
"$bin"/examples/corpus "$N" "$work/src" "$SEED" "$MAX_PAGES"

# measure NAME COUNT CMD… : runs CMD under /usr/bin/time -v, records its wall
# time (to the millisecond: /usr/bin/time's own is to the hundredth, a
# seventh of a 0.07 s run) and peak MB. With REPEAT=n it runs CMD n times.
# A NAME measured again adds its runs to the earlier ones: its wall time is
# the median of all its runs, its peak the largest.
declare -A WALL PEAK COUNT RUNS
measure() {
  local name=$1 count=$2; shift 2
  local log="$work/time-$name.log" runs=${REPEAT:-1} start end peak
  for ((run = 0; run < runs; run++)); do
    start=$(date +%s%N)
    /usr/bin/time -v "$@" >"$work/out-$name.log" 2>"$log" || { echo "$name failed:"; tail -5 "$log"; exit 1; }
    end=$(date +%s%N)
    RUNS[$name]+="$(( (end - start) / 1000 )) "
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
    [ "$peak" -gt "${PEAK[$name]:-0}" ] && PEAK[$name]=$peak
  done
  WALL[$name]=$(printf '%s\n' ${RUNS[$name]} | sort -n | awk '{ us[NR] = $1 } END { printf "%.3f", us[int((NR + 1) / 2)] / 1e6 }')
  COUNT[$name]=$count
}
# pages DIR : the number of PDF pages in DIR.
pages() {
  for f in "$1"/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'; done | awk '{s+=$1} END {print s+0}'
}
expect_files() {
  local dir=$1 ext=$2 want=$3 got
  got=$(find "$dir" -name "*.$ext" | wc -l)
  [ "$got" -eq "$want" ] || { echo "expected $want .$ext files in $dir, found $got"; exit 1; }
}

measure undoc-all "$N" "$undoc" convert "$work/src" -o "$work/out-all" --to xml,docx,pdf -j "$JOBS" -q
for ext in xml docx pdf; do expect_files "$work/out-all" "$ext" "$N"; done
measure undoc-docx "$N" "$undoc" convert "$work/src" -o "$work/out-docx" --to docx -j "$JOBS" -q
measure undoc-pdf "$N" "$undoc" convert "$work/src" -o "$work/out-pdf" --to pdf -j "$JOBS" -q
# The XML files only: undoc reads the DOCX and PDF beside them too.
# Validation takes a tenth of a second and this shared machine's speed
# drifts from minute to minute: undoc and xmllint run in turn, eleven
# times each, and their medians are compared.
for ((turn = 0; turn < 11; turn++)); do
  measure undoc-validate "$N" "$undoc" validate "$work/out-all"/*.xml -j "$JOBS" -q
  measure xmllint "$N" sh -c "xmllint --noout --nonet --schema schemas/undoc.xsd '$work/out-all'/*.xml"
done

mkdir -p "$work/out-pandoc"
measure pandoc "$N" sh -c "ls '$work/src'/*.txt | xargs -P $JOBS -I{} sh -c 'pandoc -f markdown -t docx \"\$1\" -o \"$work/out-pandoc/\$(basename \"\$1\" .txt).docx\"' _ {}"
expect_files "$work/out-pandoc" docx "$N"

mkdir -p "$work/out-lo" "$work/lo-profile"
measure libreoffice "$N" soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work/out-lo" "$work/out-all"/*.docx
expect_files "$work/out-lo" pdf "$N"

latin_pages=0
if command -v pdflatex >/dev/null; then
  mkdir -p "$work/src-latin" "$work/out-tex" "$work/out-latin"
  cp "$work/src"/*-en.txt "$work/src"/*-fr.txt "$work/src"/*-es.txt "$work/src-latin/"
  latin=$(ls "$work/src-latin" | wc -l)
  # pandoc writes the LaTeX beforehand: only pdflatex is timed.
  for f in "$work/src-latin"/*.txt; do
    pandoc -f markdown -t latex -s "$f" -o "$work/out-tex/$(basename "$f" .txt).tex"
  done
  measure pdflatex "$latin" sh -c "ls '$work/out-tex'/*.tex | xargs -P $JOBS -I{} pdflatex -interaction=batchmode -halt-on-error -output-directory '$work/out-tex' {} >/dev/null"
  expect_files "$work/out-tex" pdf "$latin"
  measure undoc-latin "$latin" "$undoc" convert "$work/src-latin" -o "$work/out-latin" --to pdf -j "$JOBS" -q
  latin_pages=$(pages "$work/out-latin")
  tex_pages=$(pages "$work/out-tex")
fi

rate() { awk -v n="${COUNT[$1]}" -v s="${WALL[$1]}" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'; }
ratio() { awk -v a="$(rate "$1")" -v b="$(rate "$2")" 'BEGIN { printf "%.1f×", (b > 0 ? a / b : 0) }'; }
pdf_pages=$(pages "$work/out-all")
mb() { du -sm "$1" | cut -f1; }

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $N documents (seed $SEED, 1-$MAX_PAGES pages, all six languages), $(du -sh "$work/src" | cut -f1) of text; $pdf_pages PDF pages in all"
printf '%-44s %8s %9s %9s %12s\n' "run" "wall s" "docs/s" "peak MB" "undoc/peer"
row() { printf '%-44s %8.3f %9s %9s %12s\n' "$1" "${WALL[$2]}" "$(rate "$2")" "${PEAK[$2]}" "${3:-}"; }
row "undoc xml+docx+pdf, one process (-j $JOBS)" undoc-all
row "undoc docx" undoc-docx
row "pandoc markdown→docx, $JOBS processes" pandoc "$(ratio undoc-docx pandoc)"
row "undoc pdf" undoc-pdf
row "LibreOffice docx→pdf, one call" libreoffice "$(ratio undoc-pdf libreoffice)"
row "undoc validate (XML)" undoc-validate
row "xmllint --schema (XML)" xmllint "$(ratio undoc-validate xmllint)"
if [ "$latin_pages" -gt 0 ]; then
  per_page() { awk -v s="${WALL[$1]}" -v p="$2" 'BEGIN { printf "%.2f", 1000 * s / p }'; }
  echo "English, French and Spanish documents: undoc pdf $latin_pages pages in ${WALL[undoc-latin]} s ($(per_page undoc-latin "$latin_pages") ms/page, peak ${PEAK[undoc-latin]} MB); pdflatex $tex_pages pages in ${WALL[pdflatex]} s ($(per_page pdflatex "$tex_pages") ms/page, peak ${PEAK[pdflatex]} MB); undoc/pdflatex per page $(awk -v a="${WALL[pdflatex]}" -v b="${WALL[undoc-latin]}" -v p="$tex_pages" -v q="$latin_pages" 'BEGIN { printf "%.1f×", (a / p) / (b / q) }')"
fi
echo "output size: undoc pdf $(mb "$work/out-pdf") MB, LibreOffice pdf $(mb "$work/out-lo") MB; undoc docx $(mb "$work/out-docx") MB, pandoc docx $(mb "$work/out-pandoc") MB"
echo "work directory: $work"
