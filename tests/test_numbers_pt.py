"""Recompute every number and run every quiz snippet on the PyTorch page.

The arithmetic checks use only the standard library and NumPy. The quiz snippets need
PyTorch, so each of those tests starts with `pytest.importorskip("torch")` and is
skipped where PyTorch is not installed.
"""

import contextlib
import io
import math
import warnings

import numpy as np
import pytest

from conftest import page_text, snippet_output

PAGE = page_text("practical-experience/pytorch.md")


def run_snippet(code: str) -> tuple[str, dict]:
    """Check the snippet is on the page verbatim, run it, and return what it printed and its namespace."""
    namespace: dict = {}
    return snippet_output(PAGE, code, namespace), namespace


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


def cross_entropy(logits, target):
    z = np.asarray(logits, dtype=float)
    return float(np.log(np.exp(z).sum()) - z[target])


def linear_params(n_in, n_out):
    return n_in * n_out + n_out


# ---------------------------------------------------------------- teaching text


def test_autograd_worked_example():
    def dydx(x):
        return 2 * x + 3

    assert dydx(2) == 7 and 2 * dydx(2) == 14
    assert "which is 7 at $x = 2$" in PAGE
    assert "`.grad` holds 14" in PAGE


def test_parameter_count_of_worked_mlp():
    first, second = linear_params(4, 16), linear_params(16, 3)
    assert (first, second, first + second) == (80, 51, 131)
    assert "$4 \\cdot 16 + 16 = 80$ plus $16 \\cdot 3 + 3 = 51$, so 131 parameters" in PAGE


def test_dataloader_batches_in_text():
    sizes = [min(4, 10 - start) for start in range(0, 10, 4)]
    assert sizes == [4, 4, 2] and "batches of 4, 4 and 2" in PAGE
    assert math.ceil(120 / 32) == 4 and 120 - 3 * 32 == 24
    assert "the last batch has only 24 examples" in PAGE


def test_cross_entropy_worked_example():
    logits = [2.0, 0.5, -1.0]
    p = softmax(logits)
    assert [f"{v:.3f}" for v in p] == ["0.786", "0.175", "0.039"]
    assert "0.786, 0.175 and 0.039" in PAGE
    assert f"{cross_entropy(logits, 0):.3f}" == "0.241"
    assert f"{cross_entropy(logits, 2):.3f}" == "3.241"
    assert "the loss is 0.241 if the true class is 0 and 3.241 if it is 2" in PAGE


def test_dropout_scale_and_batchnorm_running_stats():
    p = 0.5
    assert 1 / (1 - p) == 2 and "With $p = 0.5$ the survivors become 2" in PAGE
    batch = np.array([[1.0, 10.0], [3.0, 30.0]])
    momentum = 0.1
    running_mean = (1 - momentum) * 0 + momentum * batch.mean(axis=0)
    running_var = (1 - momentum) * 1 + momentum * batch.var(axis=0, ddof=1)  # PyTorch stores the unbiased variance
    assert [f"{v:.2f}" for v in running_mean] == ["0.20", "2.00"]
    assert "10% of the way towards the batch values" in PAGE
    eval_out = (batch[0] - running_mean) / np.sqrt(running_var + 1e-5)
    assert [f"{v:.2f}" for v in eval_out] == ["0.76", "1.75"]
    train_out = (batch[0] - batch.mean(axis=0)) / np.sqrt(batch.var(axis=0) + 1e-5)
    assert [f"{v:.2f}" for v in train_out] == ["-1.00", "-1.00"]
    assert "['0.76', '1.75'] True" in PAGE


def test_initial_loss_is_log_of_class_count():
    assert f"{math.log(3):.2f}" == "1.10" and f"{math.log(10):.2f}" == "2.30"
    assert "1.10 for 3 classes, 2.30 for 10" in PAGE
    # The overfitting example starts at 1.060, close to log 3.
    assert abs(1.060 - math.log(3)) < 0.05 and "The loss starts at 1.060" in PAGE


def test_log_zero_gives_nan():
    with np.errstate(divide="ignore", invalid="ignore"):
        assert np.log(0.0) == -np.inf
        assert np.isnan(0.0 * np.log(0.0))
    assert "$0 \\cdot (-\\infty)$ is NaN" in PAGE


# ---------------------------------------------------------------- quiz arithmetic


def test_q03_gradient_accumulates_to_18():
    assert sum(2 * 3.0 for _ in range(3)) == 18
    assert "[[18]]" in PAGE and "6 + 6 + 6 = 18" in PAGE


def test_q06_parameter_count():
    assert (linear_params(10, 5), linear_params(5, 2)) == (55, 12)
    assert linear_params(10, 5) + linear_params(5, 2) == 67 and "[[67]]" in PAGE
    assert 10 * 5 + 5 * 2 == 60 and "Forgetting the biases gives 60" in PAGE


def test_q07_module_list_would_register_60():
    assert 3 * linear_params(4, 4) == 60 and 3 * 16 == 48
    assert "3 × (16 + 4) = 60" in PAGE


def test_q09_steps_per_epoch():
    assert math.ceil(1000 / 64) == 16 and 1000 - 15 * 64 == 40 and 15 * 64 == 960
    assert "[[16]]" in PAGE and "⌈1000 / 64⌉ = 16" in PAGE and "remaining 40" in PAGE


def test_q10_softmax_before_cross_entropy_floor():
    # A one-hot probability vector fed to CrossEntropyLoss as if it were logits.
    floor = cross_entropy([1.0, 0.0, 0.0, 0.0, 0.0], 0)
    assert math.isclose(floor, math.log(1 + 4 / math.e))
    assert f"{floor:.2f}" == "0.90" and "\\log(1 + 4/e) \\approx 0.90" in PAGE
    for classes in (3, 5, 10):
        one_hot = [1.0] + [0.0] * (classes - 1)
        assert math.isclose(cross_entropy(one_hot, 0), math.log(math.e + classes - 1) - 1)
    assert "$\\log(e + C - 1) - 1$" in PAGE
    assert "below about 0.90" in PAGE


def test_q11_cross_entropy_fill_in():
    logits = [1.0, 2.0, 0.0]
    loss = cross_entropy(logits, 2)
    assert f"{loss:.2f}" == "2.41" and "[[2.41]]" in PAGE
    assert f"{np.exp(logits).sum():.2f}" == "11.11" and "\\log(11.11) \\approx 2.41" in PAGE
    assert f"{softmax(logits)[2]:.2f}" == "0.09" and "probability about 0.09" in PAGE
    assert f"{cross_entropy(logits, 1):.2f}" == "0.41" and "gives 0.41" in PAGE


# ---------------------------------------------------------------- quiz snippets (need PyTorch)

Q01 = """import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(a)
a *= 10
print(t.tolist())
"""

Q02 = """import torch

a = torch.zeros(3, 1)
b = torch.zeros(4)
print(tuple((a + b).shape))
"""

Q03 = """import torch

x = torch.tensor(3.0, requires_grad=True)
for _ in range(3):
    y = x**2
    y.backward()
"""

Q07 = """import torch
from torch import nn


class Stack(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = [nn.Linear(4, 4) for _ in range(3)]

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


model = Stack()
print(sum(p.numel() for p in model.parameters()))
"""

Q10 = """model = nn.Sequential(
    nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5), nn.Softmax(dim=1)
)
loss_fn = nn.CrossEntropyLoss()
loss = loss_fn(model(x), y)
"""

Q13 = """import torch
from torch import nn

model = nn.Linear(3, 1)
x = torch.ones(2, 3)
model.to(torch.float64)
x.to(torch.float64)
print(model.weight.dtype, x.dtype)
"""

Q16 = """import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(16, 3)
y = X @ torch.tensor([1.0, -2.0, 0.5])
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
for epoch in range(3):
    optimizer.zero_grad()
    loss = loss_fn(model(X).squeeze(1), y)
    loss.backward()
    print(f"{loss.item():.3f}")
"""

Q17 = """import torch
from torch import nn

torch.manual_seed(0)
x = torch.linspace(-1, 1, 32).unsqueeze(1)   # shape (32, 1)
y = 3 * x.squeeze(1) + 1                     # shape (32,)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
for step in range(500):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
test = torch.tensor([[-1.0], [0.0], [1.0]])
print([f"{v:.2f}" for v in model(test).squeeze(1).tolist()])
"""


def test_q01_from_numpy_shares_memory():
    pytest.importorskip("torch")
    out, _ = run_snippet(Q01)
    assert out == "[10.0, 20.0, 30.0]"
    assert "- [x] `[10.0, 20.0, 30.0]`" in PAGE


def test_q01_rebinding_does_not_change_the_tensor():
    torch = pytest.importorskip("torch")
    a = np.array([1.0, 2.0, 3.0])
    t = torch.from_numpy(a)
    a = a * 10  # a new array; the shared memory is untouched
    assert t.tolist() == [1.0, 2.0, 3.0]
    assert torch.tensor(np.array([1.0])).dtype == torch.float64


def test_q02_broadcast_shape():
    pytest.importorskip("torch")
    out, _ = run_snippet(Q02)
    assert out == "(3, 4)" and "- [x] `(3, 4)`" in PAGE
    assert np.broadcast_shapes((3, 1), (4,)) == (3, 4)


def test_q03_snippet_accumulates():
    pytest.importorskip("torch")
    _, namespace = run_snippet(Q03)
    assert namespace["x"].grad.item() == 18.0


def test_q04_grad_mode_statements():
    torch = pytest.importorskip("torch")
    w = torch.ones(3, requires_grad=True)
    with torch.no_grad():
        assert (w * 2).requires_grad is False
    d = w.detach()
    with torch.no_grad():
        d.zero_()
    assert w.sum().item() == 0.0  # detach shares memory
    with torch.inference_mode():
        z = torch.ones(3) * 2
    with pytest.raises(RuntimeError, match="Inference tensors"):
        (torch.ones(3, requires_grad=True) * z).sum().backward()
    # Addition saves nothing for backward, so an inference tensor is fine there.
    w2 = torch.ones(3, requires_grad=True)
    (w2 + z).sum().backward()
    assert w2.grad.tolist() == [1.0, 1.0, 1.0]
    assert "`w + t` with an inference tensor `t` still works" in PAGE
    # no_grad does not touch layer behaviour
    drop = torch.nn.Dropout(0.5)
    with torch.no_grad():
        assert drop.training is True
    # A loss computed under no_grad has no graph, so backward() fails.
    v = torch.nn.Parameter(torch.ones(2))
    with torch.no_grad():
        loss = (v * 2).sum()
    with pytest.raises(RuntimeError):
        loss.backward()


def test_q05_module_statements():
    torch = pytest.importorskip("torch")
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(8, 2)
            self.bn = nn.BatchNorm1d(2)

        def forward(self, x):  # no backward method needed
            return self.bn(self.fc(x))

    net = Net()
    names = [name for name, _ in net.named_parameters()]
    assert names[:2] == ["fc.weight", "fc.bias"]
    assert "bn.running_mean" in net.state_dict()
    assert all(isinstance(v, torch.Tensor) for v in net.state_dict().values())
    net(torch.randn(4, 8)).sum().backward()
    assert net.fc.weight.grad is not None


def test_q06_and_worked_mlp_counts_in_torch():
    pytest.importorskip("torch")
    from torch import nn

    model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 2))
    assert sum(p.numel() for p in model.parameters()) == 67


def test_q07_plain_list_registers_nothing():
    torch = pytest.importorskip("torch")
    out, namespace = run_snippet(Q07)
    assert out == "0" and "- [x] `0`" in PAGE
    with pytest.raises(ValueError, match="empty parameter list"):
        torch.optim.SGD(namespace["model"].parameters(), lr=0.1)
    listed = torch.nn.ModuleList(torch.nn.Linear(4, 4) for _ in range(3))
    assert sum(p.numel() for p in listed.parameters()) == 60


def test_q08_zeroing_between_backward_and_step_loses_the_update():
    torch = pytest.importorskip("torch")
    from torch import nn

    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    before = model.weight.detach().clone()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    model(torch.ones(3, 2)).sum().backward()
    optimizer.zero_grad()
    optimizer.step()
    assert torch.equal(model.weight, before)
    # With zero tensors instead of None, stateful optimizers still move the weights.
    for make in (
        lambda params: torch.optim.SGD(params, lr=0.1, momentum=0.9),
        lambda params: torch.optim.Adam(params, lr=0.1),
    ):
        torch.manual_seed(0)
        model = nn.Linear(2, 1)
        optimizer = make(model.parameters())
        model(torch.ones(3, 2)).sum().backward()
        optimizer.step()
        before = model.weight.detach().clone()
        model(torch.ones(3, 2)).sum().backward()
        optimizer.zero_grad(set_to_none=False)
        optimizer.step()
        assert not torch.equal(model.weight, before)
    assert "with the default `set_to_none=True` the step skips every parameter" in PAGE


def test_q09_dataloader_batches():
    torch = pytest.importorskip("torch")
    from torch.utils.data import DataLoader, TensorDataset

    data = TensorDataset(torch.arange(1000.0))
    torch.manual_seed(0)
    sizes = [len(batch[0]) for batch in DataLoader(data, batch_size=64, shuffle=True)]
    assert len(sizes) == 16 and sizes[-1] == 40
    assert len(DataLoader(data, batch_size=64, drop_last=True)) == 15
    assert [len(b[0]) for b in DataLoader(TensorDataset(torch.arange(10.0)), batch_size=4)] == [4, 4, 2]


def test_q10_softmax_then_cross_entropy_runs_with_a_floor():
    torch = pytest.importorskip("torch")
    from torch import nn

    assert Q10 in PAGE
    torch.manual_seed(0)
    namespace = {"nn": nn, "x": torch.randn(6, 20), "y": torch.randint(0, 5, (6,))}
    exec(Q10, namespace)  # runs without an error
    assert namespace["loss"].item() > 0
    confident = torch.softmax(torch.tensor([[30.0, 0.0, 0.0, 0.0, 0.0]]), dim=1)
    floor = nn.CrossEntropyLoss()(confident, torch.tensor([0])).item()
    assert f"{floor:.2f}" == "0.90"
    # Integer class indices of shape (N,) are the expected target format; floats of shape (N,) are not.
    with pytest.raises(RuntimeError):
        nn.CrossEntropyLoss()(torch.randn(3, 4), torch.tensor([0.0, 1.0, 2.0]))


def test_q11_and_worked_cross_entropy_in_torch():
    torch = pytest.importorskip("torch")
    from torch import nn

    loss_fn = nn.CrossEntropyLoss()
    assert f"{loss_fn(torch.tensor([[1.0, 2.0, 0.0]]), torch.tensor([2])).item():.2f}" == "2.41"
    worked = torch.tensor([[2.0, 0.5, -1.0]])
    assert f"{loss_fn(worked, torch.tensor([0])).item():.3f}" == "0.241"
    assert f"{loss_fn(worked, torch.tensor([2])).item():.3f}" == "3.241"


def test_q12_eval_keeps_autograd_and_trainable_parameters():
    torch = pytest.importorskip("torch")
    from torch import nn

    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5), nn.BatchNorm1d(4))
    model.eval()
    x = torch.ones(2, 4)
    out = model(x)
    assert out.requires_grad
    assert torch.equal(model(x), out)  # dropout is the identity, BatchNorm uses running statistics
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    before = model[0].weight.detach().clone()
    out.sum().backward()
    optimizer.step()
    assert not torch.equal(model[0].weight, before)


def test_q13_module_to_is_in_place_tensor_to_is_not():
    pytest.importorskip("torch")
    out, namespace = run_snippet(Q13)
    assert out == "torch.float64 torch.float32"
    assert "- [x] `torch.float64 torch.float32`" in PAGE
    with pytest.raises(RuntimeError):
        namespace["model"](namespace["x"])


def test_q14_no_grad_without_eval():
    torch = pytest.importorskip("torch")
    from torch import nn

    torch.manual_seed(0)
    bn = nn.BatchNorm1d(2)
    drop = nn.Dropout(0.5)
    with torch.no_grad():
        bn(torch.randn(8, 2) + 3)
        dropped = drop(torch.ones(100))
    assert (bn.running_mean != 0).all()  # running statistics updated under no_grad
    assert (dropped == 0).any() and (dropped == 2).any()
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        bn(torch.randn(1, 2))


def test_q16_missing_step_gives_a_flat_loss():
    pytest.importorskip("torch")
    out, _ = run_snippet(Q16)
    lines = out.splitlines()
    assert len(lines) == 3 and len(set(lines)) == 1
    # With the step added the loss falls.
    fixed = Q16.replace("    loss.backward()\n", "    loss.backward()\n    optimizer.step()\n")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(fixed, {})
    values = [float(v) for v in buffer.getvalue().split()]
    assert values[0] > values[1] > values[2]


def test_q17_broadcast_target_learns_the_mean():
    torch = pytest.importorskip("torch")
    assert Q17 in PAGE
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(Q17, {})
    assert buffer.getvalue().strip() == "['1.00', '1.00', '1.00']"
    assert any("target size" in str(w.message) for w in caught)
    fixed = Q17.replace("loss_fn(model(x), y)", "loss_fn(model(x).squeeze(1), y)")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(fixed, {})
    assert buffer.getvalue().strip() == "['-2.00', '1.00', '4.00']"
    assert "- [x] `['1.00', '1.00', '1.00']`" in PAGE
    assert torch.__version__  # imported for the guard


def test_detect_anomaly_misses_a_forward_nan():
    torch = pytest.importorskip("torch")
    w = torch.tensor([1.0, -1.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.autograd.detect_anomaly():
            loss = torch.log(w).sum()
            loss.backward()  # no error although the loss is NaN
    assert math.isnan(loss.item()) and torch.isfinite(w.grad).all()
    x = torch.tensor([0.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(RuntimeError, match="returned nan"), torch.autograd.detect_anomaly():
            (torch.sqrt(x) * 0).sum().backward()
    assert "It does not inspect forward outputs" in PAGE
