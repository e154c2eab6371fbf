"""The machine-checked table of published findings (DESIGN.md, "Findings to reproduce").

The table machinery only: each experiment's module (`shapeae.experiments.<name>`) measures its own
findings with `claims(...)` and returns rows built here. Thresholds are the design's, fixed in those
modules and never read from the config. Each finding is measured on held-out scores, per fold (or
repeat), and reported as mean and standard deviation over them. A finding whose variants are not in
the run is reported as not measured, never as holding.

Verdicts (`holds`): "yes" or "no" only when every model the row rests on learned (every fold of
every variant it names, from the training table, convergence.py) and the measure is well-posed;
"inconclusive" when one of them collapsed or did not converge, or when the experiment marks the
row's measure ill-posed (`ill_posed`: why, e.g. an underdetermined probe), the `note` saying which
and why; "not measured". A row's `detail` (e.g. a second measure beside the value) opens its note.
"""
import numpy as np
import pandas as pd

from . import convergence

COLUMNS = ["id", "source", "finding", "measured_as", "value", "spread", "n", "threshold", "holds", "variants",
           "source_value",  # the source's own number for the same measure, where it gives one
           "note"]  # which models the verdict rests on, and why it is inconclusive where it is
VERDICTS = ["yes", "no", "inconclusive", "not measured"]


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


def judge(rows, records, experiment):
    """The rows of one experiment, each verdict kept only if every model it rests on learned: the
    models of `experiment` whose variant the row names (every fold and seed, or only the (variant,
    fold) pairs of the row's `models` where it lists them) in the training table `records`."""
    for result in rows:
        models = convergence.models_of(records, experiment, [name for name in result["variants"].split(";") if name])
        only = result.pop("models", None)
        if only is not None:
            keep = [(v, int(f)) in set(only) for v, f in zip(models["variant"], models["fold"])]
            models = models.loc[np.asarray(keep, dtype=bool)]
        failed = convergence.failures(models)
        ill_posed = result.pop("ill_posed", "")
        detail = result.pop("detail", "")  # what the value alone does not say, e.g. a second measure
        if result["holds"] == "not measured":
            result["note"] = detail
            continue
        if models.empty:
            raise ValueError(f"claim {result['id']}: no training record of its variants {result['variants']!r} "
                             f"in experiment {experiment}")
        problems = [ill_posed] if ill_posed else []
        if len(failed):
            problems.append("it rests on models that did not learn: "
                            + "; ".join(convergence.reason(model) for model in failed.itertuples()))
        if problems:
            result["note"] = f"the value alone says {result['holds']}, but " + "; and ".join(problems)
            result["holds"] = "inconclusive"
        else:
            result["note"] = f"rests on {len(models)} models, all learned"
        if detail:
            result["note"] = f"{detail}; {result['note']}"
    return rows


def table(rows):
    return pd.DataFrame(rows, columns=COLUMNS)
