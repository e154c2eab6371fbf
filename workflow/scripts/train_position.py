"""Train one position network (Newson section 5): an encoder (fig. 9) or a decoder (fig. 10)."""
from shapeae import jobs, models, training
from shapeae.experiments.positions import networks

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm, seed=sm.params.seed)
spec = networks.model_spec(sm.wildcards.part, sm.params.model, sm.params.variant, sm.params.n)
model = models.build(spec)
history, record = networks.fit(sm.wildcards.part, model, sm.params.variant, sm.params.n, sm.params.seed,
                               sm.params.convergence)
training.save(model, spec, sm.output.model, record)
history.to_csv(sm.output.history, index=False)
