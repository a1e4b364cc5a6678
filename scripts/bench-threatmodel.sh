#!/usr/bin/env bash
# Benchmark of the design phase: a generated threat model of 5,000
# elements, 20,000 flows and 50,000 threats, validated by
# `sdl threatmodel validate` (parse, schema, every design gate, the gate
# decision), against a bare go.yaml.in/yaml/v3 decode of the same file into
# an any. Prints medians of RUNS runs, peak memory, and the ratio.
#
# Usage: scripts/bench-threatmodel.sh [RUNS]     (default 5)
set -euo pipefail

RUNS=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$here" && go build -o "$work/" ./cmd/sdl ./scripts/tmbench)
mkdir -p "$work/repo/.git"
cd "$work/repo"
"$work/tmbench" gen threatmodel.yaml
size=$(stat -c %s threatmodel.yaml)

measure() {
  local name=$1; shift
  : >"$work/$name"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/time.out" >>"$work/$name"  # time prints a "Command exited" line first on failure
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { cut -d' ' -f1 "$work/$1" | median; }
peak() { cut -d' ' -f2 "$work/$1" | median; }

measure validate "$work/sdl" threatmodel validate --no-evidence threatmodel.yaml
measure decode "$work/tmbench" decode threatmodel.yaml

echo "threatmodel.yaml: $size bytes (5,000 elements, 20,000 flows, 50,000 threats)"
printf '%-34s %10s %12s\n' command "wall (s)" "peak (MiB)"
printf '%-34s %10s %12d\n' "sdl threatmodel validate" "$(wall validate)" "$(( $(peak validate) / 1024 ))"
printf '%-34s %10s %12d\n' "yaml.v3 decode into any" "$(wall decode)" "$(( $(peak decode) / 1024 ))"
awk -v a="$(wall validate)" -v b="$(wall decode)" 'BEGIN {printf "validate / bare decode = %.2fx (target <= 2x)\n", a/b}'
