#!/usr/bin/env bash
# Benchmark of the verification gate on a generated SARIF file of
# 1,000,000 results (100 rules, 10,000 files) with 1,000 exceptions and a
# 500,000-entry baseline. Compares the whole `sdl gate` run with a bare
# encoding/json decode of the same file (into an any, and into typed
# structs), and its peak memory with the file's size. Prints medians of
# RUNS runs (/usr/bin/time -v for peak memory).
#
# Usage: scripts/bench-gate.sh [RUNS]     (default 5)
set -euo pipefail

RUNS=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$here" && go build -o "$work/sdl" ./cmd/sdl && go build -o "$work/gatebench" ./scripts/gatebench)
mkdir -p "$work/repo/.git"    # the repository root the gate runs in
cd "$work/repo"
"$work/gatebench" gen .
size=$(stat -c %s results.sarif)

# A baseline of half the findings: record them all, keep every other line.
"$work/sdl" gate implementation --update-baseline results.sarif >/dev/null
"$work/gatebench" halve baseline.json
entries=$(grep -o '"fingerprint"' baseline.json | wc -l)

measure() {
  local name=$1; shift
  : >"$work/$name"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr.out" || true
    tail -n 1 "$work/time.out" >>"$work/$name"  # time prints a "Command exited" line first on failure
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { cut -d' ' -f1 "$work/$1" | median; }
peak() { cut -d' ' -f2 "$work/$1" | median; }

measure gate "$work/sdl" gate implementation --no-evidence results.sarif
measure decode "$work/gatebench" decode results.sarif
measure struct "$work/gatebench" struct results.sarif

echo "results.sarif: $size bytes; baseline: $entries entries; exceptions: 1000"
printf '%-34s %10s %12s\n' command "wall (s)" "peak (MiB)"
printf '%-34s %10s %12d\n' "sdl gate implementation" "$(wall gate)" "$(( $(peak gate) / 1024 ))"
printf '%-34s %10s %12d\n' "encoding/json decode into any" "$(wall decode)" "$(( $(peak decode) / 1024 ))"
printf '%-34s %10s %12d\n' "encoding/json decode into structs" "$(wall struct)" "$(( $(peak struct) / 1024 ))"
awk -v a="$(wall gate)" -v b="$(wall decode)" -v c="$(wall struct)" 'BEGIN {printf "time: gate / decode(any) = %.2fx, gate / decode(structs) = %.2fx (target <= 2x)\n", a/b, a/c}'
awk -v m="$(peak gate)" -v s="$size" 'BEGIN {printf "memory: gate peak / file size = %.2fx (target <= 2x)\n", m*1024/s}'
tail -3 "$work/stderr.out" >&2 || true
