"""1-D position signals (Newson et al., section 5).

Encoding (sections 5.1-5.3) uses the n one-hot vectors of length n, a discretised Dirac at each
integer position a = 0..n-1, with the position n - a of proposition 3 as the encoder's target.
Decoding (section 5.4) uses the triangular Dirac of eq. (19), y_a(t) = max(0, 1 - |t - a|) on
t = 0..n-1, defined for any real a: the paper's point is that a decoder must be trained on
continuously sampled positions; integer positions only (where y_a is a one-hot) is its failing
setting.
"""
import numpy as np


def one_hots(n):
    """All n one-hot vectors of length n, float32 (n, 1, n); row a has its 1 at position a."""
    return np.eye(n, dtype=np.float32)[:, None, :]


def triangular_diracs(positions, n=64):
    """y_a(t) = max(0, 1 - |t - a|) for t = 0..n-1 (eq. 19), float32 (len(positions), 1, n)."""
    a = np.asarray(positions, dtype=np.float64)[:, None]
    t = np.arange(n)[None, :]
    return np.maximum(0.0, 1.0 - np.abs(t - a)).astype(np.float32)[:, None, :]


def decoder_positions(n_samples, n, continuous, rng):
    """Training positions for the decoder: a ~ U(0, n-1), or integers drawn uniformly from 0..n-1.

    The integer setting sees only the n one-hot targets, however many samples are drawn.
    """
    if continuous:
        return rng.uniform(0.0, n - 1, size=n_samples)
    return rng.integers(0, n, size=n_samples).astype(np.float64)


def encoder_targets(n):
    """E(x) = n - a for the one-hot at a, float32 (n, 1): the output proposition 3 derives.

    Raw values, not rescaled to [0, 1]: at this scale the hand-crafted filter is exact with no
    rescaling of any layer, and in exploration trained encoders found [1, 2, 1] far more reliably
    than with targets (n - a) / n or a / n, where some repeats settled on other filters that lean
    on the biases and the leaky ReLU's bend.
    """
    return (n - np.arange(n, dtype=np.float32))[:, None]


def position_codes(positions, n):
    """The decoder's scalar input: a mapped linearly from [0, n-1] onto [-1, 1], float32 (len, 1).

    Centred because the leaky ReLUs bend where a pre-activation crosses zero, and with the small
    initial biases that happens near code 0: centring puts the bends among the positions instead
    of at one end. Codes in [0, 1) (a / n) trained measurably worse in exploration.
    """
    half = (n - 1) / 2
    return ((np.asarray(positions, dtype=np.float64) - half) / half).astype(np.float32)[:, None]
