"""Loads every CSV in the folders given after the schema with pandas.read_csv's defaults and
compares each column's dtype with the schema (cohortsim help outputs --csv). Prints one line per
mismatch, naming the file and the column; exits 1 when there is any.

Usage: python check_types.py SCHEMA.csv DIR...

A folder holding design.csv is a sweep's and uses the schema rows of folder "sweep", any other
those of folder "run", except that a posterior run's (run.json records "posterior") summary.csv and
replications.csv use those of folder "posterior-run". A schema row with tail TRUE stands for every column after the fixed ones
(one per factor path or metric), which must then be at least one.

An integer column that holds a missing value loads as float64 (pandas' default integers cannot be
missing); that is accepted when every value present is whole, as README.md documents. A
character column that may be missing and is missing throughout (student_id without
--current-students) loads as float64; that is accepted too, as README.md documents.
"""
import pathlib
import sys

import pandas as pd
from pandas.api import types


def matches(kind: str, series: pd.Series) -> bool:
    if kind == "logical":
        return types.is_bool_dtype(series.dtype)
    if kind == "integer":
        if types.is_integer_dtype(series.dtype):
            return True
        present = series.dropna()
        return series.isna().any() and types.is_float_dtype(series.dtype) and (present == present.round()).all()
    if kind == "integer64":
        return str(series.dtype) in ("int64", "uint64")
    if kind == "numeric":
        return types.is_float_dtype(series.dtype)
    if kind == "character":
        return series.dtype == object and series.dropna().map(lambda v: isinstance(v, str)).all()
    raise ValueError(f"unknown schema type {kind}")


def expected_columns(rows: pd.DataFrame, header: list) -> list | None:
    """(column, type, missing) for each column of a file with `header`, from its schema rows (the
    fixed ones, then the tail row, if any, repeated over the rest); None when the header does not fit."""
    fixed = rows[~rows["tail"]]
    tail = rows[rows["tail"]]
    count = len(fixed)
    if header[:count] != list(fixed.column):
        return None
    if tail.empty and len(header) != count or not tail.empty and len(header) <= count:
        return None
    kinds = list(zip(fixed.type, fixed.missing))
    if not tail.empty:
        kinds += [(tail.type.iloc[0], tail.missing.iloc[0])] * (len(header) - count)
    return [(column, kind, missing) for column, (kind, missing) in zip(header, kinds)]


def main() -> int:
    schema = pd.read_csv(sys.argv[1])
    assert schema["tail"].dtype == bool and schema.missing.dtype == bool
    failures = []
    checked = 0
    for folder in sys.argv[2:]:
        # A folder holding design.csv is a sweep's (help outputs, README.md).
        kind_of_folder = "sweep" if (pathlib.Path(folder) / "design.csv").exists() else "run"
        # A run over a posterior (run.json records "posterior") has its own summary.csv and
        # replications.csv (folder "posterior-run"); its other files are a run's.
        run_json = pathlib.Path(folder) / "run.json"
        posterior_run = run_json.exists() and '"posterior"' in run_json.read_text()
        for path in sorted(pathlib.Path(folder).glob("*.csv")):
            rows = schema[(schema.folder == kind_of_folder) & (schema.file == path.name)]
            if posterior_run and (schema[(schema.folder == "posterior-run") & (schema.file == path.name)]).shape[0]:
                rows = schema[(schema.folder == "posterior-run") & (schema.file == path.name)]
            if rows.empty:
                failures.append(f"{path}: no schema for this file in a {kind_of_folder} folder (add it to OutputSchema)")
                continue
            data = pd.read_csv(path)
            expected = expected_columns(rows, list(data.columns))
            if expected is None:
                failures.append(f"{path}: columns are {list(data.columns)}, schema says {list(rows.column)}")
                continue
            for index, (column, kind, missing) in enumerate(expected):
                series = data.iloc[:, index]
                missing_throughout = missing and kind == "character" and series.isna().all()
                if not matches(kind, series) and not missing_throughout:
                    failures.append(f"{path}: column {column} loads as {series.dtype} in pandas, schema says {kind}")
                if not missing and series.isna().any():
                    failures.append(f"{path}: column {column} has missing values, schema says it never does")
            checked += 1
            print(f"pandas: {path} ({kind_of_folder} folder): {len(data)} rows, {len(data.columns)} columns as the schema says")
    if checked == 0:
        failures.append("no CSV files found")
    for failure in failures:
        print(f"r-check (pandas): {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
