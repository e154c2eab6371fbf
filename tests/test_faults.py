"""Corrupt or foreign files: the job that reads one fails with one line naming the file and what is
wrong, in the rule's log as well as on the terminal, and nothing else is lost."""
import hashlib
import json

import pandas as pd
import pytest

from workflow_helpers import snakemake

pytestmark = pytest.mark.slow


def truncate(path):
    path.write_bytes(path.read_bytes()[:200])


def garbage(path):
    path.write_bytes(b"not a model, just bytes\n" * 10)


def drop_fold_column(path):
    pd.read_csv(path).drop(columns="fold").to_csv(path, index=False)


def non_number(path):
    table = pd.read_csv(path)
    table["value"] = table["value"].astype(object)
    table.loc[0, "value"] = "n/a?"
    table.to_csv(path, index=False)


def wrong_spec(path):
    spec = json.loads(path.read_text())
    spec["depths"] = [1, 4, 4, 4, 3, 2, 1]  # the weights have 8 channels in the first layer
    path.write_text(json.dumps(spec))


# (file to spoil, how, target to build, the log of the job that reads it, what its line says, the
# outputs of that job: Snakemake removes a failed job's outputs, out of date anyway)
CASES = {
    "truncated dataset": ("results/datasets/disks.npz", truncate, "results/folds/disks.csv",
                          "results/logs/folds/disks.log", "not a ShapeAE dataset .npz", ["results/folds/disks.csv"]),
    "garbage weights": ("results/models/disks/default/fold0/model.pt", garbage,
                        "results/features/disks/default/fold0.npz", "results/logs/extract/disks/default/fold0.log",
                        "not PyTorch weights saved by ShapeAE", ["results/features/disks/default/fold0.npz"]),
    "fold table without fold": ("results/folds/colours.csv", drop_fold_column,
                                "results/features/colours/autoencoder/fold0.npz",
                                "results/logs/train/colours/autoencoder/fold0.log", "column(s) ['fold'] missing",
                                [f"results/models/colours/autoencoder/fold0/{name}"
                                 for name in ("model.pt", "model.json", "history.csv")]),
    "score with a non-number": ("results/scores/disks/default/fold0.csv", non_number, "results/tables/disks/scores.csv",
                                "results/logs/aggregate_scores/disks.log", "column 'value' must hold numbers",
                                ["results/tables/disks/scores.csv", "results/tables/disks/scores_summary.csv"]),
    "model.json not matching its weights": ("results/models/disks/default/fold0/model.json", wrong_spec,
                                            "results/features/disks/default/fold0.npz",
                                            "results/logs/extract/disks/default/fold0.log", "does not describe the weights",
                                            ["results/features/disks/default/fold0.npz"]),
}


def digests(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "results").rglob("*")
            if p.is_file() and "logs" not in p.parts and "benchmarks" not in p.parts}


@pytest.mark.parametrize("case", list(CASES))
def test_a_spoiled_file_fails_its_reader_with_one_line_in_the_log(smoke_copy, case):
    spoiled, spoil, target, log, message, outputs = CASES[case]
    spoil(smoke_copy / spoiled)
    before = digests(smoke_copy)
    result = snakemake(smoke_copy, target, check=False)
    assert result.returncode != 0
    line = f"InputFileError: {spoiled}: "
    log_text = (smoke_copy / log).read_text()
    error_lines = [text for text in log_text.splitlines() if line in text]
    assert error_lines and message in error_lines[0], log_text[-3000:]
    assert "Traceback" in log_text  # and the traceback after it
    assert line in result.stderr + result.stdout  # on the terminal too
    after = digests(smoke_copy)
    # nothing is lost: every file but the failed job's own output is still there, unchanged
    lost = {p for p in before if p not in after or after[p] != before[p]}
    assert lost <= {smoke_copy / output for output in outputs}, sorted(map(str, lost))
