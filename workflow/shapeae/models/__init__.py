"""Model registry: a model is built from a plain dict of hyperparameters, saved beside its weights."""
from .colours import ColourAE, ContrastiveEncoder
from .newson import DiskAE
from .perceptual import AlexNetFeatures, WorldModelsAE
from .positions import PositionAE, PositionDecoder, PositionEncoder
from .sketchanet import SketchAE

ARCHITECTURES = {
    "disk_ae": DiskAE,
    "position_encoder": PositionEncoder,
    "position_ae": PositionAE,
    "position_decoder": PositionDecoder,
    "sketch_ae": SketchAE,
    "colour_ae": ColourAE,
    "contrastive_encoder": ContrastiveEncoder,
    "world_models": WorldModelsAE,
    "alexnet_features": AlexNetFeatures,
}


def build(spec):
    """spec = {"architecture": name, **constructor keyword arguments}."""
    spec = dict(spec)
    name = spec.pop("architecture")
    if name not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {name!r}; expected one of {sorted(ARCHITECTURES)}")
    return ARCHITECTURES[name](**spec)
