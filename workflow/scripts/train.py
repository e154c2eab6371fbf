"""Train one autoencoder on one fold; keep the best-validation weights."""
from shapeae import datasets, devices, folds, jobs, models, training

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm.log[0], threads=sm.threads, seed=sm.params.seed)
device, gpu_lock = devices.select_device(sm.params.device)
log.info("device %s, %d threads", device, sm.threads)
images, _ = datasets.load(sm.input.data)
train, val, _ = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
x = datasets.as_float(images)
model = models.build(sm.params.model)
history = training.fit(model, x[train], x[val], **sm.params.training, seed=sm.params.seed, device=device)
training.save(model, sm.params.model, sm.output.model)
history.to_csv(sm.output.history, index=False)
