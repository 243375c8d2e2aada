"""Recompute every number stated on the classification metrics page."""

import math
from fractions import Fraction
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/classification-metrics.md").read_text(encoding="utf-8")


def precision(tp, fp):
    return tp / (tp + fp)


def recall(tp, fn):
    return tp / (tp + fn)


def specificity(tn, fp):
    return tn / (tn + fp)


def accuracy(tp, fp, fn, tn):
    return (tp + tn) / (tp + fp + fn + tn)


def f_beta(p, r, beta=1.0):
    return (1 + beta**2) * p * r / (beta**2 * p + r)


def precision_from_rates(tpr, fpr, prevalence):
    return tpr * prevalence / (tpr * prevalence + fpr * (1 - prevalence))


def auc_by_pairs(positives, negatives):
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def confusion(y_true, y_pred, labels):
    """Rows are true labels and columns predictions, both in label order (scikit-learn's layout)."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true, y_pred):
        matrix[index[t], index[p]] += 1
    return matrix


def normal_sf(x):
    return 0.5 * np.vectorize(math.erfc)(np.asarray(x) / math.sqrt(2))


def normal_pdf(x):
    return np.exp(-(np.asarray(x) ** 2) / 2) / math.sqrt(2 * math.pi)


# ---------------------------------------------------------------- teaching prose


def test_accuracy_section_fraud_baseline():
    fraud_rate = 0.005
    assert f"{fraud_rate:.1%} of transactions are fraudulent" in PAGE
    assert f"never flags anything is {1 - fraud_rate:.1%} accurate" in PAGE
    # Balanced accuracy of the do-nothing model: recall 0, specificity 1.
    assert (0 + 1) / 2 == 0.5
    assert "scores the do-nothing model at 0.5" in PAGE


def test_specificity_example_in_confusion_matrix_section():
    spec = 0.95
    assert f"specificity {spec:.2f} wrongly flags {round((1 - spec) * 100)} of every 100 healthy people" in PAGE


def test_f1_harmonic_mean_example():
    p, r = 1.0, 0.1
    assert f"arithmetic mean is {(p + r) / 2:.2f} but F1 is about {f_beta(p, r):.2f}" in PAGE


def test_worked_example_table():
    tp, fn, fp, tn = 40, 10, 60, 890
    assert tp + fn == 50 and tp + fn + fp + tn == 1000 and tp + fp == 100
    p, r, s = precision(tp, fp), recall(tp, fn), specificity(tn, fp)
    acc = accuracy(tp, fp, fn, tn)
    acc_null = (fp + tn) / 1000
    assert f"| {acc:.3f} | {acc_null:.3f} |" in PAGE
    assert f"| {p:.3f} | undefined (0/0) |" in PAGE
    assert f"| {r:.3f} | {0:.3f} |" in PAGE
    assert f"| {s:.3f} | {1:.3f} |" in PAGE
    assert f"| {(r + s) / 2:.3f} | {0.5:.3f} |" in PAGE
    assert f"| harmonic mean of P and R | {f_beta(p, r):.3f} |" in PAGE
    assert f"| $\\beta = 2$ | {f_beta(p, r, 2):.3f} |" in PAGE
    assert f"F1 ({f_beta(p, r):.3f}) sits below the arithmetic mean of precision and recall ({(p + r) / 2:.3f})" in PAGE
    assert f"finds {r:.0%} of cases, and {p:.0%} of its alarms are real" in PAGE


def test_threshold_precision_can_fall_in_prose():
    scores = [0.9, 0.8, 0.7, 0.6]
    labels = [1, 0, 1, 1]

    def prec_at(t):
        flagged = [y for s, y in zip(scores, labels) if s >= t]
        return Fraction(sum(flagged), len(flagged))

    assert prec_at(0.65) == Fraction(2, 3) and prec_at(0.75) == Fraction(1, 2)
    assert "At threshold 0.65 precision is 2/3; raise it to 0.75 and precision falls to 1/2" in PAGE


def test_cost_based_threshold_nine_to_one():
    c_fp, c_fn = 1, 9
    assert f"nine times as much as a false alarm, the threshold is {c_fp / (c_fp + c_fn):.1f}" in PAGE
    assert f"nine times a false alarm, that is {c_fp / (c_fp + c_fn):.1f}" in PAGE  # cm-i03


def test_roc_section_false_alarms_and_precision():
    negatives, fpr, positives, rec = 99_000, 0.01, 1_000, 0.80
    fp = negatives * fpr
    tp = positives * rec
    assert round(fp) == 990 and round(tp) == 800
    assert f"on {negatives:,} negatives it is {fp:.0f} false alarms" in PAGE
    assert f"At a recall of {rec:.0%} on {positives:,} positives, that is a precision of only about {precision(tp, fp):.2f}" in PAGE
    # The same number from the prevalence form of precision given in the precision section.
    prev = positives / (positives + negatives)
    assert f"{precision_from_rates(rec, fpr, prev):.2f}" == f"{precision(tp, fp):.2f}"
    # cm-i02 repeats the example.
    assert f"an FPR of 1% is {fp:.0f} false positives; if the model finds {tp:.0f} of {positives:,} positives" in PAGE
    assert f"precision is only about {precision(tp, fp):.2f}" in PAGE


def test_pr_auc_baseline_ratio():
    assert round(0.3 / 0.01) == 30
    assert "A PR-AUC of 0.3 is poor on a balanced problem but thirty times the chance level when positives are 1%" in PAGE


def test_normal_model_roc_auc_and_average_precision():
    shift = 1.5
    auc_exact = 0.5 * math.erfc(-shift / math.sqrt(2) / math.sqrt(2))  # Phi(shift / sqrt(2))
    t = np.linspace(-10, 12, 200_001)
    tpr, fpr = normal_sf(t - shift), normal_sf(t)
    auc_numeric = np.trapezoid(tpr * normal_pdf(t), t)
    assert abs(auc_numeric - auc_exact) < 1e-6
    assert f"a ROC-AUC of about {auc_exact:.2f} whether positives make up 10% or 1%" in PAGE
    ap = {}
    for prevalence in (0.10, 0.01):
        prec = precision_from_rates(tpr, fpr, prevalence)
        ap[prevalence] = np.trapezoid(prec * normal_pdf(t - shift), t)  # integral of precision d(recall)
    assert f"average precision falls from about {ap[0.10]:.2f} to about {ap[0.01]:.2f}" in PAGE
    # cm-q05 and the figure's alt text state the same values.
    assert f"ROC-AUC stays at about {auc_exact:.2f} while average precision falls from about {ap[0.10]:.2f} to about {ap[0.01]:.2f}" in PAGE
    assert f"with an area of about {auc_exact:.2f}" in PAGE


def test_multiclass_averaging_example():
    cm = np.array([[85, 3, 2], [4, 4, 0], [1, 0, 1]])
    support = cm.sum(axis=1)
    assert list(support) == [90, 8, 2]
    tp = np.diag(cm)
    prec = tp / cm.sum(axis=0)
    rec = tp / support
    f1 = 2 * prec * rec / (prec + rec)
    assert f"Per-class F1 is {f1[0]:.3f} for A, {f1[1]:.3f} for B and {f1[2]:.3f} for C" in PAGE
    micro = tp.sum() / cm.sum()
    assert tp.sum() == 90
    assert f"Macro F1 is {f1.mean():.3f}, while micro F1 (which here equals accuracy, 90 correct out of 100) is {micro:.3f}" in PAGE
    assert f"weighted F1 is {np.average(f1, weights=support):.3f}" in PAGE
    # cm-q25 quotes the weighted figure.
    assert f"it is {np.average(f1, weights=support):.3f} against an accuracy of {micro:.3f}" in PAGE


def test_micro_f1_equals_accuracy_in_general():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 4, 500)
    y_pred = np.where(rng.random(500) < 0.6, y_true, rng.integers(0, 4, 500))
    cm = confusion(y_true, y_pred, [0, 1, 2, 3])
    tp = np.diag(cm).sum()
    fp = cm.sum() - tp  # every off-diagonal count is one FP (predicted class) ...
    fn = cm.sum() - tp  # ... and one FN (true class)
    micro_f1 = 2 * tp / (2 * tp + fp + fn)
    assert math.isclose(micro_f1, np.mean(y_true == y_pred))


# ---------------------------------------------------------------- interview questions


def test_interview_roc_auc_pairs_and_rare_class_size():
    assert round(0.86 * 100) == 86
    assert "a value of 0.86 means the model orders about 86 of every 100 such pairs correctly" in PAGE
    assert round(0.005 * 10_000) == 50
    assert "0.5% of the data" in PAGE
    assert "with 10,000 test examples the rare class has only about 50" in PAGE
    assert "one fifth here" in PAGE  # five classes, equal weight 1/5 each


def test_interview_five_class_macro_vs_micro():
    # cm-i05: four large classes with F1 about 0.95, a rare class (0.5%) that is never predicted.
    assert f"{(4 * 0.95 + 0) / 5:.2f}" == "0.76"
    assert "macro F1 is about (4 × 0.95 + 0) / 5 = 0.76 while micro F1 stays near 0.95" in PAGE
    # A concrete matrix: 10,000 examples, large classes 95% correct with errors spread over the
    # other large classes, the 50 rare examples all predicted as large classes.
    sizes = [2488, 2488, 2487, 2487, 50]
    assert sum(sizes) == 10_000 and sizes[-1] / sum(sizes) == 0.005
    cm = np.zeros((5, 5), dtype=int)
    for i in range(4):
        cm[i, i] = round(0.95 * sizes[i])
        rest = sizes[i] - cm[i, i]
        others = [j for j in range(4) if j != i]
        for k, j in enumerate(others):
            cm[i, j] = rest // 3 + (k < rest % 3)
    for k in range(sizes[-1]):
        cm[4, k % 4] += 1
    assert cm.sum(axis=1).tolist() == sizes
    tp = np.diag(cm)
    f1 = 2 * tp / (cm.sum(axis=0) + cm.sum(axis=1))
    assert f1[4] == 0 and all(f"{v:.2f}" == "0.95" for v in f1[:4])
    assert f"{f1.mean():.2f}" == "0.76"
    micro = tp.sum() / cm.sum()
    assert f"{micro:.2f}" == "0.95"
    # The rare class is never predicted, so its precision is 0/0 but its F1 is well defined:
    # 2TP / (2TP + FP + FN) = 0 / (0 + 0 + 50).
    assert cm[:, 4].sum() == 0 and 2 * tp[4] + (cm[:, 4].sum() - tp[4]) + (cm[4].sum() - tp[4]) == 50
    assert "its F1 is 0 because its recall is 0" in PAGE


# ---------------------------------------------------------------- existing self-check (cm-q01 .. cm-q06)


def test_q01_precision_from_matrix():
    tp, fn, fp, tn = 30, 20, 10, 140
    assert tp + fn + fp + tn == 200
    assert f"- [x] {precision(tp, fp):.2f}" in PAGE
    assert f"- [ ] {recall(tp, fn):.2f}" in PAGE
    assert f"- [ ] {accuracy(tp, fp, fn, tn):.2f}" in PAGE
    assert f"- [ ] {specificity(tn, fp):.2f}" in PAGE
    assert f"30 / (30 + 10) = {precision(tp, fp):.2f}" in PAGE


def test_q02_f1_fill_in():
    tp, fp, fn, _tn = 45, 5, 45, 105
    p, r = precision(tp, fp), recall(tp, fn)
    f1 = f_beta(p, r)
    assert math.isclose(f1, 2 * tp / (2 * tp + fp + fn))
    assert f"F1 = [[{f1:.2f}]]" in PAGE
    assert f"Precision is 45 / 50 = {p:.2f} and recall is 45 / 90 = {r:.2f}" in PAGE
    assert f"= {f1:.3f}, which rounds to {f1:.2f}" in PAGE
    assert f"If you got {(p + r) / 2:.2f}, you took the arithmetic mean" in PAGE


def test_q03_always_legitimate():
    n, fraud = 10_000, 200
    acc = (n - fraud) / n
    assert f"- [x] Accuracy {acc:.2f} and recall 0" in PAGE
    assert f"accuracy is 9,800 / 10,000 = {acc:.2f}" in PAGE


def test_q04_inverted_auc():
    positives, negatives = [0.2, 0.5, 0.6], [0.3, 0.7, 0.9, 0.4]
    auc = auc_by_pairs(positives, negatives)
    flipped = auc_by_pairs([-s for s in positives], [-s for s in negatives])
    assert math.isclose(flipped, 1 - auc)
    assert f"{1 - 0.30:.2f}" == "0.70"
    assert "A value of 0.30 means the ranking is inverted, and flipping the scores gives 0.70" in PAGE
    # log is strictly increasing, so the pairwise order and the AUC are unchanged.
    assert auc_by_pairs([math.log(s) for s in positives], [math.log(s) for s in negatives]) == auc


def test_q05_false_alarms_per_true_positive():
    ratio = (99 / 1) / (9 / 1)
    assert ratio == 11
    assert "99 negatives per positive instead of 9, so it produces about eleven times as many false alarms" in PAGE
    assert "a random scorer's PR-AUC falls from 0.10 to 0.01" in PAGE


def test_q06_precision_falls_when_threshold_rises():
    scores = [0.9, 0.85, 0.7, 0.6]
    labels = [1, 0, 1, 1]

    def counts(t):
        flagged = [y for s, y in zip(scores, labels) if s >= t]
        return Fraction(sum(flagged), len(flagged)), Fraction(sum(flagged), sum(labels))

    (p_low, r_low), (p_high, r_high) = counts(0.5), counts(0.8)
    assert p_low == Fraction(3, 4) and p_high == Fraction(1, 2) and r_high <= r_low
    assert "precision is 3/4 at threshold 0.5 and 1/2 at threshold 0.8" in PAGE


# ---------------------------------------------------------------- new self-check (cm-q07 ..)


def test_q08_scikit_learn_layout():
    # Build labels that give the stated array and read FP from the layout rows=true, columns=predicted.
    tn, fp, fn, tp = 50, 10, 5, 35
    y_true = [0] * (tn + fp) + [1] * (fn + tp)
    y_pred = [0] * tn + [1] * fp + [0] * fn + [1] * tp
    cm = confusion(y_true, y_pred, [0, 1])
    assert cm.tolist() == [[50, 10], [5, 35]]
    assert "`[[50, 10], [5, 35]]`" in PAGE
    assert f"- [x] {cm[0, 1]}" in PAGE
    assert "is really the number of false negatives" in PAGE and cm[1, 0] == 5


def test_q09_specificity_vs_precision_in_worked_example():
    assert f"specificity is {specificity(890, 60):.3f} while precision is {precision(40, 60):.3f}" in PAGE


def test_q10_majority_baseline():
    assert "95% of the examples are negative, a new model reaches 95% accuracy" in PAGE


def test_q11_balanced_accuracy():
    tp, fn, fp, tn = 20, 30, 10, 940
    assert tp + fn == 50 and tp + fn + fp + tn == 1000
    acc = accuracy(tp, fp, fn, tn)
    r, s = recall(tp, fn), specificity(tn, fp)
    bal = (r + s) / 2
    assert f"Its accuracy is {acc:.2f}." in PAGE
    assert f"balanced accuracy = [[{bal:.2f}]]" in PAGE
    assert f"Recall is 20 / 50 = {r:.2f} and specificity is 940 / 950 = {s:.4f}" in PAGE
    assert f"(0.40 + {s:.4f}) / 2 = {bal:.4f}, which rounds to {bal:.2f}" in PAGE
    assert f"missing {fn / (tp + fn):.0%} of the positives" in PAGE
    assert f"would score accuracy {(fp + tn) / 1000:.2f} but balanced accuracy 0.5" in PAGE


def test_q13_precision_at_low_prevalence():
    n, prev, sens, spec = 10_000, 0.01, 0.90, 0.95
    pos = n * prev
    tp = sens * pos
    fp = (1 - spec) * (n - pos)
    assert round(pos) == 100 and round(tp) == 90 and round(fp) == 495
    ppv = precision(tp, fp)
    assert math.isclose(ppv, precision_from_rates(sens, 1 - spec, prev))
    assert f"- [x] {ppv:.2f}" in PAGE
    assert f"5% of the 9,900 without it, 495 people, are false alarms. Precision is 90 / (90 + 495) = {ppv:.2f}" in PAGE


def test_q14_recall_from_counts():
    tp, fn, fp = 30, 10, 45
    tn = 460 - fp
    assert tn == 415
    assert f"- [x] {recall(tp, fn):.2f}" in PAGE
    assert f"- [ ] {precision(tp, fp):.2f}" in PAGE
    assert f"- [ ] {accuracy(tp, fp, fn, tn):.2f}" in PAGE
    assert f"- [ ] {specificity(tn, fp):.2f}" in PAGE
    assert f"30 / 40 = {recall(tp, fn):.2f}" in PAGE
    assert f"(30 + 415) / 500, and {specificity(tn, fp):.2f} is specificity, 415 / 460" in PAGE


def test_q15_threshold_rise_numbers():
    positives = 100
    r_low, p_low = 80 / positives, precision(80, 40)
    r_high, p_high = 60 / positives, precision(60, 10)
    assert f"- [x] Recall falls from {r_low:.2f} to {r_high:.2f}, and precision rises from {p_low:.2f} to {p_high:.2f}." in PAGE
    assert f"80 / 100 = {r_low:.2f}, then 60 / 100 = {r_high:.2f}" in PAGE
    assert f"80 / 120 = {p_low:.2f}, then 60 / 70 = {p_high:.2f}" in PAGE
    # The wrong "precision falls to 0.60" option divides by the actual positives.
    assert f"precision falls from {p_low:.2f} to {60 / positives:.2f}" in PAGE


def test_q16_flag_everyone():
    n, pos = 10_000, 100
    assert recall(pos, 0) == 1.0
    assert f"precision and accuracy of only {precision(pos, n - pos):.2f}" in PAGE
    assert f"{accuracy(pos, n - pos, 0, 0):.2f}" == "0.01"


def test_q17_f1_against_other_means():
    p, r = 0.8, 0.2
    f1 = f_beta(p, r)
    assert f"- [x] {f1:.2f}" in PAGE
    assert f"- [ ] {math.sqrt(p * r):.2f}" in PAGE
    assert f"- [ ] {(p + r) / 2:.2f}" in PAGE
    assert (
        f"2 × 0.8 × 0.2 / (0.8 + 0.2) = {f1:.2f}. The tempting {(p + r) / 2:.2f} is the arithmetic mean and {math.sqrt(p * r):.2f} the geometric mean"
        in PAGE
    )


def test_q18_f_beta_direction():
    a, b = (0.8, 0.5), (0.5, 0.8)
    assert math.isclose(f_beta(*a), f_beta(*b))
    assert f"the same F1 score, about {f_beta(*a):.2f}" in PAGE
    assert f"2 × 0.4 / 1.3 = {f_beta(*a):.3f}" in PAGE
    assert f_beta(*b, 2) > f_beta(*a, 2) and f_beta(*a, 0.5) > f_beta(*b, 0.5)
    assert f"B scores {f_beta(*b, 2):.3f} and A {f_beta(*a, 2):.3f}" in PAGE
    assert f"A {f_beta(*a, 0.5):.3f} and B {f_beta(*b, 0.5):.3f}" in PAGE


def test_q19_auc_from_pairs():
    positives, negatives = [0.9, 0.6, 0.4], [0.7, 0.3, 0.2]
    auc = auc_by_pairs(positives, negatives)
    assert auc == 7 / 9
    assert f"ROC-AUC = [[{auc:.2f}]]" in PAGE
    assert f"3 + 2 + 2 = 7 correctly ordered pairs, so AUC = 7 / 9 = {auc:.2f}" in PAGE
    correct = sum(s >= 0.5 for s in positives) + sum(s < 0.5 for s in negatives)
    assert correct == 4
    assert f"if you got {correct / 6:.2f}, you computed accuracy at threshold 0.5 (4 of 6 correct)" in PAGE


def test_q21_random_scorer_baseline():
    prev = 0.05
    rng = np.random.default_rng(1)
    y = rng.random(200_000) < prev
    order = np.argsort(-rng.random(y.size))  # random ranking
    hits = y[order]
    tp = np.cumsum(hits)
    ap = float(np.sum((tp / np.arange(1, y.size + 1))[hits]) / hits.sum())
    assert abs(ap - prev) < 0.005
    assert f"- [x] {prev:.2f}" in PAGE
    assert f"here 0.30 would be {'six' if round(0.30 / prev) == 6 else '?'} times the chance level" in PAGE


def test_q24_brier_score():
    p = np.array([0.9, 0.8, 0.3, 0.6, 0.1])
    y = np.array([1, 0, 0, 1, 0])
    sq = (p - y) ** 2
    brier = sq.mean()
    assert f"Brier score = [[{brier:.2f}]]" in PAGE
    listed = ", ".join(f"{v:.2f}" for v in sq[:-1]) + f" and {sq[-1]:.2f}"
    assert f"The squared errors are {listed}; they sum to {sq.sum():.2f}, and the mean is {brier:.3f}, which rounds to {brier:.2f}" in PAGE
    base = y.mean()
    constant = np.mean((base - y) ** 2)
    assert math.isclose(constant, base * (1 - base))
    assert f"always predicting the base rate {base:.1f} would score {base:.1f} × {1 - base:.1f} = {constant:.2f}" in PAGE
    assert f"If you got {sq.sum():.2f}, you forgot to divide" in PAGE


def test_q26_macro_vs_micro_recall():
    cm = np.array([[45, 5, 0], [4, 36, 0], [6, 0, 4]])
    rec = np.diag(cm) / cm.sum(axis=1)
    macro, micro = rec.mean(), np.trace(cm) / cm.sum()
    assert f"- [x] Macro {macro:.2f}, micro {micro:.2f}" in PAGE
    assert f"45 / 50 = {rec[0]:.2f} for A, 36 / 40 = {rec[1]:.2f} for B and 4 / 10 = {rec[2]:.2f} for C" in PAGE
    assert f"(0.90 + 0.90 + 0.40) / 3 = {macro:.2f}" in PAGE
    assert f"85 correct out of 100 = {micro:.2f}" in PAGE


def test_q29_cost_threshold():
    c_fp, c_fn = 5, 95
    t = c_fp / (c_fp + c_fn)
    assert f"- [x] {t:.2f}" in PAGE
    assert f"- [ ] {c_fp / c_fn:.3f}, the ratio 5 / 95" in PAGE
    assert f"p > 5 / (5 + 95) = {t:.2f}" in PAGE
    # 5/95 is the threshold on the odds p / (1 - p): the same decision as p > 0.05.
    assert math.isclose(t / (1 - t), c_fp / c_fn)
