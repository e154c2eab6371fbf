"""Their fig. 1: held-out images, each encoder's own reconstruction, and the reconstruction by a
decoder trained with pixel MSE on that encoder's frozen codes."""
from shapeae import features, jobs, plots, training
from shapeae.experiments.perceptual import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = {variant: features.load(sm.input[f"features_{variant}"], sm.input.data) for variant in sm.params.variants}
first = held_out[sm.params.variants[0]]
examples = features.spread_by(first.factors["x"].to_numpy(), sm.params.n_examples)
rows = {}
for variant, f in held_out.items():
    decoder = training.load(sm.input[f"decoder_{variant}"])
    rows[f"{variant}\nown decoder"] = f.reconstructions[examples]
    rows[f"{variant}\npixel decoder"] = training.decode(decoder, f.codes[examples])
plots.save(figures.reconstructions(first.images[examples], rows), sm.output[0], sm.params.dpi)
