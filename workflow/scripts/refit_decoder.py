"""Their fig. 1: a decoder trained with pixel MSE on one encoder's frozen codes (training folds,
best on the validation fold), so that pixel- and perceptual-trained embeddings are decoded alike."""
from shapeae import datasets, devices, folds, jobs, training
from shapeae.experiments import perceptual

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
device, gpu_lock = devices.select_device(sm.params.device)
images, _ = datasets.load(sm.input.data)
train, val, _ = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
encoder = training.load(sm.input.model)
decoder, history, record = perceptual.refit_decoder(encoder, images, train, val, **sm.params.training, seed=sm.params.seed,
                                                    device=device, convergence=sm.params.convergence)
training.save(decoder.cpu(), {"architecture": "world_models", "embedding": decoder.mu.out_features}, sm.output.model,
              record)
history.to_csv(sm.output.history, index=False)
