#!/usr/bin/env bash
# The whole `.docx → xml + docx + pdf` path of undoc on the official DGACM Word
# files (tests/fixtures/un-official/), side by side with LibreOffice's
# `.docx → .pdf` on the same files, in one run (issue 13). Uses hyperfine
# when installed (apt-get install hyperfine), else times each command once
# per run with `date`.
#
#   bench/word_vs_libreoffice.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
undoc="$target/release/undoc"
command -v soffice >/dev/null || { echo "soffice (libreoffice-writer-nogui) is required" >&2; exit 2; }
files=(tests/fixtures/un-official/*.docx)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LibreOffice's first start builds its profile: not part of the comparison.
soffice --headless --convert-to pdf --outdir "$work/warm" "${files[0]}" >/dev/null 2>&1
pages=$(for f in "$work"/warm/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages/ {print $2}'; done)
echo "files: ${#files[@]} Word files ($(du -ch "${files[@]}" | tail -1 | cut -f1))"
undoc_cmd="$undoc convert ${files[*]} -o $work/undoc --to xml,docx,pdf --quiet -j 2"
lo_cmd="soffice --headless --convert-to pdf --outdir $work/lo ${files[*]}"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" -N \
    -n "undoc .docx → xml+docx+pdf" "$undoc_cmd" \
    -n "LibreOffice .docx → pdf" "$lo_cmd"
else
  for name in undoc lo; do
    cmd=${name}_cmd
    best=""
    for _ in $(seq "$runs"); do
      start=$(date +%s.%N)
      ${!cmd} >/dev/null 2>&1
      end=$(date +%s.%N)
      t=$(echo "$end - $start" | bc)
      best=$(echo "$t $best" | tr ' ' '\n' | sort -g | head -1)
    done
    echo "$name: best of $runs: ${best} s"
  done
fi
ls "$work/undoc"/*.pdf >/dev/null
