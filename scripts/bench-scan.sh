#!/usr/bin/env bash
# Benchmark of the implementation phase on a large real module
# (golang.org/x/tools@v0.52.0, about 216 packages, from the module cache):
#
#   1. sdl scan --format sarif ./...   against   gosec -fmt sarif ./... (v2.30.0)
#   2. go vet -vettool=sdlvet ./...     against   go vet ./...
#
# Every run starts from a fresh copy of a Go build cache filled only by
# `go build ./...`, so what is compared is analysis work, not replays of
# cached vet or analysis results. Prints the median wall time and peak
# memory (maximum resident set size, from /usr/bin/time -v) of RUNS runs of
# each command, and the ratios.
#
# With "taint" as the second argument it measures instead what the taint
# rules cost the scan:
#
#   3. sdl scan (all rules)  against  sdl scan without any taint rule
#      (SDL901-SDL910 and gosec's G701-G710 excluded)  and  sdl scan with
#      gosec's own taint rules in place of ours (SDL901-SDL910 excluded)
#
# Usage: scripts/bench-scan.sh [RUNS] [taint]     (default 5 runs)
set -euo pipefail

RUNS=${1:-5}
WHAT=${2:-scan}
MOD=golang.org/x/tools
VER=v0.52.0
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

echo "building sdl, sdlvet and gosec v2.30.0 into $work/bin" >&2
mkdir -p "$work/bin"
(cd "$here" && go build -o "$work/bin/" ./cmd/sdl ./cmd/sdlvet ./cmd/sdlvet-worker)
GOBIN="$work/bin" go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0

src=$(cd "$here" && go mod download -json "$MOD@$VER" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
cp -r "$src" "$work/tree"
chmod -R u+w "$work/tree"
cd "$work/tree"
go mod download

echo "filling the base build cache with go build ./..." >&2
export GOCACHE="$work/cache.base"
go build ./... >/dev/null
export GOFLAGS=-mod=mod

# measure NAME CMD...: runs CMD RUNS times, each with a fresh copy of the
# base cache; appends "wall_seconds peak_kib" lines to $work/NAME.
measure() {
  local name=$1; shift
  : >"$work/$name"
  for _ in $(seq "$RUNS"); do
    rm -rf "$work/cache.run"
    cp -r "$work/cache.base" "$work/cache.run"
    GOCACHE="$work/cache.run" /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr.out" || true
    tail -n 1 "$work/time.out" >>"$work/$name"  # time prints a "Command exited" line first on failure
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { cut -d' ' -f1 "$work/$1" | median; }
peak() { cut -d' ' -f2 "$work/$1" | median; }

measure sdl "$work/bin/sdl" scan --no-deps --format sarif -o "$work/sdl.sarif" ./...

if [ "$WHAT" = taint ]; then
  ours=SDL901,SDL902,SDL903,SDL904,SDL905,SDL906,SDL907,SDL908,SDL909,SDL910
  theirs=G701,G702,G703,G704,G705,G706,G707,G708,G709,G710
  measure notaint "$work/bin/sdl" scan --no-deps --format sarif -o "$work/notaint.sarif" --exclude "$ours,$theirs" ./...
  measure gosectaint "$work/bin/sdl" scan --no-deps --format sarif -o "$work/gosectaint.sarif" --exclude "$ours" ./...
  printf '%-28s %10s %12s\n' command "wall (s)" "peak (MiB)"
  for n in sdl notaint gosectaint; do
    printf '%-28s %10s %12d\n' "$n" "$(wall $n)" "$(( $(peak $n) / 1024 ))"
  done
  awk -v a="$(wall sdl)" -v b="$(wall notaint)" 'BEGIN {printf "taint rules add: %.0f%% (target < 20%%)\n", (a/b-1)*100}'
  awk -v a="$(wall sdl)" -v b="$(wall gosectaint)" 'BEGIN {printf "ours / gosec taint rules: %.2fx\n", a/b}'
  for n in sdl notaint gosectaint; do
    printf '%s findings: %s\n' "$n" "$(grep -c '"ruleId"' "$work/$n.sarif" || true)"
  done
  echo "packages: $(go list ./... | wc -l)"
  exit 0
fi
measure gosec "$work/bin/gosec" -quiet -fmt sarif -out "$work/gosec.sarif" ./...
measure vet go vet ./...
measure sdlvet go vet -vettool="$work/bin/sdlvet" ./...

printf '%-28s %10s %12s\n' command "wall (s)" "peak (MiB)"
for n in sdl gosec vet sdlvet; do
  printf '%-28s %10s %12d\n' "$n" "$(wall $n)" "$(( $(peak $n) / 1024 ))"
done
awk -v a="$(wall sdl)" -v b="$(wall gosec)" 'BEGIN {printf "sdl scan / gosec:        %.2fx (target <= 0.25x)\n", a/b}'
awk -v a="$(wall sdlvet)" -v b="$(wall vet)" 'BEGIN {printf "vet -vettool=sdlvet / vet: %.2fx (target <= 2x)\n", a/b}'
echo "packages: $(go list ./... | wc -l)"
