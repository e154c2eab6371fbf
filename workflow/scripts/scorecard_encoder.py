"""The scorecard rows of one encoder on its held-out fold: probes, MIG and DCI per known factor."""
from shapeae import datasets, features as held_out, jobs, scorecard

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
features, factors, fold_of = held_out.for_scoring(sm.input.features, sm.input.data, sm.input.folds)
# the images of the kind models train on: a dataset's probe-only extras serve its own experiment's probes
features = held_out.restricted(features, datasets.trained_on(factors))
table = scorecard.score(features, factors, datasets.factor_kinds(sm.input.data), fold_of, int(sm.wildcards.fold),
                        sm.params.settings, sm.params.seed)
scorecard.tag(table, sm.wildcards.experiment, sm.wildcards.variant, sm.wildcards.fold).to_csv(sm.output[0], index=False)
log.info("\n%s", table.to_string())
