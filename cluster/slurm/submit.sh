#!/bin/bash
# Submits a cohortsim run to Slurm as an array of N shards plus a merge that waits for them.
#
#   cluster/slurm/submit.sh [options] SCENARIO [-- further cohortsim options]
#
# Options:
#   -n N          shards, one array task each (default 10)
#   -t M          throttle: at most M shard tasks at once (sbatch --array=0-(N-1)%M)
#   -o DIR        merged results (default Results/<scenario file name>)
#   -s DIR        shard folders (default DIR-shards, beside the results)
#   -b PATH       cohortsim executable (default .build/release/cohortsim)
#   -c            compare instead of run (give --strategies a,b after --)
#   -w            wait for the merge (sbatch --wait); exit 1 if it did not complete
#   -a ARGS       extra sbatch arguments for both jobs, e.g. "-p short -A mylab"
# Example:
#   cluster/slurm/submit.sh -n 20 -t 8 Scenarios/national.json -- --replications 2000 --seed 7
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shards=10 throttle="" out="" shard_root="" binary=.build/release/cohortsim mode=run wait=() sbatch_args=""
while getopts "n:t:o:s:b:a:cwh" option; do
  case $option in
    n) shards=$OPTARG ;;
    t) throttle=$OPTARG ;;
    o) out=$OPTARG ;;
    s) shard_root=$OPTARG ;;
    b) binary=$OPTARG ;;
    a) sbatch_args=$OPTARG ;;
    c) mode=compare ;;
    w) wait=(--wait) ;;
    h) sed -n '2,17p' "$0"; exit 0 ;;
    *) sed -n '2,17p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if (( $# < 1 )); then sed -n '2,17p' "$0" >&2; exit 2; fi
scenario=$1
shift
[[ "${1:-}" == "--" ]] && shift
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then echo "submit.sh: -n needs a positive whole number" >&2; exit 2; fi
[[ -f "$scenario" ]] || { echo "submit.sh: no scenario file $scenario" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "submit.sh: no executable $binary; build with: swift build -c release" >&2; exit 2; }

absolute() { [[ "$1" == /* ]] && echo "$1" || echo "$PWD/$1"; }
name=$(basename "$scenario" .json)
out=$(absolute "${out:-Results/$name}")
shard_root=$(absolute "${shard_root:-$out-shards}")
mkdir -p "$shard_root" "$(dirname "$out")"
read -r -a extra_sbatch <<< "$sbatch_args"

export COHORTSIM SCENARIO SHARD_ROOT SHARDS OUT COHORTSIM_MODE COHORTSIM_ARGS
COHORTSIM=$(absolute "$binary") SCENARIO=$(absolute "$scenario") SHARD_ROOT=$shard_root SHARDS=$shards
OUT=$out COHORTSIM_MODE=$mode COHORTSIM_ARGS="$*"

# What the jobs were given, to resubmit a failed task by hand (README.md, "Running on a cluster").
for variable in COHORTSIM SCENARIO SHARD_ROOT SHARDS OUT COHORTSIM_MODE COHORTSIM_ARGS; do
  printf '%s=%q\n' "$variable" "${!variable}"
done >"$shard_root/submission.env"

array=$(sbatch --parsable "${extra_sbatch[@]}" --array="0-$((shards - 1))${throttle:+%$throttle}" \
  --chdir="$shard_root" --export=ALL "$here/cohortsim-shard.sbatch")
array=${array%%;*}
echo "submitted shards: job $array (tasks 0-$((shards - 1))), folders in $shard_root/shard-K"
merge_status=0
merge=$(sbatch --parsable "${extra_sbatch[@]}" "${wait[@]}" --dependency="afterok:$array" \
  --kill-on-invalid-dep=yes --chdir="$shard_root" --export=ALL "$here/cohortsim-merge.sbatch") \
  || merge_status=$?
merge=${merge%%;*}
echo "submitted merge: job $merge, after every shard succeeds; results in $out"
if (( ${#wait[@]} )); then
  # sbatch --wait exits 0 for a merge cancelled because a shard failed: ask for the state.
  state=$(scontrol -o show job "$merge" 2>/dev/null | grep -o 'JobState=[A-Z_]*' || true)
  if (( merge_status != 0 )) || [[ "$state" != "JobState=COMPLETED" ]]; then
    echo "submit.sh: the merge did not complete (${state:-state unknown}, exit $merge_status); shard tasks:" >&2
    scontrol -o show job "$array" 2>/dev/null | grep -o 'ArrayTaskId=[0-9]* .*JobState=[A-Z_]*\|ExitCode=[0-9:]*' \
      | paste - - | sed 's/ .*JobState=/ /;s/^/  /' >&2 || true
    exit 1
  fi
fi
exit "$merge_status"
