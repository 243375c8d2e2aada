"""Recompute every number and snippet answer on the TensorFlow and Keras page and check the page states it.

The arithmetic tests use only the standard library and numpy. Tests that run a quiz
snippet need TensorFlow (with Keras 3) and are skipped where it is not installed.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import page_text, run_snippets_in_subprocess

PAGE = page_text("practical-experience/tensorflow-keras.md")


def dense_params(n_in: int, n_out: int) -> int:
    return n_in * n_out + n_out


def cross_entropy_from_logits(logits: list[float], label: int) -> float:
    z = np.asarray(logits, dtype=float)
    return float(np.log(np.exp(z).sum()) - z[label])


def early_stopping(val_losses: list[float], patience: int) -> tuple[int, int]:
    """Keras 3 EarlyStopping rule (min_delta=0): return (stopped epoch, best epoch), both 1-based."""
    best, best_epoch, wait = None, 0, 0
    for epoch, value in enumerate(val_losses):
        wait += 1
        if best is None or value < best:
            best, best_epoch, wait = value, epoch, 0
            continue
        if wait >= patience and epoch > 0:
            return epoch + 1, best_epoch + 1
    return len(val_losses), best_epoch + 1


# ---------------------------------------------------------------- teaching text


def test_worked_parameter_counts():
    first, second = dense_params(20, 64), dense_params(64, 3)
    assert (first, second, first + second) == (1344, 195, 1539)
    assert "$20 \\cdot 64 + 64 = 1{,}344$" in PAGE and "$64 \\cdot 3 + 3 = 195$" in PAGE
    assert "which is 1,539 parameters" in PAGE
    encoder, head = dense_params(8, 16), dense_params(32, 1)
    assert (encoder, head, encoder + head, 2 * encoder + head) == (144, 33, 177, 321)
    assert "$8 \\cdot 16 + 16 = 144$" in PAGE and "$32 + 1 = 33$" in PAGE
    assert "the total is 177" in PAGE and "$2 \\cdot 144 + 33 = 321$" in PAGE
    assert "parameters: 1539 1539 1539" in PAGE and "pair model: 177 parameters" in PAGE


def test_worked_cross_entropy():
    z = np.array([2.0, 1.0, 0.1])
    p = np.exp(z) / np.exp(z).sum()
    shown = ", ".join(f"{v:.3f}" for v in p)
    assert shown == "0.659, 0.242, 0.099"
    assert f"$({shown})$" in PAGE
    loss = cross_entropy_from_logits([2.0, 1.0, 0.1], 0)
    assert f"{loss:.3f}" == "0.417"
    assert "$-\\log 0.659 = 0.417$" in PAGE
    assert "softmax: 0.659 0.242 0.099" in PAGE and "sparse, from logits:      0.417" in PAGE


def test_double_softmax_floor():
    # Softmax of probabilities: best case is one probability 1 and nine 0, so the top output is e / (e + 9)
    k = 10
    floor = -math.log(math.e / (math.e + (k - 1)))
    assert f"{floor:.2f}" == "1.46"
    assert "$e / (e + 9)$" in PAGE and "about 1.46" in PAGE
    # No other input in [0, 1]^10 gets closer: check random probability vectors
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(k), size=10_000)
    second = np.exp(probs) / np.exp(probs).sum(axis=1, keepdims=True)
    assert (-np.log(second.max(axis=1))).min() > floor


def test_steps_per_epoch_with_validation_split():
    n, split, batch = 1000, 0.2, 64
    n_train = math.floor(n * (1 - split))  # Keras keeps the first floor(n * (1 - split)) rows
    steps = math.ceil(n_train / batch)
    assert (n_train, steps, n_train - (steps - 1) * batch) == (800, 13, 32)
    assert "800 training rows and 13 steps (12 full batches and one of 32)" in PAGE


def test_reduce_lr_arithmetic():
    assert f"{0.01 * 0.5 * 0.5:.4f}" == "0.0025"
    assert "Starting at 0.01 with `factor=0.5`, two reductions leave 0.0025" in PAGE


def test_early_stopping_replay_in_text():
    assert early_stopping([0.90, 0.70, 0.60, 0.65, 0.62, 0.50], patience=2) == (5, 3)
    assert "stopped after epoch 5" in PAGE and "best epoch 3 with val_loss 0.6" in PAGE


def test_prefetch_worked_example():
    load, step, steps = 30, 50, 1000
    assert (load + step) * steps / 1000 == 80 and max(load, step) * steps / 1000 == 50
    assert f"{(load + step) / max(load, step):.1f}" == "1.6"
    assert "a step costs 80 ms and a 1,000-step epoch 80 s" in PAGE
    assert "$\\max(30, 50) = 50$ ms and the epoch 50 s, 1.6 times faster" in PAGE
    slow_load = 70
    assert max(slow_load, step) == 70 and slow_load - step == 20
    # interview answer: 70 ms of loading, 40 ms step
    assert 70 - 40 == 30 and "with 70 ms of loading and a 40 ms step it still leaves 30 ms of idle GPU" in PAGE


# ---------------------------------------------------------------- quiz arithmetic


def test_q02_parameter_count():
    layers = [dense_params(10, 32), dense_params(32, 32), dense_params(32, 1)]
    assert layers == [352, 1056, 33] and sum(layers) == 1441
    assert "Parameters = [[1441]]" in PAGE
    assert 10 * 32 + 32 * 32 + 32 == 1376 and "Forgetting the biases gives 1,376" in PAGE


def test_q03_shared_encoder_arithmetic():
    encoder, head = dense_params(6, 4), dense_params(8, 1)
    assert (encoder, head, encoder + head, 2 * encoder + head) == (28, 9, 37, 65)


def test_q06_cross_entropy():
    logits = [0.5, 2.0, -1.0]
    loss = cross_entropy_from_logits(logits, 1)
    assert f"{loss:.2f}" == "0.24" and "Loss = [[0.24]]" in PAGE
    assert f"{np.exp(logits).sum():.3f}" == "9.406" and "\\log 9.406 - 2" in PAGE
    assert f"{math.exp(-loss):.2f}" == "0.79" and "about 0.79" in PAGE


def test_q07_steps():
    n_train = math.floor(1000 * (1 - 0.2))
    assert math.ceil(n_train / 64) == 13 and n_train // 64 == 12 and n_train % 64 == 32
    assert math.ceil(1000 / 64) == 16
    assert "- [x] 13 steps; the last 200 rows of the arrays, the same rows every epoch" in PAGE


def test_q08_early_stopping():
    assert early_stopping([0.80, 0.62, 0.55, 0.57, 0.56, 0.58, 0.50], patience=3) == (6, 3)
    assert "- [x] It stops after epoch 6 and holds the weights of epoch 6." in PAGE


def test_q13_prefetch():
    load, step, steps = 20, 60, 500
    assert max(load, step) * steps / 1000 == 30 and (load + step) * steps / 1000 == 40
    assert "Epoch time in seconds = [[30]]" in PAGE and "80 ms a step and 40 s an epoch" in PAGE
    # perfect overlap still waits for the first batch once: 30.02 s, which rounds to 30
    total = (load + steps * step) / 1000
    assert round(total) == 30 and f"{total - 30:.2f}" == "0.02"
    assert "loading the very first batch adds only 0.02 s" in PAGE


def test_q14_small_shuffle_buffer_on_sorted_labels():
    n_per_class, buffer_size = 50_000, 1_000
    labels = np.repeat([0, 1], n_per_class)
    rng = np.random.default_rng(0)
    buffer = list(labels[:buffer_size])
    emitted = []
    for nxt in labels[buffer_size:]:  # emit one at random, refill its slot with the next input
        i = rng.integers(len(buffer))
        emitted.append(buffer[i])
        buffer[i] = nxt
    while buffer:  # input exhausted: drain the buffer
        emitted.append(buffer.pop(rng.integers(len(buffer))))
    emitted = np.array(emitted)
    first_class_1 = int(np.argmax(emitted == 1))  # 0-based draw index
    # the first class-1 element enters the buffer only after 49,001 draws, whatever the seed
    assert first_class_1 >= n_per_class - buffer_size + 1
    assert first_class_1 < n_per_class  # ... roughly half-way through the epoch
    assert emitted[-40_000:].min() == 1  # the end of the epoch is pure class 1
    assert "the first class-1 example enters only after about 49,000 draws" in PAGE
    assert "roughly the first half of every epoch is pure class 0 (and the end is pure class 1)" in PAGE


# ---------------------------------------------------------------- quiz snippets run with TensorFlow
#
# Every TensorFlow check below runs in ONE subprocess, so TensorFlow is imported once. The
# shared driver (conftest.run_snippets_in_subprocess) executes each check in its own namespace and records what it printed. The q17
# snippet runs first, because it is about the very first `import keras` of a fresh process.

Q03_SNIPPET = """
import keras
from keras import layers

encoder = layers.Dense(4, activation="relu")
a = keras.Input(shape=(6,))
b = keras.Input(shape=(6,))
joined = layers.Concatenate()([encoder(a), encoder(b)])
out = layers.Dense(1)(joined)
model = keras.Model([a, b], out)
print(model.count_params())
"""

Q12_SNIPPET = """
import tensorflow as tf

ds = tf.data.Dataset.range(10).shuffle(10, seed=1).batch(4, drop_remainder=True)
print([int(batch.shape[0]) for batch in ds])
"""

Q15_SNIPPET = """
import tensorflow as tf

def jitter(x):
    return x + tf.random.uniform([], 0.0, 0.1)

ds = tf.data.Dataset.range(4).map(lambda x: tf.cast(x, tf.float32))
ds = ds.map(jitter).cache().shuffle(4).batch(2)
"""

Q17_SNIPPET = """
import os
import keras

os.environ["KERAS_BACKEND"] = "jax"
print(keras.backend.backend())
"""

Q15_CHECK = """
import numpy as np
epochs = [np.sort(np.concatenate([b.numpy() for b in ds])) for _ in range(3)]
print(all(np.array_equal(epochs[0], e) for e in epochs[1:]))
fixed = tf.data.Dataset.range(4).map(lambda x: tf.cast(x, tf.float32)).cache().map(jitter).shuffle(4).batch(2)
fresh = [np.sort(np.concatenate([b.numpy() for b in fixed])) for _ in range(2)]
print(not np.array_equal(fresh[0], fresh[1]))
"""

KERAS_FACTS = """
import numpy as np
import keras
from keras import layers

# EarlyStopping and ReduceLROnPlateau defaults
es = keras.callbacks.EarlyStopping()
print(es.monitor, es.patience, es.restore_best_weights, es.min_delta)
lr = keras.callbacks.ReduceLROnPlateau()
print(lr.monitor, lr.factor, lr.patience, lr.min_delta)
print(keras.callbacks.ModelCheckpoint("best.keras").monitor)

# q08: replay the validation curve with patience=3 and default arguments
model = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3)
stopper.set_model(model)
stopper.on_train_begin()
for epoch, value in enumerate([0.80, 0.62, 0.55, 0.57, 0.56, 0.58, 0.50]):
    stopper.on_epoch_end(epoch, {"val_loss": value})
    if model.stop_training:
        break
print(stopper.stopped_epoch + 1, stopper.best_epoch + 1, stopper.best_weights is None)

# q04: an unbuilt subclassed model has no parameter count; fit works on subclassed models
class Sub(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(1)
    def call(self, x):
        return self.d(x)
sub = Sub()
try:
    sub.count_params()
    print("built")
except ValueError:
    print("unbuilt")
sub.compile(optimizer="adam", loss="mse")
sub.fit(np.zeros((8, 2), "float32"), np.zeros((8, 1), "float32"), epochs=1, verbose=0)
print(sub.count_params())

# q05: raw logits given to a loss that expects probabilities give a different, wrong number
logits = np.array([[2.0, 1.0, 0.1]], "float32")
right = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(np.array([0]), logits))
wrong = float(keras.losses.SparseCategoricalCrossentropy()(np.array([0]), logits))
print(f"{right:.3f} {wrong:.3f}")

# q18 and the saving table: save needs .keras (or legacy .h5), save_weights needs .weights.h5
for call in (lambda: model.save("classifier"), lambda: model.save_weights("classifier.keras")):
    try:
        call()
        print("saved")
    except ValueError:
        print("ValueError")
model.save("classifier.h5")
print("legacy h5 saved")
model.save("classifier.keras")
again = keras.saving.load_model("classifier.keras")
x = np.ones((3, 2), "float32")
print(np.allclose(model.predict(x, verbose=0), again.predict(x, verbose=0)))
model.export("serving_dir", verbose=False)
try:
    keras.saving.load_model("serving_dir")
    print("reloaded")
except ValueError:
    print("ValueError")
"""

SOFTMAX_ON_TF = """
# A softmax output layer with from_logits=True: the TensorFlow backend recovers the logits
# and warns; NumPy probabilities from predict carry no logits, so softmax is applied twice.
import warnings
import numpy as np
import keras
from keras import layers

x = np.eye(10, dtype="float32")
y = np.arange(10)
inputs = keras.Input((10,))
probs = layers.Dense(10, activation="softmax", kernel_initializer=keras.initializers.Identity(gain=30.0))(inputs)
model = keras.Model(inputs, probs)
for from_logits in (True, False):
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = model.evaluate(x, y, verbose=0)
    warned = any("from_logits=True" in str(w.message) for w in caught)
    print(from_logits, f"{loss:.3f}", warned)
p = model.predict(x, verbose=0)
print(f"{float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, p)):.4f}")
"""

SUBCLASS_LOOP = """
# A Python loop over a tensor's value fails when fit traces call(), and works eagerly
import numpy as np
import keras
from keras import layers

class Loop(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(1)
    def call(self, x):
        h = x
        for _ in range(int(x[0, 0])):
            h = h + 1.0
        return self.d(h)

x, y = np.full((4, 2), 2.0, "float32"), np.zeros((4, 1), "float32")
for eager in (False, True):
    model = Loop()
    model.compile(optimizer="sgd", loss="mse", run_eagerly=eager)
    try:
        model.fit(x, y, epochs=1, verbose=0)
        print("ok")
    except Exception as error:
        print(type(error).__name__)
"""

# (name, code): q17 must come first, before anything imports keras
CHECKS = [
    ("q17", Q17_SNIPPET),
    ("q03", Q03_SNIPPET),
    ("q12", Q12_SNIPPET),
    ("q12_no_drop", Q12_SNIPPET.replace(", drop_remainder=True", "")),
    ("q15", Q15_SNIPPET + Q15_CHECK),
    ("facts", KERAS_FACTS),
    ("softmax_tf", SOFTMAX_ON_TF),
    ("subclass_loop", SUBCLASS_LOOP),
]


@pytest.fixture(scope="module")
def tf_results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run every TensorFlow check in one fresh Python process and return what each printed."""
    pytest.importorskip("tensorflow")
    return run_snippets_in_subprocess(CHECKS, tmp_path_factory.mktemp("tf_checks"), timeout=600)


def _output(results: dict, name: str) -> list[str]:
    entry = results[name]
    assert entry["ok"], entry["error"]
    return entry["stdout"].strip().splitlines()


def _in_page(snippet: str) -> bool:
    return snippet.strip() in PAGE


def test_q03_snippet_prints_37(tf_results):
    assert _in_page(Q03_SNIPPET)
    assert _output(tf_results, "q03") == ["37"]
    assert "- [x] 37" in PAGE


def test_q12_snippet_prints_two_full_batches(tf_results):
    assert _in_page(Q12_SNIPPET)
    assert _output(tf_results, "q12") == ["[4, 4]"]
    assert "- [x] `[4, 4]`" in PAGE
    assert _output(tf_results, "q12_no_drop") == ["[4, 4, 2]"]


def test_q15_snippet_freezes_the_random_jitter(tf_results):
    assert _in_page(Q15_SNIPPET)
    assert _output(tf_results, "q15") == ["True", "True"]


def test_q17_snippet_prints_tensorflow(tf_results):
    assert _in_page(Q17_SNIPPET)
    assert _output(tf_results, "q17")[-1] == "tensorflow"
    assert "- [x] `tensorflow`" in PAGE


def test_keras_facts_used_by_quizzes(tf_results):
    """q04, q05, q08, q09, q18 and the callbacks and saving sections rest on these behaviours."""
    assert _output(tf_results, "facts") == [
        "val_loss 0 False 0",
        "val_loss 0.1 10 0.0001",
        "val_loss",
        "6 3 True",
        "unbuilt",
        "3",
        "0.417 0.742",
        "ValueError",
        "ValueError",
        "legacy h5 saved",
        "True",
        "ValueError",
    ]
    assert "`restore_best_weights` defaults to **False**" in PAGE
    assert "default 0.1) after `patience` epochs (default 10)" in PAGE
    assert "(by more than `min_delta`, default 0)" in PAGE and "`min_delta` (default $10^{-4}$)" in PAGE
    assert "default, on raw logits:   0.742" in PAGE
    assert "`model.save` needs a **`.keras`** file (or the legacy `.h5`)" in PAGE


def test_softmax_layer_with_from_logits_on_tensorflow(tf_results):
    """Body text and tf-i02: the TF backend recovers the logits and warns; NumPy probabilities get softmax twice."""
    assert _output(tf_results, "softmax_tf") == ["True 0.000 True", "False 0.000 False", "1.4612"]
    floor = -math.log(math.e / (math.e + 9))
    assert f"{floor:.4f}" == "1.4612"
    assert "applies softmax twice on the JAX and PyTorch backends" in PAGE
    assert "The TensorFlow backend detects the softmax, warns and uses the logits underneath" in PAGE
    assert "The TensorFlow backend notices that the output came from a softmax, warns and uses the logits underneath" in PAGE


def test_subclassed_python_loop_needs_eager_mode(tf_results):
    """Body text and tf-i01: fit traces call(), so a Python loop over a tensor value needs run_eagerly=True."""
    assert _output(tf_results, "subclass_loop") == ["TypeError", "ok"]
    assert "or `run_eagerly=True`)" in PAGE and "or the model run eagerly" in PAGE
