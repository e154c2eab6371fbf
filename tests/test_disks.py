import numpy as np
import pytest
from scipy.stats import norm

from shapeae.datasets import disks


def test_disk_mass_matches_area():
    # blur keeps mass: the pixel sum of a disk well inside the frame is pi r^2
    # (up to the lattice-point error of a pixelised disk, O(r))
    radii = np.array([5.0, 10.0, 15.0, 20.0, 25.0])
    images = disks.blurred_disks(radii, 64, sigma=1.0, mc_samples=400, rng=np.random.default_rng(0))
    mean_intensity = images.mean(axis=(1, 2))
    np.testing.assert_allclose(mean_intensity, np.pi * radii**2 / 64**2, rtol=0.02)


def test_blur_edge_is_gaussian_cdf_of_width_sigma():
    # across the edge of a large disk the profile is Phi((r - d) / sigma), d = distance from centre
    sigma, radius = 2.0, 20.0
    image = disks.blurred_disks([radius], 64, sigma, mc_samples=20000, rng=np.random.default_rng(1))[0]
    centre = 31.5
    d = np.arange(64) - centre  # along the row through the centre (offset 0.5 px off-axis)
    row = (image[31] + image[32]) / 2
    distance = np.hypot(d, 0.5)
    near_edge = np.abs(distance - radius) < 3 * sigma
    expected = norm.cdf((radius - distance[near_edge]) / sigma)
    np.testing.assert_allclose(row[near_edge], expected, atol=0.03)


def test_sharp_limit_is_the_indicator():
    image = disks.blurred_disks([10.0], 32, sigma=1e-6, mc_samples=4, rng=np.random.default_rng(2))[0]
    yy, xx = np.mgrid[:32, :32] - 15.5
    np.testing.assert_array_equal(image, (xx**2 + yy**2 <= 100).astype(np.float32))


def test_generate_records_radius_and_is_seeded():
    images, factors = disks.generate(50, 64, 32.0, 1.0, 32, seed=3)
    again, _ = disks.generate(50, 64, 32.0, 1.0, 32, seed=3)
    assert images.dtype == np.uint8 and images.shape == (50, 64, 64)
    assert list(factors.columns) == ["radius", "area"]
    assert factors["radius"].between(0, 32).all()
    np.testing.assert_allclose(factors["area"], np.pi * factors["radius"] ** 2)
    np.testing.assert_array_equal(images, again)
    # bigger disks are brighter in total
    mass = images.astype(float).sum(axis=(1, 2))
    order = np.argsort(factors["radius"].to_numpy())
    assert np.all(np.diff(mass[order]) >= -255 * 8)  # monotone up to uint8 and Monte Carlo noise
    assert np.corrcoef(mass, factors["area"])[0, 1] > 0.99


@pytest.mark.parametrize("value", [0, 255])
def test_uint8_round_trip_extremes(value):
    assert disks.to_uint8(np.array([value / 255.0]))[0] == value
