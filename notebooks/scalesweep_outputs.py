"""Reading a ScaleSweep run from a notebook.

A run's Parquet outputs have no reader among Debian's Python packages, so notebooks read the CSV
mirrors that the report stage writes under DIR/report/ (significance, crossovers, fits, frontier,
runs_summary, relative_curves, and whatever else a study adds) plus DIR/manifest.json.

The run directory comes from the environment variable SCALESWEEP_RUN, else a notebook's default.
"""
import json
import os
import pathlib

import pandas as pd

STANDARD_TABLES = ("significance", "crossovers", "fits", "frontier", "runs_summary", "relative_curves")


class Run:
    """One run's output directory: its manifest and its report's CSV tables."""

    def __init__(self, path):
        self.path = pathlib.Path(path).expanduser().resolve()
        self.report = self.path / "report"

    @classmethod
    def from_env(cls, default, how_to_make):
        """The run named by SCALESWEEP_RUN (else `default`); a clear error when it has no report."""
        run = cls(os.environ.get("SCALESWEEP_RUN") or default)
        if not (run.report / "significance.csv").is_file():
            raise FileNotFoundError(
                f"No ScaleSweep report under {run.path}: {how_to_make}, "
                "or set SCALESWEEP_RUN to the output directory of a run.")
        return run

    def tables(self):
        """Names of the CSV tables in this run's report."""
        return sorted(p.stem for p in self.report.glob("*.csv"))

    def table(self, name, required=True):
        """A report table as a DataFrame; None (or a clear error if required) when the report lacks it."""
        csv = self.report / f"{name}.csv"
        if not csv.is_file():
            if required:
                raise FileNotFoundError(
                    f"{csv} is missing (tables here: {', '.join(self.tables())}); rerun the report stage "
                    f"with this version: bin/scalesweep report CONF --out {self.path}")
            return None
        return pd.read_csv(csv)

    @property
    def manifest(self):
        with open(self.path / "manifest.json", encoding="utf-8") as f:
            return json.load(f)

    def config(self, *keys, default=None):
        """A value of the run's resolved configuration, e.g. run.config('bootstrap', 'resamples')."""
        node = self.manifest.get("config", {})
        for k in keys:
            if not isinstance(node, dict) or k not in node:
                return default
            node = node[k]
        return node

    def describe(self):
        m = self.manifest
        stages = ", ".join(f"{k} {v.get('wall_seconds', '?')} s" for k, v in m.get("stages", {}).items())
        return (f"study {m.get('study')} · config {str(m.get('config_hash'))[:12]} · seed {m.get('seed')} · "
                f"{m.get('replicates')} replicates · Spark {m.get('spark_master')} · stages: {stages}\n"
                f"directory: {self.path}")
