"""Proposition 3 checked exactly: the [1, 2, 1] network outputs 2^L - a for the one-hot at a."""
from shapeae import jobs
from shapeae.experiments.positions import networks

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
table = networks.handcrafted_check()
table.to_csv(sm.output[0], index=False)
if (table["max_abs_error"] != 0).any():
    raise AssertionError(f"proposition 3 fails for the hand-crafted network:\n{table}")
log.info("proposition 3 exact for L = 1..%d", table["n_layers"].max())
