"""Assign every image of a dataset to one of K folds (grouped by drawing where the dataset has
several images of one drawing, stratified by the generator's FOLD_STRATA where it names some)."""
from shapeae import datasets, folds, jobs

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
images, factors = datasets.load(sm.input[0])
generator = datasets.generator(sm.params.generator)
group, strata = getattr(generator, "FOLD_GROUP", None), list(getattr(generator, "FOLD_STRATA", ()))
if group:
    table = folds.assign_groups(factors[group].to_numpy(), sm.params.n_folds, sm.params.seed,
                                strata=factors[strata].to_numpy() if strata else None)
else:
    table = folds.assign(len(images), sm.params.n_folds, sm.params.seed)
table.to_csv(sm.output[0], index=False)
log.info("fold sizes %s (grouped by %s, stratified by %s)", table["fold"].value_counts().sort_index().tolist(), group, strata)
