"""The report's figs. 4 and 5 for the contrastive encoders: a 2-D map of each held-out embedding,
by true colour and by shape, and the nearest training images of a few held-out queries."""
import numpy as np

from shapeae import datasets, jobs, plots
from shapeae.experiments.colours import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
images, factors = datasets.load(sm.input.data)
held_out = {variant: dict(np.load(sm.input[variant])) for variant in sm.params.variants}
maps = {variant: figures.embedding_map(f["codes"], sm.params.seed) for variant, f in held_out.items()}
test_index = held_out[sm.params.variants[0]]["index"]
plots.save(figures.embedding(maps, factors.iloc[test_index].reset_index(drop=True)), sm.output.embedding, sm.params.dpi)

queries = figures.query_items(factors.iloc[test_index].reset_index(drop=True), sm.params.n_queries, sm.params.seed)
neighbour_images = {}
for variant, f in held_out.items():
    found = figures.nearest(f["codes"][queries], f["train_codes"], sm.params.k)
    neighbour_images[variant] = datasets.as_float(images[f["train_index"][found.ravel()]]).reshape(
        *found.shape, *images.shape[1:])
query_images = datasets.as_float(images[test_index[queries]])
plots.save(figures.neighbours(query_images, neighbour_images), sm.output.neighbours, sm.params.dpi)
log.info("queries %s", test_index[queries].tolist())
