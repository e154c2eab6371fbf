"""The noise study: how a shape-space autoencoder's test BCE grows with salt-and-pepper noise on its
inputs (his denoising claim), and one image's reconstructions under noise for the figure. Apart from
the experiment's other analyses because it runs the model: only its jobs import torch."""
import numpy as np
import pandas as pd
import torch
from torch.nn import functional as F

from ... import objectives
from . import blank_bce


@torch.no_grad()
def noise_study(model, images, levels, patterns, seed, batch_size=256):
    """Test BCE against the clean images when the inputs carry salt-and-pepper noise at each level;
    each level averaged over `patterns` noise draws. Rows (noise, pattern, bce, blank_bce), the last
    the all-white output's BCE on the same images (blank_bce)."""
    model.eval()
    device = next(model.parameters()).device
    generator = torch.Generator(device=device).manual_seed(seed)
    x = torch.as_tensor(images).to(device).contiguous(memory_format=torch.channels_last)
    rows = []
    for level in levels:
        for pattern in range(patterns if level > 0 else 1):
            total = 0.0
            for i in range(0, len(x), batch_size):
                clean = x[i : i + batch_size]
                noisy = objectives.salt_and_pepper(clean, level, generator)
                logits = model.decode_logits(model.encode(noisy))
                total += F.binary_cross_entropy_with_logits(logits, clean, reduction="sum").item()
            rows.append({"noise": level, "pattern": pattern, "bce": total / x.numel()})
    return pd.DataFrame(rows).assign(blank_bce=blank_bce(images))


@torch.no_grad()
def noisy_reconstructions(model, image, levels, patterns, seed, pattern_level):
    """For one image (1 x H x W): inputs and reconstructions under `patterns` noise draws at
    `pattern_level` (the training level), and under one draw at every level. Arrays (n, H, W)."""
    model.eval()
    device = next(model.parameters()).device
    generator = torch.Generator(device=device).manual_seed(seed)
    clean = torch.as_tensor(image)[None].to(device)
    pattern_inputs = torch.cat([objectives.salt_and_pepper(clean, pattern_level, generator) for _ in range(patterns)])
    level_inputs = torch.cat([objectives.salt_and_pepper(clean, level, generator) for level in levels])

    def outputs(inputs):
        return model.decode(model.encode(inputs))[:, 0].cpu().numpy()

    return {"pattern_inputs": pattern_inputs[:, 0].cpu().numpy(), "pattern_outputs": outputs(pattern_inputs),
            "level_inputs": level_inputs[:, 0].cpu().numpy(), "level_outputs": outputs(level_inputs),
            "levels": np.asarray(levels, dtype=float)}
