"""Train one model on one fold (architecture and objective from the variant); keep the
best-validation weights and how training ended (model.json's "training")."""
from shapeae import datasets, devices, folds, jobs, models, objectives, training

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
device, gpu_lock = devices.select_device(sm.params.device)
log.info("device %s, %d threads", device, sm.threads)
images, factors = datasets.load(sm.input.data)
train, val, _ = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
# held-out test fold keeps every image; probe-only images are never trained or validated on
seen = datasets.outside(factors, sm.params.train_exclude) & datasets.trained_on(factors)
train, val = train[seen[train]], val[seen[val]]
log.info("%d training, %d validation images (excluded: %s)", len(train), len(val), sm.params.train_exclude)
loss_network = training.load(sm.input.loss_network) if "loss_network" in sm.input.keys() else None
objective = objectives.build(sm.params.objective, sm.params.regularisation, loss_network=loss_network)
model = models.build(sm.params.model)
history, record = training.fit_and_record(
    model, objective.data(images, factors, train), objective.data(images, factors, val), **sm.params.training,
    seed=sm.params.seed, device=device, objective=objective, convergence=sm.params.convergence)
training.save(model, sm.params.model, sm.output.model, record)
history.to_csv(sm.output.history, index=False)
