#!/usr/bin/env bash
# Benchmark of the dependency scan: sdlkit's own go.mod (about 160
# modules) against the full Go vulnerability database, offline.
#
#   1. sdl scan --deps-only --offline --no-call-analysis
#        against osv-scanner v2.5.0's command on the same go.mod and database
#        (osv-scanner scan source --offline --offline-vulnerabilities
#         --local-db-path DB --no-call-analysis=go -L go.mod)
#   2. the same with Go call analysis on (sdl's default; --call-analysis=go)
#   3. govulncheck (source mode: call analysis is what it does) on the same
#      records, converted to its database layout by scripts/govulndb
#
# Note: osv-scanner's command needs --offline as well as
# --offline-vulnerabilities: without it the local matcher is disabled and
# the scan reports no vulnerabilities (exit 0).
#
# Prints the median wall time and peak memory (maximum resident set size,
# from /usr/bin/time) of RUNS runs of each command, and the ratios.
#
# Usage: scripts/bench-deps.sh [RUNS]     (default 5)
set -euo pipefail

RUNS=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building sdl, osv-scanner v2.5.0 and govulncheck into $work/bin" >&2
mkdir -p "$work/bin"
(cd "$here" && go build -o "$work/bin/" ./cmd/sdl)
GOBIN="$work/bin" GOFLAGS=-mod=mod go install github.com/google/osv-scanner/v2/cmd/osv-scanner@v2.5.0
GOBIN="$work/bin" GOFLAGS=-mod=mod go install golang.org/x/vuln/cmd/govulncheck@v1.9.0

echo "building the databases from golang.org/x/vulndb" >&2
"$work/bin/sdl" vulndb update --dir "$work/db" >&2
(cd "$here" && go run ./scripts/govulndb "$work/db" "$work/govulndb")

cd "$here"
# measure NAME CMD...: runs CMD RUNS times; appends "wall_seconds peak_kib"
# lines to $work/NAME. One unmeasured run first warms the file cache.
measure() {
  local name=$1; shift
  : >"$work/$name"
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr.out" || true
    tail -n 1 "$work/time.out" >>"$work/$name"
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { cut -d' ' -f1 "$work/$1" | median; }
peak() { cut -d' ' -f2 "$work/$1" | median; }

cat >"$work/bin/osv" <<OSV
#!/bin/sh
exec "$work/bin/osv-scanner" scan source --offline --offline-vulnerabilities --local-db-path "$work/db" --format json "\$@" -L go.mod
OSV
chmod +x "$work/bin/osv"

# osv-scanner leaves the standard library out of go.mod scans; sdl checks
# the toolchain's by default. The like-for-like pairs leave it out of sdl
# too (--stdlib none); "sdl-full" is sdl's default, with it.
sdl=("$work/bin/sdl" scan --deps-only --offline --vulndb "$work/db" --format sarif -o "$work/sdl.sarif")
measure sdl "${sdl[@]}" --no-call-analysis --stdlib none
measure osv "$work/bin/osv" --no-call-analysis=go
measure sdl-calls "${sdl[@]}" --stdlib none
measure osv-calls "$work/bin/osv" --call-analysis=go
measure sdl-full "${sdl[@]}"
measure govulncheck "$work/bin/govulncheck" -db "file://$work/govulndb" ./...

printf '%-28s %10s %12s\n' command "wall (s)" "peak (MiB)"
for n in sdl osv sdl-calls osv-calls sdl-full govulncheck; do
  printf '%-28s %10s %12d\n' "$n" "$(wall $n)" "$(( $(peak $n) / 1024 ))"
done
awk -v a="$(wall sdl)" -v b="$(wall osv)" 'BEGIN {printf "sdl / osv-scanner, no call analysis:   %.2fx (target <= 1.2x)\n", a/b}'
awk -v a="$(wall sdl-calls)" -v b="$(wall osv-calls)" 'BEGIN {printf "sdl / osv-scanner, call analysis:      %.2fx (target <= 1.2x)\n", a/b}'
awk -v a="$(wall sdl-full)" -v b="$(wall govulncheck)" 'BEGIN {printf "sdl (default, with stdlib) / govulncheck: %.2fx\n", a/b}'
echo "modules in go.mod: $(grep -c '^\s.* v' go.mod)"
