"""results/figures/all: one line per figure, its path and sha256."""
from shapeae import jobs, manifest

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
manifest.write(sm.input.figures, sm.output[0])
