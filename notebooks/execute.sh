#!/usr/bin/env bash
# Execute every notebook in this folder headless, in place, so the committed outputs match Results/.
# Installs notebooks/requirements.txt into a virtual environment (notebooks/.venv, or the folder
# named by COHORTSIM_NB_VENV) and fails on the first cell that raises.
# COHORTSIM_RESULTS, if set, is the folder holding the run folders (default: ../Results).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

VENV="${COHORTSIM_NB_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
VENV="$(cd "$VENV" && pwd)"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements.txt
# The kernel must be the venv's Python (the kernelspec runs "python" from PATH).
export PATH="$VENV/bin:$PATH"
# Don't let a display or a user's matplotlibrc change the figures.
export MPLBACKEND=module://matplotlib_inline.backend_inline
unset MATPLOTLIBRC || true

for nb in *.ipynb; do
  echo "executing $nb"
  "$VENV/bin/jupyter" nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=python3 "$nb"
done
