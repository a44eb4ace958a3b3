#!/usr/bin/env bash
# Measures the event kernel with the hold model (see benchmarks/README.md): cohortsim, a plain C
# reference (hold_c.c) and SimPy, in the same run on the same machine, at N = 1,000 and 100,000
# pending events. Prints one table of events per second and the ratios Swift/C and Swift/SimPy.
#
# Each cohortsim and C measurement runs REPEATS times (default 3) and the best is reported: the
# best run is the one least disturbed by other work on the machine. SimPy runs once (its rate is
# steady, and a run takes seconds).
#
# Environment (all optional):
#   EVENTS        events per cohortsim and C run          (default 20000000)
#   SIMPY_EVENTS  events per SimPy run                    (default 1000000)
#   PENDINGS      calendar sizes                          (default "1000 100000")
#   REPEATS       runs per cohortsim and C measurement    (default 3)
#   SCRATCH       swift build --scratch-path              (default: SwiftPM's .build)
#   PYTHON        interpreter with simpy installed        (default python3)
#   CC            C compiler                              (default gcc)
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-20000000}
SIMPY_EVENTS=${SIMPY_EVENTS:-1000000}
PENDINGS=${PENDINGS:-"1000 100000"}
REPEATS=${REPEATS:-3}
PYTHON=${PYTHON:-python3}
CC=${CC:-gcc}
scratch=()
if [ -n "${SCRATCH:-}" ]; then scratch=(--scratch-path "$SCRATCH"); fi
out=benchmarks/out
mkdir -p "$out"

echo "== building cohortsim (release) and the C reference ==" >&2
swift build -c release "${scratch[@]}" --product cohortsim >&2
cohortsim="$(swift build -c release "${scratch[@]}" --show-bin-path)/cohortsim"
"$CC" -O2 -o "$out/hold_c" benchmarks/hold_c.c -lgsl -lgslcblas -lm
"$PYTHON" -c "import simpy" 2>/dev/null || { echo "run.sh: $PYTHON cannot import simpy" >&2; exit 1; }

# The events_per_s of the last line a benchmark prints.
rate() {
  local line
  line=$("$@" | tail -n 1)
  echo "  $line" >&2
  case "$line" in
    hold\ *events_per_s=*) echo "${line##*events_per_s=}" ;;
    *) echo "run.sh: unexpected output from $*: $line" >&2; exit 1 ;;
  esac
}

# The best events_per_s of REPEATS runs.
best_rate() {
  local best=0 current
  for _ in $(seq "$REPEATS"); do
    current=$(rate "$@")
    if [ "$current" -gt "$best" ]; then best=$current; fi
  done
  echo "$best"
}

rows=()
for pending in $PENDINGS; do
  echo "== N = $pending ==" >&2
  swift_rate=$(best_rate "$cohortsim" bench hold --pending "$pending" --events "$EVENTS")
  c_rate=$(best_rate "$out/hold_c" --pending "$pending" --events "$EVENTS")
  simpy_rate=$(rate "$PYTHON" benchmarks/hold_simpy.py --pending "$pending" --events "$SIMPY_EVENTS")
  rows+=("$pending $swift_rate $c_rate $simpy_rate")
done

echo
echo "hold model, events executed per second (cohortsim and C: best of $REPEATS runs of $EVENTS events;"
echo "SimPy: one run of $SIMPY_EVENTS events); $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%10s  %14s  %14s  %14s  %8s  %12s\n' "N pending" "cohortsim" "C (GSL heap)" "SimPy" "Swift/C" "Swift/SimPy"
for row in "${rows[@]}"; do
  read -r pending swift_rate c_rate simpy_rate <<<"$row"
  awk -v n="$pending" -v s="$swift_rate" -v c="$c_rate" -v p="$simpy_rate" 'BEGIN {
    printf "%10d  %14.0f  %14.0f  %14.0f  %8.2f  %12.1f\n", n, s, c, p, s / c, s / p
  }'
done
