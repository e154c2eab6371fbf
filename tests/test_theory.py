import numpy as np
import pytest
from scipy.integrate import cumulative_trapezoid, trapezoid
from scipy.optimize import brentq
from scipy.special import gamma, jv

from shapeae.experiments.disks import theory


def energy_ratio(f, radius_max, n=20001):
    """J(f) / ||f||^2 (eq. 7) by dense trapezoid quadrature, f a callable on [0, R]."""
    rho = np.linspace(0.0, radius_max, n)
    values = f(rho)
    inner = cumulative_trapezoid(values * rho, rho, initial=0.0)
    return trapezoid(inner**2, rho) / trapezoid(values**2 * 2 * np.pi * rho, rho)


def bessel_k(radius_max):
    """k from the Bessel form y = sqrt(t) J_{-1/3}(2/3 sqrt(k) t^{3/2}) of the same ODE."""
    j = brentq(lambda x: jv(-1 / 3, x), 1.0, 2.5)  # first zero of J_{-1/3}, about 1.87
    return 9 * j**2 / (4 * radius_max**3)


@pytest.mark.parametrize("radius_max", [32.0, 18.0])
def test_eigenvector_matches_airy_closed_form(radius_max):
    rho, f = theory.optimal_profile(radius_max)
    airy = theory.airy_profile(rho, radius_max)
    assert np.corrcoef(f, airy)[0, 1] > 1 - 1e-9
    assert np.max(np.abs(f / f[0] - airy)) < 1e-4


def test_optimal_profile_is_unit_norm_positive_at_origin_and_zero_at_R():
    rho, f = theory.optimal_profile(32.0)
    assert rho[0] == 0.0 and rho[-1] == 32.0
    assert trapezoid(f**2 * 2 * np.pi * rho, rho) == pytest.approx(1.0, rel=1e-12)
    assert f[0] > 0 and f[-1] == 0.0
    # the optimum is positive and decreasing on [0, R): one arc of the Airy solution
    # (f is flat at 0, f'(0) = 0, so its first step is only round-off)
    assert np.all(f[:-1] > 0) and np.all(np.diff(f[1:]) < 0) and f[1] - f[0] < 1e-12


def test_airy_initial_conditions():
    step = 1e-4
    y0, y1 = theory.airy_profile([0.0, step], 32.0)
    assert y0 == pytest.approx(1.0, abs=1e-14)
    # y(h) = 1 - k h^3 / 6 + ..., so the forward difference is ~1e-12, not O(h)
    assert abs((y1 - y0) / step) < 1e-9


@pytest.mark.parametrize("radius_max", [32.0, 18.0])
def test_airy_solves_ode_with_first_zero_at_R(radius_max):
    k = theory.airy_k(radius_max)
    step = 1e-2
    t = np.linspace(step, radius_max - step, 999)
    y_minus, y, y_plus = (theory.airy_profile(t + d, radius_max) for d in (-step, 0.0, step))
    second = (y_plus - 2 * y + y_minus) / step**2
    assert np.max(np.abs(second + k * t * y)) / np.max(np.abs(k * t * y)) < 1e-6
    assert abs(theory.airy_profile(radius_max, radius_max)) < 1e-12
    assert np.all(theory.airy_profile(np.linspace(0, radius_max, 2001)[:-1], radius_max) > 0)


@pytest.mark.parametrize("radius_max", [32.0, 18.0])
def test_airy_k_and_profile_agree_with_bessel_form(radius_max):
    k = theory.airy_k(radius_max)
    assert k == pytest.approx(bessel_k(radius_max), rel=1e-10)
    t = np.linspace(0.5, radius_max, 50)
    c = 2 / 3 * np.sqrt(k)
    # normalised so that y -> 1 as t -> 0 (small-argument form of J_{-1/3})
    bessel = gamma(2 / 3) * (c / 2) ** (1 / 3) * np.sqrt(t) * jv(-1 / 3, c * t**1.5)
    np.testing.assert_allclose(theory.airy_profile(t, radius_max), bessel, atol=1e-12)


def test_k_scales_as_inverse_cube_of_R():
    assert theory.airy_k(18.0) / theory.airy_k(32.0) == pytest.approx((32 / 18) ** 3, rel=1e-12)


def test_optimum_beats_random_and_constant_profiles_on_J():
    radius_max = 32.0
    rho, f = theory.optimal_profile(radius_max)
    best = energy_ratio(lambda t: np.interp(t, rho, f), radius_max)
    # the top eigenvalue is J / ||f||^2 = mu / (2 pi) = 1 / (2 pi k)
    assert best == pytest.approx(1 / (2 * np.pi * theory.airy_k(radius_max)), rel=1e-5)
    # constant f: J = R^5 / 20, ||f||^2 = pi R^2 (by hand)
    constant = energy_ratio(np.ones_like, radius_max)
    assert constant == pytest.approx(radius_max**3 / (20 * np.pi), rel=1e-6)
    assert constant < 0.8 * best
    rng = np.random.default_rng(0)
    knots = np.linspace(0.0, radius_max, 20)
    for _ in range(20):
        values = rng.normal(size=20) + rng.uniform(0, 2)
        assert energy_ratio(lambda t: np.interp(t, knots, values), radius_max) < best


def test_optimal_h_of_constant_profile_is_disk_area():
    radii = np.array([0.0, 0.3, 1.0, 2.7, 5.5, 8.0])
    rho = np.linspace(0.0, 8.0, 5)
    np.testing.assert_allclose(theory.optimal_h(np.ones(5), rho, radii), np.pi * radii**2)
    # a grid of bin centres is extended as constant down to 0; f is zero beyond the grid
    centres = np.arange(9) + 0.5
    np.testing.assert_allclose(theory.optimal_h(np.ones(9), centres, radii), np.pi * radii**2)
    assert theory.optimal_h(np.ones(5), rho, [12.0])[0] == pytest.approx(np.pi * 64.0)


def test_optimal_h_of_linear_profile_is_exact():
    rho = np.linspace(0.0, 10.0, 4)
    radii = np.array([0.7, 4.2, 10.0])
    np.testing.assert_allclose(theory.optimal_h(rho, rho, radii), 2 * np.pi * radii**3 / 3)


def test_radial_profiles_recover_a_function_of_the_radius():
    size = 64
    yy, xx = np.indices((size, size))
    dist = np.hypot(yy - 31.5, xx - 31.5)
    images = np.stack([2.0 + 0.5 * dist, -3.0 * dist, np.cos(dist / 6)])
    radii, profiles = theory.radial_profiles(images)
    assert profiles.shape == (3, 32)
    assert radii[0] == pytest.approx(np.sqrt(0.5))  # the four central pixels
    np.testing.assert_allclose(profiles[0], 2.0 + 0.5 * radii, atol=1e-12)
    np.testing.assert_allclose(profiles[1], -3.0 * radii, atol=1e-12)
    np.testing.assert_allclose(profiles[2], np.cos(radii / 6), atol=2e-3)
    assert np.all(np.abs(radii - (np.arange(32) + 0.5)) < 0.25)


def test_radial_profiles_odd_image_has_centre_pixel_bin():
    images = np.zeros((1, 5, 5))
    images[0, 2, 2] = 7.0
    radii, profiles = theory.radial_profiles(images)
    assert radii[0] == 0.0 and profiles[0, 0] == 7.0 and profiles.shape == (1, 2)


def test_rank_one_energy_of_outer_product_and_identity():
    h = np.array([0.5, 1.0, -2.0, 3.0])
    f = np.array([1.0, 0.2, -0.7, 0.4, 0.1])
    assert theory.rank_one_energy(np.outer(h, f)) == pytest.approx(1.0, abs=1e-12)
    assert theory.rank_one_energy(np.eye(7)) == pytest.approx(1 / 7, abs=1e-12)


def test_rank_one_factors_recover_h_and_unit_max_f():
    h = np.array([0.5, 1.0, -2.0, 3.0])
    f = np.array([0.3, 1.0, -0.7, 0.4, 0.1])  # largest |entry| is +1
    for sign in (1.0, -1.0):
        got_h, got_f = theory.rank_one_factors(np.outer(sign * h, sign * f))
        np.testing.assert_allclose(got_f, f, atol=1e-12)
        np.testing.assert_allclose(got_h, h, atol=1e-12)
    got_h, got_f = theory.rank_one_factors(np.outer(h, -f))
    np.testing.assert_allclose(got_f, f, atol=1e-12)
    np.testing.assert_allclose(got_h, -h, atol=1e-12)


def test_profile_correlation_with_itself_is_one_and_ignores_radii_beyond_R():
    rho, f = theory.optimal_profile(18.0)
    learned_rho = np.arange(32) + 0.5
    learned = np.interp(learned_rho, rho, f)
    assert theory.profile_correlation(learned, learned_rho, f, rho) == pytest.approx(1.0, abs=1e-12)
    negated = theory.profile_correlation(-learned, learned_rho, f, rho)
    assert negated == pytest.approx(-1.0, abs=1e-12)
    garbage = learned.copy()
    garbage[learned_rho > 18.0] = np.random.default_rng(1).normal(size=np.sum(learned_rho > 18.0))
    assert theory.profile_correlation(garbage, learned_rho, f, rho) == pytest.approx(1.0, abs=1e-12)
