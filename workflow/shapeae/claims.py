"""The machine-checked table of published findings (DESIGN.md, "Findings to reproduce").

The table machinery only: each experiment's module (`shapeae.experiments.<name>`) measures its own
findings with `claims(...)` and returns rows built here. Thresholds are the design's, fixed in those
modules and never read from the config. Each finding is measured on held-out scores, per fold (or
repeat), and reported as mean and standard deviation over them. A finding whose variants are not in
the run is reported as not measured, never as holding.
"""
import numpy as np
import pandas as pd

COLUMNS = ["id", "source", "finding", "measured_as", "value", "spread", "n", "threshold", "holds", "variants",
           "source_value"]  # the source's own number for the same measure, where it gives one


def claim(id_, source, finding, measured_as):
    """The description of one finding: the first four columns of its row."""
    return {"id": id_, "source": source, "finding": finding, "measured_as": measured_as}


def per_fold(scores, variant, probe, target, metric):
    """One score of one variant from a tidy score table, indexed by fold (or repeat)."""
    rows = scores[(scores["variant"] == variant) & (scores["probe"] == probe)
                  & (scores["target"] == target) & (scores["metric"] == metric)]
    return rows.set_index("fold")["value"].sort_index()


def row(description, values, threshold, holds, variants):
    """A claim's row: mean and sd of its per-fold values, and whether `holds(values)`; "not measured"
    when there are no values."""
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return {**description, "value": np.nan, "spread": np.nan, "n": 0, "threshold": threshold,
                "holds": "not measured", "variants": ";".join(variants)}
    return {**description, "value": float(values.mean()), "spread": float(values.std(ddof=1)) if len(values) > 1 else 0.0,
            "n": len(values), "threshold": threshold, "holds": "yes" if holds(values) else "no",
            "variants": ";".join(variants)}


def table(rows):
    return pd.DataFrame(rows, columns=COLUMNS)
