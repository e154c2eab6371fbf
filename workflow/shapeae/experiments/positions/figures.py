"""The positions experiment's figures (Newson et al. figs 9 and 10)."""
import matplotlib.pyplot as plt
import numpy as np

from ... import plots  # noqa: F401 -- the one style of every figure


def position_filters(filters):
    """Newson fig. 9: learned 3-tap filter of each layer (columns) per training setup (rows), one
    line per repeat, each scaled to unit norm and sign-matched to [1, 2, 1] (dashed)."""
    variants = list(dict.fromkeys(filters["variant"]))
    layers = sorted(filters["layer"].unique())
    reference = np.array([1.0, 2.0, 1.0]) / np.sqrt(6.0)
    fig, axes = plt.subplots(len(variants), len(layers), figsize=(1.7 * len(layers), 1.9 * len(variants)),
                             sharey=True, squeeze=False)
    for row, variant in zip(axes, variants):
        for ax, layer in zip(row, layers):
            part = filters[(filters["variant"] == variant) & (filters["layer"] == layer)]
            for _, taps in part.groupby("repeat"):
                w = taps.sort_values("tap")["weight"].to_numpy()
                w = w / (np.linalg.norm(w) or 1.0)
                ax.plot([-1, 0, 1], w * np.sign(w @ reference or 1.0), marker="o", lw=1, alpha=0.7)
            ax.plot([-1, 0, 1], reference, "k--", lw=1)
            ax.set_xticks([-1, 0, 1])
            ax.set_title(f"{variant}, layer {layer}", fontsize=7)
    fig.tight_layout()
    return fig


def position_decoding(outputs, positions):
    """Newson fig. 10: each decoder's output for increasing positions (rows), normalised per row."""
    fig, axes = plt.subplots(1, len(outputs), figsize=(4 * len(outputs), 4), squeeze=False)
    for ax, (variant, y) in zip(axes[0], outputs.items()):
        peak = np.abs(y).max(axis=1, keepdims=True)
        ax.imshow(y / np.where(peak > 0, peak, 1), aspect="auto", cmap="magma", vmin=-0.2, vmax=1,
                  extent=[-0.5, y.shape[1] - 0.5, positions[-1], positions[0]])
        ax.plot(positions, positions, color="cyan", lw=0.6, ls=":")
        ax.set(title=f"trained on {variant} positions", xlabel="t", ylabel="position a (half-integers)")
    fig.tight_layout()
    return fig
