"""Batch transforms T(x) that make contrastive positives, drawn per item on the batch's device.

- `crop`: a random square crop (side a fraction in [scale_min, 1] of the image, anywhere inside it)
  resized back to the full size with bilinear interpolation: what the shape looks like changes
  (its size, position, what is cut off), its colour does not.
- `recolour`: the shape's pixels given another colour of the palette: image = coverage * colour (see
  datasets.colours), so the coverage is the largest channel divided by the colour's largest, and
  the new image is coverage * new colour. The mask is kept exactly; the colour always changes.
"""
import torch
from torch.nn import functional as F


def crop(x, generator, scale_min=0.5):
    """Random resized square crops of a batch (N, C, H, W)."""
    n = len(x)
    scale = scale_min + (1 - scale_min) * torch.rand(n, generator=generator, device=x.device)
    # crop centre in [-1 + scale, 1 - scale] (normalised coordinates): the crop stays inside
    centre = (2 * torch.rand(n, 2, generator=generator, device=x.device) - 1) * (1 - scale)[:, None]
    theta = torch.zeros(n, 2, 3, device=x.device, dtype=x.dtype)
    theta[:, 0, 0] = theta[:, 1, 1] = scale
    theta[:, :, 2] = centre
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def recolour(x, colour, palette, generator):
    """Each image's shape in a different palette colour. colour: (N,) palette index of each image;
    palette: (P, 3) colours in [0, 1], each with a largest channel > 0."""
    n, n_colours = len(x), len(palette)
    shift = torch.randint(1, n_colours, (n,), generator=generator, device=x.device)
    new = palette[(colour + shift) % n_colours]
    coverage = x.amax(dim=1, keepdim=True) / palette[colour].amax(dim=1)[:, None, None, None]
    return coverage * new[:, :, None, None]
