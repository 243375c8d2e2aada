"""Recompute every number stated on the neural-networks page and check it appears there."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/neural-networks.md").read_text(encoding="utf-8")


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def dense_params(n_in: int, n_out: int) -> int:
    return n_in * n_out + n_out


def conv_params(k: int, c_in: int, c_out: int) -> int:
    return k * k * c_in * c_out + c_out


def test_mlp_parameter_count():
    layers = [dense_params(784, 128), dense_params(128, 64), dense_params(64, 10)]
    assert layers == [100_480, 8_256, 650]
    assert "100,480 + 8,256 + 650 = 109,386" in PAGE
    assert sum(layers) == 109_386


def test_linear_layers_collapse():
    rng = np.random.default_rng(0)
    w1, b1 = rng.normal(size=(5, 3)), rng.normal(size=5)
    w2, b2 = rng.normal(size=(2, 5)), rng.normal(size=2)
    x = rng.normal(size=3)
    stacked = w2 @ (w1 @ x + b1) + b2
    single = (w2 @ w1) @ x + (w2 @ b1 + b2)
    assert np.allclose(stacked, single)


def test_activation_facts():
    z = np.linspace(-10, 10, 200_001)
    s = 1 / (1 + np.exp(-z))
    assert f"{(s * (1 - s)).max():.2f}" == "0.25"
    assert np.allclose(np.tanh(z), 2 / (1 + np.exp(-2 * z)) - 1)
    erf = np.vectorize(math.erf)
    phi_cdf = 0.5 * (1 + erf(z / math.sqrt(2)))
    gelu = z * phi_cdf
    assert f"{gelu.min():.2f}" == "-0.17"
    assert "about [−0.17, ∞)" in PAGE and "about −0.17" in PAGE
    phi_pdf = np.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    assert f"{(phi_cdf + z * phi_pdf).max():.2f}" == "1.13"
    assert "about 1.13" in PAGE


def backprop_sigmoid_example():
    x, w1, b1, w2, b2, y = 2.0, 0.5, -1.0, 2.0, 0.0, 0.2
    z = w1 * x + b1
    h = sigmoid(z)
    y_hat = w2 * h + b2
    loss = 0.5 * (y_hat - y) ** 2
    d_yhat = y_hat - y
    d_w2 = d_yhat * h
    d_h = d_yhat * w2
    d_z = d_h * h * (1 - h)
    d_w1 = d_z * x
    return {
        "z": z,
        "h": h,
        "y_hat": y_hat,
        "loss": loss,
        "d_yhat": d_yhat,
        "d_w2": d_w2,
        "d_b2": d_yhat,
        "d_h": d_h,
        "d_z": d_z,
        "d_w1": d_w1,
        "d_b1": d_z,
    }


def test_backprop_worked_example():
    r = backprop_sigmoid_example()
    assert f"{r['h']:.1f}" == "0.5" and f"{r['y_hat']:.1f}" == "1.0"
    assert f"= {r['loss']:.2f}$" in PAGE  # L = 0.32
    assert f"\\hat{{y}} - y = {r['d_yhat']:.1f}$" in PAGE
    assert f"0.8 \\times h = {r['d_w2']:.1f}$" in PAGE
    assert f"0.8 \\times w_2 = {r['d_h']:.1f}$" in PAGE
    assert f"1.6 \\times 0.25 = {r['d_z']:.1f}$" in PAGE
    assert f"0.4 \\times x = {r['d_w1']:.1f}$" in PAGE
    assert f"\\partial L / \\partial b_1 = {r['d_b1']:.1f}$" in PAGE
    assert f"from 0.5 to {0.5 - 0.1 * r['d_w1']:.2f}" in PAGE
    assert f"from 2 to {2 - 0.1 * r['d_w2']:.2f}" in PAGE


def test_backprop_matches_finite_differences():
    def loss(w1, b1, w2, b2):
        return 0.5 * (w2 * sigmoid(w1 * 2.0 + b1) + b2 - 0.2) ** 2

    r = backprop_sigmoid_example()
    eps = 1e-6
    base = (0.5, -1.0, 2.0, 0.0)
    for i, key in enumerate(["d_w1", "d_b1", "d_w2", "d_b2"]):
        up = list(base)
        down = list(base)
        up[i] += eps
        down[i] -= eps
        numeric = (loss(*up) - loss(*down)) / (2 * eps)
        assert abs(numeric - r[key]) < 1e-6


def test_relu_backprop_quiz():
    x, w1, w2, y = 3.0, 0.4, -0.5, 0.4
    h = max(0.0, w1 * x)
    y_hat = w2 * h
    d_w1 = (y_hat - y) * w2 * (1.0 if w1 * x > 0 else 0.0) * x
    assert f"{h:.1f}" == "1.2" and f"{y_hat:.1f}" == "-0.6"
    assert f"[[{d_w1:.1f}]]" in PAGE
    assert "$\\hat{y} = -0.6$" in PAGE and "$\\hat{y} - y = -1.0$" in PAGE


def test_initialisation_scales():
    glorot = math.sqrt(2 / (512 + 512))
    he = math.sqrt(2 / 512)
    assert f"Glorot gives a standard deviation of {glorot:.4f} and He gives {he:.4f}" in PAGE


def test_per_layer_factor_over_depth():
    assert f"leaves {0.9**50:.4f} of the gradient" in PAGE
    assert f"multiplies it by {1.1**50:.1f}" in PAGE


def test_sigmoid_derivative_over_depth():
    assert f"at most {0.25**5:.5f}" in PAGE  # 0.00098
    mantissa, exponent = f"{0.25**10:.1e}".split("e")
    assert f"${mantissa} \\times 10^{{{int(exponent)}}}$" in PAGE  # 9.5 x 10^-7
    assert 0.25**10 < 1e-6  # "under one millionth"


def test_gradient_clipping_example():
    g = np.array([3.0, 4.0])
    norm = np.linalg.norm(g)
    clipped = g * 1.0 / norm
    assert norm == 5
    assert f"({clipped[0]:.1f}, {clipped[1]:.1f})" in PAGE


def test_momentum_effective_step():
    beta = 0.9
    v = 0.0
    for _ in range(500):
        v = beta * v + 1.0
    assert f"{v:.0f}" == "10"
    assert "10 times larger" in PAGE


def test_adam_first_step():
    lr, b1, b2, eps, g = 0.001, 0.9, 0.999, 1e-8, 0.02
    m = (1 - b1) * g
    v = (1 - b2) * g * g
    corrected = lr * (m / (1 - b1)) / (math.sqrt(v / (1 - b2)) + eps)
    uncorrected = lr * m / (math.sqrt(v) + eps)
    only_v_corrected = lr * m / (math.sqrt(v / (1 - b2)) + eps)
    assert f"{corrected:.3f}" == "0.001"
    assert f"{uncorrected:.4f}" == "0.0032" and "0.0032" in PAGE
    assert f"{only_v_corrected:.4f}" == "0.0001" and "- [ ] 0.0001," in PAGE
    assert f"- [ ] {lr * g:.5f}, the learning rate times the gradient" in PAGE
    assert f"$\\hat{{m}} = {m:.3f} / 0.1 = {m / (1 - b1):.2f}$" in PAGE
    assert f"{v:.7f} / 0.001 = {v / (1 - b2):.4f}" in PAGE


def test_dropout_scaling():
    p = 0.2
    assert f"{2.0 / (1 - p):.1f}" == "2.5"
    assert f"{(1 - p) * 2.0 / (1 - p):.1f}" == "2.0"
    assert "gives 2.5 with probability 0.8" in PAGE
    p = 0.3
    assert f"[[{1.4 / (1 - p):.1f}]]" in PAGE
    assert f"{1.4 * (1 - p):.1f}" == "1.0" and "(giving 1.0)" in PAGE


def test_conv_parameter_counts():
    assert f"{conv_params(3, 64, 128):,}" == "73,856"
    assert "has 73,856" in PAGE
    dense = (32 * 32 * 64) * (32 * 32 * 128)
    assert f"would need {dense:,} weights" in PAGE
    quiz = conv_params(5, 3, 16)
    assert f"[[{quiz}]]" in PAGE
    assert f"16 × 76 = {quiz:,}" in PAGE
    assert f"5 × 5 × 16 + 16 = {5 * 5 * 16 + 16}" in PAGE


def test_attention_weight_quiz():
    d_k = 4
    scores = np.array([4.0, 0.0]) / math.sqrt(d_k)
    weights = np.exp(scores) / np.exp(scores).sum()
    assert f"[[{weights[0]:.2f}]]" in PAGE
    unscaled = math.exp(4) / (math.exp(4) + 1)
    assert f"e^4 / (e^4 + 1) \\approx {unscaled:.2f}" in PAGE
    assert "(8 when $d_k = 64$)" in PAGE and math.sqrt(64) == 8


def test_attention_quadratic_cost():
    assert f"1,024 tokens give {1024**2:,} scores" in PAGE
    assert f"4,096 tokens give {4096**2:,}" in PAGE
    assert (4096**2) // (1024**2) == 16
