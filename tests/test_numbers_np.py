"""Recompute every number and run every quiz snippet on the NumPy page."""

import math
import re
import warnings
from functools import partial

import numpy as np
import pytest

import conftest
from conftest import page_text

PAGE = page_text("practical-experience/numpy.md")
snippet_output = partial(conftest.snippet_output, PAGE)  # what a quiz snippet that must be on this page printed


# ---------------------------------------------------------------- arrays and dtypes


def test_uint8_wraps_modulo_256():
    a = np.array([200, 200], dtype=np.uint8)
    assert int((a + a)[0]) == (200 + 200) % 256 == 144
    assert "200 + 200 gives 144" in PAGE
    assert "uint8`: 200 + 200 = 144" in PAGE


def test_int64_limit_and_float_precision():
    assert f"{np.iinfo(np.int64).max / 1e18:.1f}" == "9.2"
    assert "9.2 \\times 10^{18}" in PAGE
    assert np.finfo(np.float64).nmant + 1 == 53 and "53-bit significand" in PAGE
    assert np.finfo(np.float32).nmant + 1 == 24 and "24-bit significand" in PAGE
    assert f"{np.finfo(np.float64).eps:.1e}" == "2.2e-16" and "2.2 \\times 10^{-16}" in PAGE
    assert f"{np.finfo(np.float32).eps:.1e}" == "1.2e-07" and "1.2 \\times 10^{-7}" in PAGE
    assert np.finfo(np.float64).precision == 15 and "15 to 16 significant decimal digits" in PAGE
    assert np.finfo(np.float32).precision == 6  # 24 * log10(2) = 7.2 digits in the looser sense
    assert f"{24 * math.log10(2):.1f}" == "7.2" and "about 7 digits" in PAGE
    assert float(np.spacing(np.float32(1e8))) == 8.0
    assert "neighbouring `float32` values are 8 apart" in PAGE
    assert f"{float(np.finfo(np.float32).max):.1e}" == "3.4e+38" and "3.4 \\times 10^{38}" in PAGE
    # Every integer up to 2**24 is exact in float32; 2**24 + 1 is not.
    assert float(np.float32(2**24 - 1)) == 2**24 - 1
    assert float(np.float32(2**24 + 1)) != 2**24 + 1
    assert "$2^{24}$" in PAGE


def test_float_assignment_into_int_array_truncates():
    x = np.array([1, 2, 3])
    x[0] = 9.7
    assert x[0] == 9
    assert "after `x[0] = 9.7`, an integer `x` holds 9" in PAGE


def test_promotion_table():
    ones = lambda dtype: np.ones(3, dtype=dtype)  # noqa: E731
    assert (ones(np.int64) + ones(np.float64)).dtype == np.float64
    assert (ones(np.int32) + ones(np.float32)).dtype == np.float64
    assert (ones(np.int64) + ones(np.uint64)).dtype == np.float64
    assert (ones(np.float32) * 2.0).dtype == np.float32
    assert (ones(np.uint8) + 1).dtype == np.uint8
    assert (np.arange(3) / 1).dtype == np.float64
    assert (np.arange(3) // 1).dtype == np.int64
    with pytest.raises(OverflowError):
        ones(np.uint8) + 300
    assert "`uint8_array + 300`, raises `OverflowError`" in PAGE


def test_reductions_widen_small_integers():
    pixels = np.array([200, 100, 30], dtype=np.uint8)
    assert pixels.sum() == 330 and pixels.sum().dtype == np.uint64
    assert np.mean(pixels).dtype == np.float64


def test_default_integer_is_int64():
    assert np.array([1, 2, 3]).dtype == np.int64


# ---------------------------------------------------------------- vectorisation


def test_ufunc_methods():
    assert np.add.reduce([1, 2, 3, 4]) == 10
    assert np.add.accumulate([1, 2, 3, 4]).tolist() == [1, 3, 6, 10]
    assert np.multiply.outer([1, 2, 3], [10, 20]).tolist() == [[10, 20], [20, 40], [30, 60]]


def test_pairwise_intermediate_memory():
    gigabytes = 10_000 * 10_000 * 100 * np.dtype(np.float64).itemsize / 1e9
    assert f"{gigabytes:.0f}" == "80"
    assert "intermediate of 80 GB" in PAGE


def test_distance_identity():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=4), rng.normal(size=4)
    assert math.isclose(np.sum((a - b) ** 2), a @ a + b @ b - 2 * a @ b)


# ---------------------------------------------------------------- broadcasting


def test_broadcasting_table():
    assert np.broadcast_shapes((3, 4), (4,)) == (3, 4)
    with pytest.raises(ValueError):
        np.broadcast_shapes((3, 4), (3,))
    assert np.broadcast_shapes((3, 1), (4,)) == (3, 4)
    assert np.broadcast_shapes((8, 1, 5), (7, 1)) == (8, 7, 5)
    n = 6
    assert np.broadcast_shapes((n, 1), (n,)) == (n, n)


def test_mse_bug_worked_example():
    y = np.array([1.0, 2.0, 3.0])
    diffs = y.reshape(-1, 1) - y
    assert np.sum(diffs**2) == 12
    assert f"{12 / 9:.2f}" == "1.33"
    assert "their squares sum to 12" in PAGE
    assert "$12 / 9 \\approx 1.33$" in PAGE
    assert "is about 1.33 instead of 0" in PAGE


def test_wrong_loss_pushes_predictions_to_the_target_mean():
    # Minimising mean_{i,j} (p_i - y_j)^2 over p_i gives p_i = mean(y) for every i.
    y = np.array([1.0, 2.0, 6.0])
    grid = np.linspace(0, 7, 7001)
    loss = ((grid[:, None] - y) ** 2).mean(axis=1)
    assert math.isclose(grid[loss.argmin()], y.mean(), abs_tol=1e-3)


def test_square_matrix_row_mean_bug():
    X = np.arange(9.0).reshape(3, 3) ** 1.5
    wrong = X - X.mean(axis=1)
    row_means = X.mean(axis=1)
    for j in range(3):
        assert np.allclose(wrong[:, j], X[:, j] - row_means[j])
    assert not np.allclose(wrong, X - X.mean(axis=1, keepdims=True))
    assert not np.allclose(wrong, X - X.mean(axis=0))


# ---------------------------------------------------------------- views and copies


def test_views_copies_table():
    a = np.arange(12).reshape(3, 4)
    for view in (a[1:3], a[::2], a[:, 0], a[None], a.T, a.transpose(), a.swapaxes(0, 1), a.reshape(4, 3), a.ravel()):
        assert np.shares_memory(a, view)
    for copy in (a.flatten(), a.copy(), a.astype(np.int64), a[[0, 2]], a[a > 3]):
        assert not np.shares_memory(a, copy)
    assert not np.shares_memory(a, a.T.reshape(-1))  # reshape copies when the strides do not allow a view
    b = a
    assert b is a


def test_setitem_and_repeated_indices():
    a = np.zeros(3)
    a[[0, 0, 1]] += 1
    assert a.tolist() == [1.0, 1.0, 0.0]
    b = np.zeros(3)
    np.add.at(b, [0, 0, 1], 1)
    assert b.tolist() == [2.0, 1.0, 0.0]


def test_in_place_float_into_int_raises():
    a = np.arange(4)
    with pytest.raises(TypeError) as raised:
        a += 0.5
    assert "UFuncTypeError" in [cls.__name__ for cls in type(raised.value).__mro__]
    assert "raises a `UFuncTypeError` (a `TypeError`)" in PAGE


def test_in_place_function_edits_caller():
    def center(x):
        x -= x.mean()
        return x

    data = np.array([1.0, 2.0, 3.0])
    center(data[:])
    assert data.tolist() == [-1.0, 0.0, 1.0]


# ---------------------------------------------------------------- axis semantics and softmax


def test_softmax_overflow_and_stability():
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(1000.0))
    z = np.array([2.0, 1.0, 0.1])
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert np.allclose(p, np.exp(z) / np.exp(z).sum())
    assert [f"{v:.3f}" for v in p] == ["0.659", "0.242", "0.099"]


def test_gradient_descent_reaches_noise_variance():
    assert f"{0.1**2:.4f}" == "0.0100"
    assert "final mse 0.0100" in PAGE
    assert "$0.1^2 = 0.01$" in PAGE


# ---------------------------------------------------------------- interview answers


def test_image_average_overflow():
    img1 = np.array([200], dtype=np.uint8)
    img2 = np.array([100], dtype=np.uint8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # arrays wrap without any warning
        wrapped = img1 + img2
    assert int(wrapped[0]) == 44
    assert float((wrapped / 2)[0]) == 22.0
    assert float(((img1.astype(np.float32) + img2) / 2)[0]) == 150.0
    assert "should average 150, but 300 wraps to 44 and the division gives 22" in PAGE


# ---------------------------------------------------------------- self-check quizzes


def test_q01_shape_ndim_size():
    code = "import numpy as np\na = np.arange(1, 7).reshape(2, 3)\nprint(a.shape, a.ndim, a.size)\n"
    assert snippet_output(code) == "(2, 3) 2 6"
    assert "- [x] `(2, 3) 2 6`" in PAGE


def test_q02_uint8_overflow():
    code = "import numpy as np\na = np.array([200, 100], dtype=np.uint8)\nprint((a + a)[0])\n"
    assert snippet_output(code) == "144"
    assert "It prints [[144]]." in PAGE


def test_q03_float64_results():
    assert (np.array([1, 2, 3]) / 2).dtype == np.float64
    assert (np.ones(3, dtype=np.int32) + np.ones(3, dtype=np.float32)).dtype == np.float64
    assert (np.ones(3, dtype=np.int64) + np.ones(3, dtype=np.uint64)).dtype == np.float64
    assert (np.ones(3, dtype=np.float32) * 2.0).dtype == np.float32
    assert (np.array([1, 2, 3]) // 2).dtype == np.int64
    for line in (
        "- [x] `np.array([1, 2, 3]) / 2`",
        "- [x] `np.ones(3, dtype=np.int32) + np.ones(3, dtype=np.float32)`",
        "- [x] `np.ones(3, dtype=np.int64) + np.ones(3, dtype=np.uint64)`",
        "- [ ] `np.ones(3, dtype=np.float32) * 2.0`",
        "- [ ] `np.array([1, 2, 3]) // 2`",
    ):
        assert line in PAGE


def test_q04_float32_absorbs_one():
    code = "import numpy as np\nx = np.float32(100_000_000)\nprint(x + np.float32(1) == x)\n"
    assert snippet_output(code) == "True"


def test_q06_vectorize_gives_the_same_values():
    import math as m

    x = np.linspace(-2, 2, 9)
    expected = np.exp(x)
    assert np.allclose(np.vectorize(m.exp)(x), expected)
    assert np.allclose(np.array([m.exp(v) for v in x]), expected)
    assert np.allclose(np.where(x > 0, x, 0.0), np.maximum(x, 0.0))


def test_q07_pairwise_distance_options():
    rng = np.random.default_rng(0)
    m, n, d = 4, 5, 3
    A, B = rng.normal(size=(m, d)), rng.normal(size=(n, d))
    right = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    loop = np.array([[np.sum((A[i] - B[j]) ** 2) for j in range(n)] for i in range(m)])
    assert right.shape == (m, n) and np.allclose(right, loop)
    with pytest.raises(ValueError):
        ((A - B) ** 2).sum(axis=1)
    assert ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=0).shape == (n, d)
    assert ((A[:, None] - B) ** 2).sum(axis=1).shape == (m, d)


def test_q08_outer_broadcast_shape():
    code = "import numpy as np\nprint((np.ones((3, 1)) + np.ones((1, 4))).shape)\n"
    assert snippet_output(code) == "(3, 4)"


def test_q09_broadcastable_pairs():
    assert np.broadcast_shapes((5, 3), (3,)) == (5, 3)
    assert np.broadcast_shapes((5, 3), (5, 1)) == (5, 3)
    assert np.broadcast_shapes((4, 1, 3), (2, 1)) == (4, 2, 3)
    assert "giving `(4, 2, 3)`" in PAGE
    for left, right in (((5, 3), (5,)), ((2, 3), (3, 2))):
        with pytest.raises(ValueError):
            np.broadcast_shapes(left, right)


def test_q10_mse_column_bug():
    code = "import numpy as np\ny = np.array([1.0, 2.0, 3.0])\npred = y.reshape(-1, 1)\nprint(np.mean((pred - y) ** 2))\n"
    printed = float(snippet_output(code))
    assert f"{printed:.2f}" == "1.33"
    assert "It prints [[1.33]]." in PAGE


def test_q11_is_covered_by_the_square_matrix_test():
    test_square_matrix_row_mean_bug()
    assert "subtracts the mean of row $j$ from every entry of column $j$" in PAGE


def test_q12_slice_is_a_view():
    code = "import numpy as np\na = np.arange(5)\nb = a[1:4]\nb[0] = 99\nprint(a)\n"
    out = snippet_output(code)
    assert out == "[ 0 99  2  3  4]"
    assert f"- [x] `{out}`" in PAGE


def test_q13_shares_memory():
    a = np.arange(12)
    assert np.shares_memory(a, a[::3])
    assert np.shares_memory(a, a.reshape(3, 4))
    assert not np.shares_memory(a, a[a % 2 == 0])
    assert not np.shares_memory(a, a[np.arange(3)])
    assert not np.shares_memory(a, a.flatten())


def test_q14_chained_boolean_assignment():
    code = "import numpy as np\na = np.array([3, -1, 4, -2])\na[a < 0][0] = 0\na[a > 3] = 0\nprint(a)\n"
    out = snippet_output(code)
    assert out == "[ 3 -1  0 -2]"
    assert f"- [x] `{out}`" in PAGE
    # The distractors are what the two misconceptions would print.
    assert str(np.array([3, 0, 0, -2])) == "[ 3  0  0 -2]"
    assert str(np.array([3, -1, 4, -2])) == "[ 3 -1  4 -2]"


def test_q15_q16_axis_shapes():
    X = np.zeros((100, 5))
    assert X.mean(axis=0).shape == (5,)
    assert X.mean(axis=1).shape == (100,)
    assert X.mean(axis=0, keepdims=True).shape == (1, 5)
    images = np.zeros((16, 28, 28, 3))
    assert images.mean(axis=(0, 1, 2)).shape == (3,)
    assert images.mean(axis=(-4, -3, -2)).shape == (3,)
    assert images.mean(axis=3).shape == (16, 28, 28)
    assert images.mean(axis=(1, 2)).shape == (16, 3)


def test_q17_softmax_without_keepdims_raises():
    code = "import numpy as np\nz = np.zeros((4, 3))\ne = np.exp(z - z.max(axis=1))\n"
    with pytest.raises(ValueError, match=re.escape("could not be broadcast")):
        snippet_output(code)
    z = np.zeros((4, 3))
    assert z.max(axis=1).shape == (4,)
    assert z.max(axis=1, keepdims=True).shape == (4, 1)
    square = np.arange(9.0).reshape(3, 3)
    assert (square - square.max(axis=1)).shape == (3, 3)  # runs, but with the wrong maxima


# ---------------------------------------------------------------- added after the independent check


def test_image_average_fixes():
    img1 = np.array([200, 255, 0], dtype=np.uint8)
    img2 = np.array([101, 255, 1], dtype=np.uint8)
    halves = (img1.astype(np.float32) + img2) / 2
    assert halves.tolist() == [150.5, 255.0, 0.5]
    assert np.round(halves).astype(np.uint8).max() <= 255  # the mean of two uint8 values never leaves 0..255
    assert float(np.float32(150.7).astype(np.uint8)) == 150  # astype truncates
    assert "`astype` truncates 150.7 to 150" in PAGE
    integer = (img1.astype(np.uint16) + img2) // 2
    assert integer.tolist() == [150, 255, 0] and integer.dtype.kind == "u"
    assert ((img1.astype(np.int16) + img2) / 2).dtype == np.float64  # `/` always gives floats
    assert "`(img1.astype(np.uint16) + img2) // 2`" in PAGE
    with pytest.raises(OverflowError):
        img1 + 300
    assert (img1 + 10).dtype == np.uint8


def test_distance_identity_cancels_for_nearby_points():
    rng = np.random.default_rng(0)
    A = (1000 + rng.normal(size=(50, 10))).astype(np.float32)
    sq = (A * A).sum(axis=1)
    expanded = sq[:, None] + sq[None, :] - 2 * A @ A.T
    exact = ((A[:, None, :].astype(np.float64) - A[None, :, :]) ** 2).sum(axis=2)
    assert expanded.min() < 0  # negative squared distances
    assert np.abs(expanded - exact).max() > exact[exact > 0].min()  # error exceeds the smallest distance
    assert "catastrophic cancellation" in PAGE


def test_fancy_and_boolean_indexing_copy_even_when_evenly_spaced():
    a = np.arange(12)
    assert not np.shares_memory(a, a[[0, 1, 2]])
    assert not np.shares_memory(a, a[a % 2 == 0])
    assert "always, even when the selection happens to be evenly spaced" in PAGE


def test_single_column_row_mean_broadcasts_silently():
    X = np.arange(4.0).reshape(4, 1)
    assert (X - X.mean(axis=1)).shape == (4, 4)
    assert "a single-column `(n, 1)` input silently broadcasts to `(n, n)`" in PAGE
    assert "A single-column `(n, 1)` matrix does not raise either" in PAGE


def test_q07_option_b_broadcasts_when_one_side_has_one_row():
    A, B = np.zeros((4, 3)), np.zeros((1, 3))
    assert ((A - B) ** 2).sum(axis=1).shape == (4,)
    assert "(unless one of them is 1)" in PAGE
