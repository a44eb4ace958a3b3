"""Loads every CSV in the folders given after the schema with pandas.read_csv's defaults and
compares each column's dtype with the schema (cohortsim help outputs --csv). Prints one line per
mismatch, naming the file and the column; exits 1 when there is any.

Usage: python check_types.py SCHEMA.csv DIR...

An integer column that holds a missing value loads as float64 (pandas' default integers cannot be
missing); that is accepted when every value present is whole, as README.md documents.
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


def main() -> int:
    schema = pd.read_csv(sys.argv[1])
    failures = []
    checked = 0
    for folder in sys.argv[2:]:
        for path in sorted(pathlib.Path(folder).glob("*.csv")):
            expected = schema[schema.file == path.name]
            if expected.empty:
                failures.append(f"{path}: no schema for this file (add it to OutputSchema)")
                continue
            data = pd.read_csv(path)
            if list(data.columns) != list(expected.column):
                failures.append(f"{path}: columns are {list(data.columns)}, schema says {list(expected.column)}")
                continue
            for column, kind, missing in zip(expected.column, expected.type, expected.missing):
                if not matches(kind, data[column]):
                    failures.append(f"{path}: column {column} loads as {data[column].dtype} in pandas, schema says {kind}")
                if not missing and data[column].isna().any():
                    failures.append(f"{path}: column {column} has missing values, schema says it never does")
            checked += 1
            print(f"pandas: {path}: {len(data)} rows, {len(data.columns)} columns as the schema says")
    if checked == 0:
        failures.append("no CSV files found")
    for failure in failures:
        print(f"r-check (pandas): {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
