"""The perceptual loss's network: AlexNet features[:5] with torchvision's ImageNet weights when the
user put that file in place, else an AlexNet-style classifier trained here on the synthetic
pretraining set, of which the features are kept. Its spec's `weights` says which."""
import pandas as pd

from shapeae import datasets, devices, jobs, training
from shapeae.experiments import perceptual
from shapeae.models.perceptual import load_imagenet_alexnet

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
if "imagenet" in sm.input.keys():
    network, history, record = (load_imagenet_alexnet(sm.input.imagenet), pd.DataFrame(columns=["epoch", "loss", "val_loss"]),
                                {"stopped": "pretrained", "collapsed": False, "converged": True})
else:
    device, gpu_lock = devices.select_device(sm.params.device)
    images, factors = datasets.load(sm.input.pretraining)
    network, history, record = perceptual.pretrain_loss_network(images, factors, **sm.params.training, seed=sm.params.seed,
                                                                device=device, convergence=sm.params.convergence)
log.info("loss network: %s", network.weights)
training.save(network.cpu(), {"architecture": "alexnet_features", "weights": network.weights}, sm.output.model, record)
history.to_csv(sm.output.history, index=False)
