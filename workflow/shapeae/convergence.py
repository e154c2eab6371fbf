"""Which models learned: the table of how every training run ended (results/tables/training.csv).

Every training job records how it ended in its model.json (training.ending): stopped early or at
the epoch cap, the best epoch, the fall of the best validation loss over the last epochs, the
trivial predictor's loss, `collapsed` and `converged`. Here those records become one tidy table with
one row per model, keyed like the score tables (experiment, variant, fold), and a status:
"learned", "unconverged" or "collapsed" (collapse wins: a model at the trivial predictor's level
has learned nothing, however flat its curve). Claims and the scorecard read this table; nothing
here imports torch.
"""
import re
from pathlib import Path

import pandas as pd

from . import files

COLUMNS = ["experiment", "variant", "fold", "status", "monitor", "stopped", "epochs_run", "epoch_cap", "best_epoch",
           "best_val_loss", "trivial_val_loss", "improvement", "window", "tolerance", "collapsed", "converged",
           "history"]
LEARNED, UNCONVERGED, COLLAPSED = "learned", "unconverged", "collapsed"

# results/models/<experiment>/<variant>/fold<k>/model.json (rule train), <variant>/fold<k>/pixel_decoder.json
# (perceptual fig. 1), positions/<part>/<variant>/repeat<r>/model.json, perceptual/loss_network/model.json
_PATTERNS = [
    (re.compile(r"models/positions/(?P<part>\w+)/(?P<variant>\w+)/repeat(?P<fold>\d+)/model\.json$"),
     lambda m: ("positions", f"{m['part']}_{m['variant']}", int(m["fold"])), "history.csv"),
    (re.compile(r"models/(?P<experiment>\w+)/(?P<variant>\w+)/fold(?P<fold>\d+)/pixel_decoder\.json$"),
     lambda m: (m["experiment"], f"{m['variant']}_pixel_decoder", int(m["fold"])), "pixel_decoder_history.csv"),
    (re.compile(r"models/(?P<experiment>\w+)/(?P<variant>\w+)/fold(?P<fold>\d+)/model\.json$"),
     lambda m: (m["experiment"], m["variant"], int(m["fold"])), "history.csv"),
    (re.compile(r"models/(?P<experiment>\w+)/(?P<variant>\w+)/model\.json$"),
     lambda m: (m["experiment"], m["variant"], -1), "history.csv"),  # one model per experiment (loss network)
]


def identify(spec_path):
    """(experiment, variant, fold, history path) of a model.json path; fold -1 for a model without folds."""
    for pattern, key, history in _PATTERNS:
        match = pattern.search(str(spec_path).replace("\\", "/"))
        if match:
            return (*key(match), str(Path(spec_path).parent / history))
    raise ValueError(f"{spec_path}: not a model path ShapeAE writes (results/models/<experiment>/<variant>/fold<k>/model.json)")


def status(record):
    if record["collapsed"]:
        return COLLAPSED
    return LEARNED if record["converged"] else UNCONVERGED


def record_row(spec_path):
    """One row of the table from a model.json: its key and its "training" record."""
    spec = files.json_file(spec_path)
    record = spec.get("training")
    if not isinstance(record, dict) or not {"collapsed", "converged"} <= record.keys():
        raise files.InputFileError(f"{spec_path}: no record of how training ended (\"training\" with collapsed and "
                                   "converged); it was written before ShapeAE recorded it: delete the model to retrain")
    experiment, variant, fold, history = identify(spec_path)
    return {"monitor": "val_loss", **record, "experiment": experiment, "variant": variant, "fold": fold, "status": status(record),
            "history": history}


def table(spec_paths):
    """The records of every model in `spec_paths`, sorted by experiment, variant, fold."""
    rows = [record_row(path) for path in spec_paths]
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["experiment", "variant", "fold"], ignore_index=True)


def read(path):
    return files.csv(path, COLUMNS, numeric=["fold", "best_val_loss", "trivial_val_loss"], what="ShapeAE's training table")


def reason(model):
    """Why a model (a table row) does not count: e.g. "default fold 0 unconverged (best val loss fell
    12% over its last 10 epochs, stopped at the cap of 120)"."""
    where = model.variant if model.fold < 0 else f"{model.variant} fold {model.fold}"
    loss = str(getattr(model, "monitor", "val_loss")).replace("_", " ")
    if model.status == COLLAPSED:
        return (f"{where} collapsed (best {loss} {model.best_val_loss:.4g}, trivial predictor "
                f"{model.trivial_val_loss:.4g})")
    if pd.isna(model.improvement):
        return f"{where} unconverged (one epoch: nothing to judge)"
    return (f"{where} unconverged (best {loss} fell {model.improvement:.0%} over its last {model.window} "
            f"epochs, stopped at the cap of {model.epoch_cap})")


def models_of(records, experiment, variants):
    """Rows of `records` for every model of `experiment` whose variant is one of `variants`, or a seed
    copy of one (<name>_seed<i>, config_checks.expand_seeds)."""
    names = "|".join(re.escape(name) for name in variants)
    own = records[records["experiment"] == experiment]
    return own[own["variant"].str.fullmatch(rf"(?:{names})(?:_seed\d+)?")] if names else own.iloc[:0]


def failures(models):
    """The rows of `models` that did not learn."""
    return models[models["status"] != LEARNED]


def encoder_status(records):
    """Per (experiment, variant): "learned" when every fold learned, else e.g. "unconverged: fold 0"."""
    status = {}
    for key, group in records.groupby(["experiment", "variant"]):
        bad = group[group["status"] != LEARNED]
        status[key] = "; ".join(f"{s}: fold {', '.join(str(f) for f in g['fold'])}" for s, g in bad.groupby("status")) or LEARNED
    return pd.Series(status, name="training", dtype=object).rename_axis(["experiment", "variant"])
