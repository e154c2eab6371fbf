"""Validation curves of every model, one panel per experiment, coloured by how training ended."""
from shapeae import convergence, files, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
records = convergence.read(sm.input.table)
histories = {path: files.csv(path, what="a training history") for path in records["history"]}
plots.save(plots.convergence_curves(records, histories), sm.output[0], sm.params.dpi)
