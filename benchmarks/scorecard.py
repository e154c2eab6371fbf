"""Seconds per scorecard job at the default config's sizes, split into probes, MIG and DCI.

    python benchmarks/scorecard.py                 # every experiment's shape, the config's settings
    python benchmarks/scorecard.py --hosts "[[64]]" "[[32], [64, 64]]"
    python benchmarks/scorecard.py --startup       # also a job's start-up, in fresh interpreters

A job also pays its start-up before any of this: `--startup` times, in fresh interpreters (median of
3), the imports a scorecard job makes and, for comparison, torch.optim's first use, whose
torch._dynamo import shapeae.optim avoids.

Codes are random with a few dimensions tied to the factors (the cost does not depend on what the
codes hold, only on their size): (items, code size, continuous and categorical factors) per
experiment as the default config draws them. One thread, as a scorecard job runs.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml

import throughput  # noqa: F401 -- first: it puts workflow/ on sys.path
from shapeae import disentanglement, scorecard

# items, code size, continuous factors, categorical factors (classes) of the default config's encoders
SHAPES = {"disks": (1500, 1, 1, []), "shapespace": (1700, 512, 11, [5]), "colours": (3000, 128, 4, [4, 8]),
          "perceptual lander": (1500, 64, 4, []), "perceptual clutter": (1000, 64, 5, [3])}


def case(n, d, n_continuous, classes, seed=0):
    rng = np.random.default_rng(seed)
    factors = {f"c{i}": rng.uniform(0, 1, n) for i in range(n_continuous)}
    factors |= {f"k{i}": rng.integers(0, k, n).astype(float) for i, k in enumerate(classes)}
    factors = pd.DataFrame(factors)
    codes = rng.normal(size=(n, d)).astype(np.float32)
    codes[:, : min(d, factors.shape[1])] += factors.to_numpy()[:, : min(d, factors.shape[1])]
    fold_of = np.arange(n) % 5
    test, rest = np.flatnonzero(fold_of == 0), np.flatnonzero(fold_of != 0)
    features = {"index": test, "codes": codes[test], "train_index": rest, "train_codes": codes[rest]}
    kinds = {name: "categorical" if name.startswith("k") else "continuous" for name in factors}
    return features, factors, kinds, fold_of


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


SKLEARN = "import numpy, pandas, sklearn.ensemble, sklearn.linear_model, sklearn.neighbors"
JOB = "from shapeae import datasets, features, jobs, scorecard; import torch, shapeae.optim"  # + the MLP probe's
STARTUP = {
    "python": "pass",
    "numpy, pandas, scikit-learn": SKLEARN,
    "+ torch": f"{SKLEARN}, torch",
    "a scorecard job's imports": JOB,
    "+ torch.optim.Adam (not used)": f"{JOB}; torch.optim.Adam(torch.nn.Linear(2, 2).parameters())",
}


def startup_seconds(statement, repeats=3):
    """Median wall seconds of a fresh interpreter running `statement`."""
    workflow = Path(__file__).resolve().parents[1] / "workflow"
    command = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(workflow)!r}); {statement}"]
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", nargs="*", default=None, help="MLP hosts to compare, JSON lists")
    parser.add_argument("--startup", action="store_true", help="also time a job's start-up (imports)")
    args = parser.parse_args()
    if args.startup:
        print("start-up, fresh interpreter (median of 3):")
        for name, statement in STARTUP.items():
            print(f"  {name:32s} {startup_seconds(statement):5.2f} s", flush=True)
    torch.set_num_threads(1)
    settings = yaml.safe_load((Path(__file__).parents[1] / "config.yaml").read_text())["scorecard"]
    settings["skip_factors"] = []
    for hosts in args.hosts or [json.dumps(settings["mlp"]["hosts"])]:
        settings["mlp"]["hosts"] = json.loads(hosts)
        print(f"MLP hosts {hosts}; DCI {settings['dci']}")
        for name, shape in SHAPES.items():
            features, factors, kinds, fold_of = case(*shape)
            names = list(factors)
            total = timed(scorecard.score, features, factors, kinds, fold_of, 0, settings)
            metrics = timed(scorecard.disentanglement_rows, features, factors, kinds, names, settings, 0)
            mig = timed(disentanglement.mig, features["codes"],
                        disentanglement.factor_labels(factors.iloc[features["index"]].to_numpy(), list(kinds.values())))
            print(f"  {name:20s} n={shape[0]:5d} d={shape[1]:4d} factors={len(names):2d}: {total:6.1f} s per job "
                  f"(probes {total - metrics:5.1f}, MIG {mig:4.1f}, DCI {metrics - mig:5.1f})", flush=True)


if __name__ == "__main__":
    main()
