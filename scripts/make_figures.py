"""Draw the guide's figures as SVG files from code.

    python scripts/make_figures.py                 # writes docs/assets/figures/*.svg
    python scripts/make_figures.py --out /tmp/figs # writes somewhere else

Every figure is computed here (seeded random data, a real k-means run, a real
maximum-margin separator), so it can be re-drawn after any change and checked
by tests/test_figures.py, which re-runs this script and compares the files.
Needs numpy, scipy and matplotlib (requirements-test.txt).
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "figures"
BLUE, ORANGE, GREEN, GREY = "#0072b2", "#d55e00", "#009e73", "#555555"  # colour-blind safe

plt.rcParams.update(
    {
        "svg.hashsalt": "ml-interview-study-guide",  # stable element ids
        "svg.fonttype": "none",  # text stays text: smaller, selectable, uses the reader's fonts
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.facecolor": "white",  # readable in the dark theme too
    }
)


def normal_cdf(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))


def roc_pr_curves(ax_roc, ax_pr) -> None:  # noqa: ANN001
    """Scores ~ N(1.5, 1) for positives and N(0, 1) for negatives, at 10% and 1% positives."""
    thresholds = np.linspace(-5, 7, 600)
    tpr = 1 - normal_cdf(thresholds - 1.5)
    fpr = 1 - normal_cdf(thresholds)
    ax_roc.plot(fpr, tpr, color=BLUE, lw=2, label="10% or 1% positives (same curve)")
    ax_roc.plot([0, 1], [0, 1], color=GREY, ls=":", label="random scores")
    ax_roc.set(xlabel="False positive rate", ylabel="True positive rate (recall)", title="ROC curve: AUC ≈ 0.86 at both prevalences")
    for prevalence, colour, style in ((0.10, BLUE, "-"), (0.01, ORANGE, "--")):
        precision = prevalence * tpr / (prevalence * tpr + (1 - prevalence) * fpr)
        ax_pr.plot(tpr, precision, color=colour, ls=style, lw=2, label=f"{prevalence:.0%} positives")
        ax_pr.axhline(prevalence, color=colour, ls=":", lw=1)
    ax_pr.set(xlabel="Recall", ylabel="Precision", title="PR curve: drops when positives are rarer", ylim=(0, 1.02))
    ax_roc.legend(loc="lower right", frameon=False)
    ax_pr.legend(loc="upper right", frameon=False)


def bias_variance(ax) -> None:  # noqa: ANN001
    complexity = np.linspace(0.5, 10, 200)
    bias2 = 4 / complexity
    variance = 0.045 * complexity**2
    noise = np.full_like(complexity, 0.6)
    total = bias2 + variance + noise
    best = complexity[np.argmin(total)]
    ax.plot(complexity, bias2, color=BLUE, lw=2, label="bias²")
    ax.plot(complexity, variance, color=ORANGE, lw=2, ls="--", label="variance")
    ax.plot(complexity, noise, color=GREY, lw=1.5, ls=":", label="irreducible noise")
    ax.plot(complexity, total, color="black", lw=2.5, label="expected test error")
    ax.axvline(best, color=GREEN, lw=1, ls="-.")
    ax.annotate("best trade-off", (best, total.min()), xytext=(best + 1.2, total.min() + 1.2), arrowprops={"arrowstyle": "->"})
    ax.text(0.7, 0.25, "← underfitting", color=GREY)
    ax.text(7.9, 0.25, "overfitting →", color=GREY)
    ax.set(xlabel="Model complexity", ylabel="Error (squared loss)", ylim=(0, 7), xticks=[], yticks=[])
    ax.legend(loc="upper center", frameon=False, ncol=2)


def learning_curves(ax_bias, ax_variance) -> None:  # noqa: ANN001
    n = np.linspace(50, 2000, 100)
    ax_bias.plot(n, 0.30 - 0.05 * np.exp(-n / 300), color=BLUE, lw=2, label="training error")
    ax_bias.plot(n, 0.32 + 0.30 * np.exp(-n / 250), color=ORANGE, lw=2, ls="--", label="validation error")
    ax_bias.axhline(0.10, color=GREY, ls=":", lw=1, label="target error")
    ax_bias.set(title="High bias: both high, close together", xlabel="Training examples", ylabel="Error", ylim=(0, 0.7))
    ax_variance.plot(n, 0.02 + 0.06 * (1 - np.exp(-n / 700)), color=BLUE, lw=2, label="training error")
    ax_variance.plot(n, 0.12 + 0.40 * np.exp(-n / 600), color=ORANGE, lw=2, ls="--", label="validation error")
    ax_variance.axhline(0.10, color=GREY, ls=":", lw=1, label="target error")
    ax_variance.set(title="High variance: a gap that narrows with data", xlabel="Training examples", ylim=(0, 0.7))
    for ax in (ax_bias, ax_variance):
        ax.legend(loc="upper right", frameon=False)


def svm_margin(ax) -> None:  # noqa: ANN001
    """The hard-margin separator of a small 2-D set, found by searching every direction."""
    positive = np.array([[3.0, 3.0], [4.0, 3.5], [3.5, 4.5], [5.0, 4.0], [4.5, 5.2], [2.9, 4.8]])
    negative = np.array([[1.0, 1.0], [2.0, 1.2], [1.5, 2.2], [0.8, 2.6], [2.4, 0.4], [1.2, 0.2]])
    angles = np.linspace(0, 2 * math.pi, 200_000, endpoint=False)
    directions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    gaps = (positive @ directions.T).min(axis=0) - (negative @ directions.T).max(axis=0)
    u = directions[np.argmax(gaps)]  # unit normal of the widest separating slab
    low, high = (negative @ u).max(), (positive @ u).min()
    half_width = (high - low) / 2
    w, b = u / half_width, -(high + low) / 2 / half_width  # canonical scaling: w·x + b = ±1 on the margins
    xs = np.linspace(0, 6, 2)
    for offset, style in ((0, "-"), (1, "--"), (-1, "--")):
        ax.plot(xs, (offset - b - w[0] * xs) / w[1], color="black", ls=style, lw=1.5 if offset else 2)
    ax.scatter(*positive.T, color=BLUE, marker="o", s=45, label="class +1", zorder=3)
    ax.scatter(*negative.T, color=ORANGE, marker="s", s=45, label="class −1", zorder=3)
    support = np.vstack([positive[np.isclose(positive @ u, high)], negative[np.isclose(negative @ u, low)]])
    ax.scatter(*support.T, s=220, facecolors="none", edgecolors=GREEN, linewidths=2, label="support vectors", zorder=4)
    middle = support.mean(axis=0)
    ax.annotate(
        f"margin width 2/‖w‖ = {2 / np.linalg.norm(w):.2f}",
        xy=middle,
        xytext=(3.6, 0.6),
        arrowprops={"arrowstyle": "->", "color": GREY},
    )
    ax.set(xlim=(0, 6), ylim=(0, 6), xlabel="feature 1", ylabel="feature 2", aspect="equal", title="Maximum-margin separator")
    ax.legend(loc="upper left", frameon=False)


def k_means_steps(axes) -> None:  # noqa: ANN001
    """Lloyd's algorithm on three blobs, from a deliberately poor start to convergence."""
    rng = np.random.default_rng(7)
    centres = np.array([[0.0, 0.0], [4.0, 0.5], [2.0, 3.5]])
    points = np.vstack([rng.normal(c, 0.6, size=(40, 2)) for c in centres])
    centroids = np.array([[0.5, 3.5], [1.0, 3.0], [4.5, 3.5]])

    def assign(c: np.ndarray) -> np.ndarray:
        return np.argmin(((points[:, None, :] - c[None, :, :]) ** 2).sum(axis=2), axis=1)

    def draw(ax, labels: np.ndarray | None, c: np.ndarray, title: str) -> None:  # noqa: ANN001
        colours = np.array([BLUE, ORANGE, GREEN])
        ax.scatter(*points.T, s=14, color=GREY if labels is None else colours[labels], alpha=0.8)
        ax.scatter(*c.T, marker="X", s=160, color=colours, edgecolors="black", linewidths=1.2, zorder=3)
        ax.set(title=title, xticks=[], yticks=[], aspect="equal")

    draw(axes[0], None, centroids, "1. Initial centroids")
    labels = assign(centroids)
    updated = np.array([points[labels == k].mean(axis=0) for k in range(3)])
    draw(axes[1], labels, updated, "2. Assign, then move centroids")
    for _ in range(100):
        labels = assign(updated)
        new = np.array([points[labels == k].mean(axis=0) for k in range(3)])
        if np.allclose(new, updated):
            break
        updated = new
    draw(axes[2], labels, updated, "3. Converged")


def gradient_descent_path(ax) -> None:  # noqa: ANN001
    """f(x, y) = x² + 10 y² from (-9, 2.5): a cautious and a bolder constant learning rate."""
    xs, ys = np.meshgrid(np.linspace(-10, 10, 300), np.linspace(-4, 4, 300))
    ax.contour(xs, ys, xs**2 + 10 * ys**2, levels=[1, 5, 15, 35, 60, 90], colors=GREY, linewidths=0.8)
    for rate, colour, style in ((0.02, BLUE, "-"), (0.09, ORANGE, "--")):
        point = np.array([-9.0, 2.5])
        path = [point]
        for _ in range(60):
            point = point - rate * np.array([2 * point[0], 20 * point[1]])
            path.append(point)
        path = np.array(path)
        ax.plot(*path.T, color=colour, ls=style, marker="o", ms=3, lw=1.5, label=f"learning rate {rate} (60 steps)")
    ax.plot(0, 0, marker="*", color="black", ms=12, label="minimum")
    ax.set(xlabel="x", ylabel="y", title="Gradient descent on f(x, y) = x² + 10y²", aspect="equal")
    ax.legend(loc="lower right", frameon=False)


def distributions(axes) -> None:  # noqa: ANN001
    from scipy import stats

    panels = [
        ("Bernoulli(p = 0.3)", stats.bernoulli(0.3), np.arange(0, 2), True),
        ("Binomial(n = 10, p = 0.3)", stats.binom(10, 0.3), np.arange(0, 11), True),
        ("Poisson(λ = 3)", stats.poisson(3), np.arange(0, 11), True),
        ("Uniform(0, 1)", stats.uniform(0, 1), np.linspace(-0.25, 1.25, 400), False),
        ("Normal(0, 1)", stats.norm(0, 1), np.linspace(-4, 4, 400), False),
        ("Exponential(rate 1)", stats.expon(scale=1), np.linspace(0, 6, 400), False),
    ]
    for ax, (title, dist, support, discrete) in zip(axes, panels):
        if discrete:
            ax.bar(support, dist.pmf(support), color=BLUE, width=0.6)
            ax.set(ylabel="P(X = k)", xticks=support if len(support) < 4 else support[::2])
        else:
            ax.plot(support, dist.pdf(support), color=ORANGE, lw=2)
            ax.fill_between(support, dist.pdf(support), color=ORANGE, alpha=0.15)
            ax.set(ylabel="density")
        ax.set(title=f"{title}\nmean {dist.mean():.2g}, variance {dist.var():.2g}")


def clt_demo(axes) -> None:  # noqa: ANN001
    rng = np.random.default_rng(11)
    for ax, n in zip(axes, (1, 2, 10, 50)):
        means = rng.exponential(1.0, size=(10_000, n)).mean(axis=1)
        ax.hist(means, bins=60, density=True, color=BLUE, alpha=0.6)
        grid = np.linspace(max(0, 1 - 4 / np.sqrt(n)), 1 + 4 / np.sqrt(n), 300)
        ax.plot(grid, np.exp(-((grid - 1) ** 2) * n / 2) * np.sqrt(n / (2 * np.pi)), color=ORANGE, lw=2)
        ax.set(title=f"mean of n = {n} draws", xlabel="sample mean", yticks=[])
    axes[0].set(ylabel="density")


def broadcasting(axes) -> None:  # noqa: ANN001
    """(3, 4) + (4,) and (3, 1) + (4,): stored cells solid, stretched copies faint."""
    from matplotlib.patches import Rectangle

    def grid(ax, x0, rows, columns, stored_rows, stored_columns, colour, label) -> None:  # noqa: ANN001
        for r in range(rows):
            for c in range(columns):
                stored = r < stored_rows and c < stored_columns
                ax.add_patch(Rectangle((x0 + c, -r), 0.9, 0.9, color=colour, alpha=1.0 if stored else 0.25))
        ax.text(x0 + columns / 2 - 0.05, 1.25, label, ha="center", fontsize=11)

    cases = [
        ("(3, 4) + (4,)  →  (3, 4)", [(3, 4, 3, 4, BLUE, "(3, 4)"), (1, 4, 1, 4, ORANGE, "(4,) as (1, 4)")]),
        ("(3, 1) + (4,)  →  (3, 4)", [(3, 4, 3, 1, BLUE, "(3, 1)"), (3, 4, 1, 4, ORANGE, "(4,) as (1, 4)")]),
    ]
    for ax, (title, operands) in zip(axes, cases):
        x = 0.0
        for index, (_, _, stored_rows, stored_columns, colour, label) in enumerate(operands):
            grid(ax, x, 3, 4, stored_rows, stored_columns, colour, label)
            x += 4.8
            ax.text(x - 0.55, -0.9, "+" if index == 0 else "=", fontsize=16, ha="center")
        for r in range(3):
            for c in range(4):
                ax.add_patch(Rectangle((x + c, -r), 0.9, 0.9, color=GREEN))
        ax.text(x + 1.95, 1.25, "result (3, 4)", ha="center", fontsize=11)
        ax.set(title=title, xlim=(-0.3, x + 4.2), ylim=(-2.4, 1.9), aspect="equal", xticks=[], yticks=[])
        for spine in ax.spines.values():
            spine.set_visible(False)


# name: (figure size in inches, (rows, columns) of panels, drawing function given the list of axes)
FIGURES: dict[str, tuple[tuple[float, float], tuple[int, int], Callable]] = {
    "roc-pr-curves.svg": ((10, 4.2), (1, 2), lambda axes: roc_pr_curves(*axes)),
    "bias-variance.svg": ((7, 4.2), (1, 1), lambda axes: bias_variance(axes[0])),
    "learning-curves.svg": ((10, 4.0), (1, 2), lambda axes: learning_curves(*axes)),
    "svm-margin.svg": ((6, 6), (1, 1), lambda axes: svm_margin(axes[0])),
    "k-means-steps.svg": ((11, 4.0), (1, 3), lambda axes: k_means_steps(axes)),
    "gradient-descent-path.svg": ((8, 4.2), (1, 1), lambda axes: gradient_descent_path(axes[0])),
    "distributions.svg": ((10, 6.0), (2, 3), lambda axes: distributions(axes)),
    "clt-demo.svg": ((12, 3.2), (1, 4), lambda axes: clt_demo(axes)),
    "broadcasting.svg": ((10, 5.2), (2, 1), lambda axes: broadcasting(axes)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (size, (rows, columns), draw) in FIGURES.items():
        figure, axes = plt.subplots(rows, columns, figsize=size, squeeze=False)
        draw(list(axes.flat))
        figure.tight_layout()
        figure.savefig(args.out / name, metadata={"Date": None})
        plt.close(figure)
        print(args.out / name)


if __name__ == "__main__":
    main()
