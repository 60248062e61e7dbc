#!/usr/bin/env bash
# Builds undoc's release binary with profile-guided optimisation (PGO), the
# way rustc and clang ship theirs: a first build counts how often each branch
# and call is taken while undoc reads, validates and writes documents of
# every kind, and the second build lays out and inlines the code by those
# counts. Same source, same outputs byte for byte; faster, because undoc's
# time goes to branchy parsing and validation code whose layout decides how
# often the processor waits for instructions (bench/RESULTS.md has the
# figures). The Dockerfile builds the binary it ships with this script.
#
#   deploy/pgo.sh            # writes target/pgo/undoc
#   deploy/pgo.sh OUT        # writes OUT
#   UNDOC_PGO_CORPUS=BIN deploy/pgo.sh   # BIN: examples/corpus, already built
#
# Needs rustup's llvm-tools (installed here if missing) for llvm-profdata
# of the compiler's own LLVM version. Both builds use their own target
# directories under the usual one, so the ordinary build is not disturbed.
# The training documents are the repository's: the samples, the DGACM Word
# files and PDFs of tests/fixtures/un-official, 40 generated reports in the
# six languages converted to every format, and 500 generated drafts
# validated.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
out=${1:-$target/pgo/undoc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! rustup component list --installed 2>/dev/null | grep -q '^llvm-tools'; then
  rustup component add llvm-tools
fi
profdata="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-profdata"
[ -x "$profdata" ] || { echo "pgo.sh: no llvm-profdata at $profdata" >&2; exit 1; }

# 1. The counting build, and the counts of a training run. The counts go to
# a fixed place, so that the counting build is built again only when the
# source changes.
counts="$target/pgo-gen/counts"
RUSTFLAGS="-Cprofile-generate=$counts" \
  cargo build --release --locked --bin undoc --target-dir "$target/pgo-gen"
# Build scripts ran counted too: their counts are not undoc's.
rm -rf "$counts"
counting="$target/pgo-gen/release/undoc"
# The generator of training documents, built on its own (unoptimised: it
# is quick either way, and `cargo test` has built it already): an example
# brings the dev-dependencies, whose features would change the
# dependencies' code in the counting build, and the counts would then not
# fit the second build's (validation was 18 % slower for it).
# UNDOC_PGO_CORPUS names one already built (CI's, whose debug build is
# deleted by then to save disk).
corpus=${UNDOC_PGO_CORPUS:-}
if [ -z "$corpus" ]; then
  cargo build --locked --example corpus
  corpus="$target/debug/examples/corpus"
fi
# One thread: the counters are not atomic. (The counts still differ a
# little from run to run, as hash tables are seeded at random, so two PGO
# builds differ in their code's layout; never in their outputs.) The
# documents are generated with other seeds than bench/compare.sh's, so that
# the figures there are of documents the training has not seen.
"$corpus" 40 "$work/corpus" 7 20 >/dev/null
"$counting" convert "$work/corpus" -o "$work/out-corpus" --to xml,docx,pdf -q -j 1
# Validation of many drafts, as CI runs it. The compiler optimises for
# speed the code the training runs most and for size the rest, so
# validation, which takes a fiftieth of the time conversion takes per
# document, needs many more documents to count as much.
"$corpus" 500 "$work/drafts" 8 60 >/dev/null
"$counting" convert "$work/drafts" -o "$work/out-drafts" --to xml -q -j 1
"$counting" validate "$work/out-drafts" -q --format json -j 1 >/dev/null
"$counting" convert samples -o "$work/out-samples" -q -j 1
"$counting" validate samples -q -j 1 >/dev/null
"$counting" convert tests/fixtures/un-official/*.docx -o "$work/out-word" -q -j 1 2>/dev/null
"$counting" convert tests/fixtures/un-official/*.pdf -o "$work/out-pdf-text" -q -j 1 2>/dev/null
"$counting" convert "$work/out-word"/*.docx -o "$work/out-back" --to xml -q -j 1 2>/dev/null
"$profdata" merge -o "$work/undoc.profdata" "$counts"
# Named by their hash: cargo rebuilds when the flags change, not when a
# file they name does.
mkdir -p "$target/pgo"
rm -f "$target"/pgo/undoc-*.profdata
profile="$target/pgo/undoc-$(sha256sum "$work/undoc.profdata" | cut -c1-16).profdata"
cp "$work/undoc.profdata" "$profile"

# 2. The build laid out by the counts.
RUSTFLAGS="-Cprofile-use=$profile" \
  cargo build --release --locked --bin undoc --target-dir "$target/pgo-use"
mkdir -p "$(dirname "$out")"
cp "$target/pgo-use/release/undoc" "$out"
echo "pgo.sh: $out"
