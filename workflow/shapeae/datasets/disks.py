"""Centred blurred disks (Newson et al., section 4.1 and appendix A).

x_r = g_sigma * 1_{B_r}, evaluated by Monte Carlo: for each image, N offsets xi_i ~ N(0, sigma^2 I)
are drawn and every pixel t is the fraction of shifted points t + xi_i that fall inside the disk of
radius r around the image centre. One set of offsets serves all pixels of an image, so each image
is an exact convolution of the disk with an N-point empirical Gaussian: smooth in t and continuous
in r, as the appendix intends.
"""
import numpy as np
import pandas as pd


def blurred_disks(radii, image_size, sigma, mc_samples, rng, chunk=64):
    """Float images in [0, 1] of shape (len(radii), image_size, image_size)."""
    radii = np.asarray(radii, dtype=np.float64)
    centre = (image_size - 1) / 2
    grid = np.arange(image_size) - centre
    images = np.empty((len(radii), image_size, image_size), dtype=np.float32)
    for start in range(0, len(radii), chunk):
        r = radii[start : start + chunk, None, None, None]
        xi = rng.normal(0.0, sigma, size=(len(r), mc_samples, 2))
        dx2 = (grid[None, None, :] + xi[..., 0:1]) ** 2  # (B, N, W)
        dy2 = (grid[None, None, :] + xi[..., 1:2]) ** 2  # (B, N, H)
        inside = dy2[..., :, None] + dx2[..., None, :] <= r**2  # (B, N, H, W)
        images[start : start + chunk] = inside.mean(axis=1)
    return images


def generate(n_images, image_size, radius_max, blur_sigma, mc_samples, seed):
    """The disk dataset: uint8 images and a factor table (radius and area in pixels)."""
    rng = np.random.default_rng(seed)
    radii = rng.uniform(0.0, radius_max, size=n_images)
    images = blurred_disks(radii, image_size, blur_sigma, mc_samples, rng)
    factors = pd.DataFrame({"radius": radii, "area": np.pi * radii**2})
    return to_uint8(images), factors


def to_uint8(images):
    return np.clip(np.rint(images * 255), 0, 255).astype(np.uint8)
