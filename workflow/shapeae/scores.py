"""Per-fold score tables: tidy rows (experiment, variant, fold, probe, target, metric, value).

Each experiment computes its own rows (e.g. `experiments.disks.evaluation`); this module tags and
summarises them the same way for all.
"""
COLUMNS = ["experiment", "variant", "fold", "probe", "target", "metric", "value"]


def tag(table, experiment, variant, fold):
    """The rows with their experiment, variant and fold, in COLUMNS order (extra columns after)."""
    table = table.assign(experiment=experiment, variant=variant, fold=int(fold))
    return table[COLUMNS + [c for c in table.columns if c not in COLUMNS]]


def summarise(scores):
    """Mean, standard deviation and count over folds of every (experiment, variant, probe, target, metric)."""
    keys = ["experiment", "variant", "probe", "target", "metric"]
    summary = scores.groupby(keys, sort=True)["value"].agg(["mean", "std", "count"]).reset_index()
    return summary.rename(columns={"count": "n_folds"})


LABELS = {"experiment", "variant", "probe", "target", "metric", "loss_network"}  # the non-numeric columns


def read(path, columns=COLUMNS):
    """A tidy score table: `columns` present, every one but the labels numbers (else one line naming
    the file and the row)."""
    from . import files

    return files.csv(path, columns=columns, numeric=[c for c in columns if c not in LABELS], what="a tidy score table")
