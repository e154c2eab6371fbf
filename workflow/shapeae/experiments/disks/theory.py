"""The decoder of the bias-free disk autoencoder (Newson et al., section 4.3 and appendix B).

Without biases the decoder is linear in the code (proposition 1), so it outputs y(t; r) = h(r) f(t)
(eq. 5). Proposition 2: the optimal f is radially symmetric and maximises
    J(f) = int_0^R (int_0^r f(rho) rho drho)^2 dr        (eq. 7)
under ||f||^2 = int f(rho)^2 2 pi rho drho = 1, with h(r) = <f, 1_{B_r}> (eq. 8).

Swapping the integrals, J(f) = int int f(rho) f(s) rho s (R - max(rho, s))_+ drho ds, a quadratic
form, so the optimum is the top generalised eigenvector of (K, M). Its stationarity condition
    int_0^R (R - max(rho, s))_+ f(s) s ds = mu f(rho)
gives, on differentiating twice, f'' = -rho f / mu with f'(0) = 0 and f(R) = 0: the Airy equation
y'' = -k t y, y(0) = 1, y'(0) = 0 of appendix B, with k = 1/mu fixed by the first zero at t = R.

Also here: radial profiles of decoded images and their rank-one (h, f) factorisation, to compare
what the bias-free network learned with this optimum.
"""
import numpy as np


def optimal_profile(radius_max, n_points=257):
    """(rho, f): the maximiser of J (eq. 7) with ||f|| = 1, on n_points uniform radii over [0, R].

    f vanishes beyond R: J only reads f on [0, R] (the inner integral stops at r <= R), while
    any mass beyond R would add to the norm, so rescaling to unit norm would lower J.
    """
    rho = np.linspace(0.0, radius_max, n_points)
    h = rho[1] - rho[0]
    # Trapezoid rule on the uniform grid. Both end nodes drop out of the quadratic forms (rho = 0
    # kills the weight rho, R - max = 0 at rho = R), so solve on the interior nodes, weight h,
    # where M = diag(2 pi rho h) is positive definite.
    s = rho[1:-1]
    kernel = (radius_max - np.maximum.outer(s, s)) * np.outer(s, s) * h * h
    mass = 2.0 * np.pi * s * h
    # M is diagonal, so the generalised problem K f = lambda M f is the symmetric one for
    # g = M^(1/2) f: same eigenpairs as eigh(K, M), without its Cholesky/triangular solves.
    root = np.sqrt(mass)
    lam, vec = np.linalg.eigh(kernel / np.outer(root, root))  # ascending: the last pair is the top
    lam, vec = lam[-1:], vec[:, -1:]
    inner = vec[:, 0] / root  # unit discrete norm: sum 2 pi rho h f^2 = 1
    # f at the end nodes from the stationarity condition itself (Nystrom interpolation):
    # f(rho) = (1/mu) sum_j h s_j (R - max(rho, s_j)) f_j with mu = 2 pi lambda; exact 0 at R.
    mu = 2.0 * np.pi * lam[0]
    f0 = np.sum(h * s * (radius_max - s) * inner) / mu
    f = np.concatenate([[f0], inner, [0.0]])
    return rho, f if f0 > 0 else -f


def _first_zero_scaled():
    """u0: first positive zero of sqrt(3) Ai(-u) + Bi(-u), the k = 1 solution (about 1.986)."""
    from scipy.optimize import brentq  # here, as airy: scoring jobs never need them, and importing is slow
    from scipy.special import airy

    def y(u):
        ai, _, bi, _ = airy(-u)
        return np.sqrt(3.0) * ai + bi

    # The zeros of this solution are near 1.99, 3.83, 5.30, ...: the bracket (1, 3) holds only
    # the first, and y(1) > 0 > y(3).
    return brentq(y, 1.0, 3.0, xtol=1e-14, rtol=1e-15)


def airy_k(radius_max):
    """k of y'' = -k t y (appendix B) that puts the first zero of y at t = R.

    With u = k^(1/3) t the problem is free of k, so k = (u0 / R)^3 where u0 is the first zero of
    the k = 1 solution, found once by brentq.
    """
    return (_first_zero_scaled() / radius_max) ** 3


def airy_profile(rho, radius_max):
    """The closed-form optimum: y(rho) with y'' = -k rho y, y(0) = 1, y'(0) = 0, zero beyond R.

    y = a Ai(-k^(1/3) rho) + b Bi(-k^(1/3) rho). The initial conditions and the Wronskian
    Ai Bi' - Ai' Bi = 1/pi give a = pi Bi'(0), b = -pi Ai'(0), i.e. y = -pi Ai'(0) (sqrt(3) Ai + Bi)
    since Bi(0) = sqrt(3) Ai(0) and Bi'(0) = -sqrt(3) Ai'(0).
    """
    from scipy.special import airy

    rho = np.asarray(rho, dtype=np.float64)
    k = airy_k(radius_max)
    ai, _, bi, _ = airy(-np.cbrt(k) * rho)
    _, aip0, _, bip0 = airy(0.0)
    y = np.pi * (bip0 * ai - aip0 * bi)
    # The optimum is the arc up to the first zero; beyond R it is 0 (see optimal_profile).
    return np.where(rho <= radius_max, y, 0.0)


def optimal_h(f, rho, radii):
    """h(r) = <f, 1_{B_r}> = 2 pi int_0^r f(rho) rho drho (eq. 8) for each r in radii.

    f is taken piecewise linear on the grid rho (increasing), constant below rho[0] (so learned
    profiles on bin centres reach the origin) and zero beyond rho[-1]; each piece is integrated
    exactly, so f = 1 gives pi r^2 at any r.
    """
    f = np.asarray(f, dtype=np.float64)
    rho = np.asarray(rho, dtype=np.float64)
    if rho[0] > 0:
        rho, f = np.concatenate([[0.0], rho]), np.concatenate([[f[0]], f])
    radii = np.clip(np.asarray(radii, dtype=np.float64), 0.0, rho[-1])

    def partial(i, x):
        # int_{rho_i}^{x} (f_i + slope (t - rho_i)) t dt, exact for the linear piece.
        a = rho[i]
        slope = (f[i + 1] - f[i]) / (rho[i + 1] - rho[i])
        return f[i] * (x**2 - a**2) / 2 + slope * ((x**3 - a**3) / 3 - a * (x**2 - a**2) / 2)

    cells = np.arange(len(rho) - 1)
    cumulative = np.concatenate([[0.0], np.cumsum(partial(cells, rho[1:]))])
    i = np.clip(np.searchsorted(rho, radii, side="right") - 1, 0, len(rho) - 2)
    return 2.0 * np.pi * (cumulative[i] + partial(i, radii))


def radial_profiles(images, n_bins=None):
    """(radii, profiles): means of (N, H, W) images over unit-width annuli about the centre.

    The centre is ((H - 1)/2, (W - 1)/2); bin b holds pixels at distance [b, b + 1). n_bins defaults
    to min(H, W) // 2, the complete annuli; pixels further out are ignored. radii are the mean
    pixel distance in each bin rather than b + 1/2, so a profile linear in the distance is
    recovered exactly (the innermost bin of an even image sits at 0.71, not 0.5).
    """
    images = np.asarray(images, dtype=np.float64)
    n, height, width = images.shape
    if n_bins is None:
        n_bins = min(height, width) // 2
    yy, xx = np.indices((height, width))
    dist = np.hypot(yy - (height - 1) / 2, xx - (width - 1) / 2).ravel()
    which = np.floor(dist).astype(int)
    keep = which < n_bins
    counts = np.bincount(which[keep], minlength=n_bins)
    if np.any(counts == 0):
        raise ValueError(f"{n_bins} bins leave some annulus without pixels")
    averaging = np.zeros((keep.sum(), n_bins))
    averaging[np.arange(keep.sum()), which[keep]] = 1.0 / counts[which[keep]]
    radii = dist[keep] @ averaging
    return radii, images.reshape(n, -1)[:, keep] @ averaging


def rank_one_energy(profiles):
    """s1^2 / sum s^2 of the (N, T) profile matrix: 1 when profiles = h(r) f(t) (eq. 5)."""
    s = np.linalg.svd(np.asarray(profiles, dtype=np.float64), compute_uv=False)
    return float(s[0] ** 2 / np.sum(s**2))


def rank_one_factors(profiles):
    """(h, f) of the best rank-one fit h f^T, f scaled to max |f| = 1 with that entry positive."""
    u, s, vt = np.linalg.svd(np.asarray(profiles, dtype=np.float64), full_matrices=False)
    scale = vt[0, np.argmax(np.abs(vt[0]))]  # signed, so f's largest entry becomes +1
    return u[:, 0] * s[0] * scale, vt[0] / scale


def profile_correlation(learned_f, learned_rho, optimal_f, optimal_rho):
    """Pearson correlation of a learned profile with the optimum on the learned radii <= R.

    R = optimal_rho[-1]; the optimum is linearly interpolated onto the learned grid, since the
    learned grid (pixel annuli) is the coarser one.
    """
    learned_f = np.asarray(learned_f, dtype=np.float64)
    learned_rho = np.asarray(learned_rho, dtype=np.float64)
    inside = learned_rho <= optimal_rho[-1]
    target = np.interp(learned_rho[inside], optimal_rho, optimal_f)
    return float(np.corrcoef(learned_f[inside], target)[0, 1])
