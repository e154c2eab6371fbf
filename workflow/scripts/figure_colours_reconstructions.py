"""Held-out images and their reconstructions by the coloured-shapes autoencoders."""
from shapeae import features, jobs, plots
from shapeae.experiments.colours import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = {variant: features.load(sm.input[variant], sm.input.data) for variant in sm.params.variants}
first = held_out[sm.params.variants[0]]
examples = features.spread_by(first.factors["size"].to_numpy(), sm.params.n_examples)
outputs = {variant: f.reconstructions[examples] for variant, f in held_out.items()}
plots.save(figures.reconstructions(first.images[examples], outputs), sm.output[0], sm.params.dpi)
