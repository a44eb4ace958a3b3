"""Recompute a sweep folder's sensitivity indices with SALib 1.6 and compare the point estimates.

usage: compare.py SWEEP_DIR METRIC... ; exits 1 when any estimate differs from SALib's by more
than 1e-6 (absolute), printing every comparison.
"""
import json
import sys

import numpy as np
import pandas as pd
from SALib.analyze import morris, sobol

TOLERANCE = 1e-6

folder, metrics = sys.argv[1], sys.argv[2:]
run = json.load(open(f"{folder}/run.json"))
design = run["design"]
factors = [f["path"] for f in design["factors"]]
problem = {
    "num_vars": len(factors),
    "names": factors,
    "bounds": [[f["lower"], f["upper"]] for f in design["factors"]],
}
X = pd.read_csv(f"{folder}/design.csv").sort_values("point")[factors].to_numpy()
points = pd.read_csv(f"{folder}/points.csv")
ours = pd.read_csv(f"{folder}/sensitivity.csv")
worst = 0.0
failed = False
for strategy in run["strategies"]:
    for metric in metrics:
        rows = points[(points.strategy == strategy) & (points.metric == metric)].sort_values("point")
        Y = rows["mean"].to_numpy()
        assert len(Y) == len(X), f"{metric}: {len(Y)} means for {len(X)} points"
        if design["method"] == "sobol":
            result = sobol.analyze(problem, Y, calc_second_order=False, seed=1)
            theirs = {"S1": result["S1"], "ST": result["ST"]}
        else:
            result = morris.analyze(problem, X, Y, num_levels=design.get("levels", 4), seed=1)
            theirs = {"mu": result["mu"], "mu_star": result["mu_star"], "sigma": result["sigma"]}
        for index, values in theirs.items():
            for factor, expected in zip(factors, values):
                match = ours[(ours.strategy == strategy) & (ours.metric == metric)
                             & (ours.factor == factor) & (ours["index"] == index)]
                assert len(match) == 1, f"no row for {strategy} {metric} {factor} {index}"
                estimate = float(match["estimate"].iloc[0])
                difference = abs(estimate - float(expected))
                worst = max(worst, difference)
                verdict = "ok" if difference <= TOLERANCE else "DIFFERS"
                failed |= difference > TOLERANCE
                print(f"{design['method']:6} {strategy} {metric:24} {factor:26} {index:8} "
                      f"cohortsim {estimate: .9f}  SALib {float(expected): .9f}  {verdict}")
print(f"largest difference {worst:.3g} (tolerance {TOLERANCE})")
sys.exit(1 if failed else 0)
