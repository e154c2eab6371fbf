"""Held-out scores of one shape-space encoder: transfer probes into the similarity space, decoding
of size and position, the mapping head (multi-task variants) and the test BCE (autoencoders)."""
from shapeae import features as held_out, jobs, scores
from shapeae.experiments import shapespace

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
features, factors, fold_of = held_out.for_scoring(sm.input.features, sm.input.data, sm.input.folds)
table = shapespace.evaluation(features, factors, fold_of, sm.params.probes["betas"],
                              mapping=sm.params.objective.get("mapping", 0) > 0)
scores.tag(table, "shapespace", sm.wildcards.variant, sm.wildcards.fold).to_csv(sm.output[0], index=False)
log.info("\n%s", table.to_string())
