#!/usr/bin/env bash
# Measures the cohort model (see benchmarks/README.md, "Model benchmark"): the hold model as the
# same-run reference for the kernel's event rate, then `cohortsim bench model` on
# Scenarios/baseline.json (and a copy of it using GSL's taus2 generator instead of mt19937) and
# Scenarios/national.json, each with 1 and 2 worker threads. Prints replications/s, events/s,
# the ratio model events/s ÷ hold events/s and the 2-thread speed-up, and checks the targets:
# model ≥ ½ the hold rate, 2 jobs ≥ 1.8× 1 job, 1,000 baseline replications in < 60 s.
#
# Environment (all optional):
#   BASELINE_REPLICATIONS  (default 1000)
#   NATIONAL_REPLICATIONS  (default 4)
#   SCRATCH                swift build --scratch-path (default: SwiftPM's .build)
#   COHORTSIM              a cohortsim binary to measure instead of building one (e.g. a copy
#                          of another commit's release build, for a before/after comparison)
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE_REPLICATIONS=${BASELINE_REPLICATIONS:-1000}
NATIONAL_REPLICATIONS=${NATIONAL_REPLICATIONS:-4}
scratch=()
if [ -n "${SCRATCH:-}" ]; then scratch=(--scratch-path "$SCRATCH"); fi
out=benchmarks/out
mkdir -p "$out"

if [ -n "${COHORTSIM:-}" ]; then
  cohortsim=$COHORTSIM
else
  echo "== building cohortsim (release) ==" >&2
  swift build -c release "${scratch[@]}" --product cohortsim >&2
  cohortsim="$(swift build -c release "${scratch[@]}" --show-bin-path)/cohortsim"
fi

# baseline.json with "generator": "taus2", to see what the generator costs.
python3 - <<'PY'
import json
scenario = json.load(open("Scenarios/baseline.json"))
scenario["generator"] = "taus2"
json.dump(scenario, open("benchmarks/out/baseline-taus2.json", "w"), indent=2)
PY

# The last line of a benchmark, echoed to stderr.
last_line() {
  local line
  line=$("$@" | tail -n 1)
  echo "  $line" >&2
  echo "$line"
}

# field NAME LINE: the value of NAME=... in LINE.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

echo "== hold model, N = 1000, 20M events ==" >&2
hold=$(last_line "$cohortsim" bench hold --pending 1000 --events 20000000)
hold_rate=$(field events_per_s "$hold")

rows=()
for spec in "Scenarios/baseline.json $BASELINE_REPLICATIONS" "$out/baseline-taus2.json $BASELINE_REPLICATIONS" \
  "Scenarios/national.json $NATIONAL_REPLICATIONS"; do
  read -r scenario replications <<<"$spec"
  for jobs in 1 2; do
    echo "== $scenario, $replications replications, $jobs job(s) ==" >&2
    line=$(last_line "$cohortsim" bench model "$scenario" --replications "$replications" --jobs "$jobs")
    rows+=("$(basename "$scenario" .json) $jobs $replications $(field seconds "$line") $(field replications_per_s "$line") $(field events_per_s "$line")")
  done
done

echo
echo "cohort model, $(nproc) cores, $(date -u +%Y-%m-%d); hold reference: $hold_rate events/s (N = 1000)"
printf '%-16s %4s %6s %9s %10s %12s %10s %9s\n' scenario jobs reps seconds "reps/s" "events/s" "÷ hold" speed-up
declare -A one_job
for row in "${rows[@]}"; do
  read -r name jobs replications seconds per_s events <<<"$row"
  if [ "$jobs" = 1 ]; then one_job[$name]=$seconds; fi
  awk -v n="$name" -v j="$jobs" -v r="$replications" -v s="$seconds" -v p="$per_s" -v e="$events" \
    -v h="$hold_rate" -v one="${one_job[$name]}" 'BEGIN {
    printf "%-16s %4d %6d %9.2f %10.2f %12.0f %10.2f %9s\n", n, j, r, s, p, e, e / h, j == 1 ? "" : sprintf("%.2fx", one / s)
  }'
done
