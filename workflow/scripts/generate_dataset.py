"""Generate one dataset: uint8 images and their factor table."""
from shapeae import datasets, jobs

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
images, factors, kinds, metadata = datasets.generate(sm.params.generator, sm.params.dataset, sm.params.seed)
datasets.save(sm.output[0], images, factors, kinds, metadata)
log.info("%d images %s, factors %s, metadata %s", len(images), images.shape[1:], list(factors.columns), metadata)
