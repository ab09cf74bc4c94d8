"""Bootstrap confidence intervals of the metrics, and corrections for multiple tests.

The bootstrap resamples the scored rows with replacement (seeded) and recomputes every metric
on each resample; an interval is the percentile interval of those values. The metrics are
recomputed here with NumPy on all resamples at once (the same definitions as scikit-learn's,
which ``tests/unit/test_statistics.py`` checks), because a thousand calls to scikit-learn's
scorers per metric cost seconds. Paired resamples (the same rows for two models) give the
interval of a difference, which is what champion/challenger decides on.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from ..config import Task
from .metrics import HIGHER_IS_BETTER, Predictions

Correction = Literal["benjamini_hochberg", "bonferroni"]
Interval = tuple[float, float]


def resample_indices(rows: int, samples: int, seed: int) -> np.ndarray[Any, Any]:
    """``samples`` rows of ``rows`` indices drawn with replacement."""
    return np.random.default_rng(seed).integers(0, rows, size=(samples, rows))


def _auc(positive: np.ndarray[Any, Any], scores: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """ROC AUC of each row (Mann-Whitney U with average ranks); NaN without both classes."""
    # pylint: disable-next=import-outside-toplevel
    from scipy.stats import rankdata  # noqa: PLC0415 - only the bootstrap needs it

    ranks = rankdata(scores, axis=1)
    n_pos = positive.sum(axis=1)
    n_neg = positive.shape[1] - n_pos
    with np.errstate(divide="ignore", invalid="ignore"):
        u = (ranks * positive).sum(axis=1) - n_pos * (n_pos + 1) / 2
        return np.where((n_pos > 0) & (n_neg > 0), u / (n_pos * n_neg), np.nan)


def _classification(
    predictions: Predictions, indices: np.ndarray[Any, Any]
) -> dict[str, np.ndarray[Any, Any]]:
    labels = np.unique(np.concatenate([predictions.y_true, predictions.y_pred]).astype(str))
    codes_true = np.searchsorted(labels, predictions.y_true.astype(str))[indices]
    codes_pred = np.searchsorted(labels, predictions.y_pred.astype(str))[indices]
    support = np.stack([(codes_true == k).sum(axis=1) for k in range(len(labels))], axis=1)
    predicted = np.stack([(codes_pred == k).sum(axis=1) for k in range(len(labels))], axis=1)
    hits = np.stack(
        [((codes_true == k) & (codes_pred == k)).sum(axis=1) for k in range(len(labels))], axis=1
    )
    present = (support + predicted) > 0  # scikit-learn averages over the labels that occur
    with np.errstate(divide="ignore", invalid="ignore"):
        f1 = np.where(present, 2 * hits / (support + predicted), 0.0)
        recall = np.where(support > 0, hits / support, np.nan)
    values = {
        "accuracy": (codes_true == codes_pred).mean(axis=1),
        "balanced_accuracy": np.nanmean(recall, axis=1),
        "f1_macro": f1.sum(axis=1) / present.sum(axis=1),
    }
    if predictions.proba is not None and predictions.classes is not None:
        classes = [str(c) for c in predictions.classes]
        truth = predictions.y_true.astype(str)[indices]
        if len(classes) == 2:  # noqa: PLR2004 - binary: the second class is the positive one
            values["roc_auc"] = _auc(truth == classes[1], predictions.proba[:, 1][indices])
        else:  # one-vs-rest, macro average (scikit-learn's multi_class="ovr")
            per_class = [
                _auc(truth == name, predictions.proba[:, k][indices])
                for k, name in enumerate(classes)
            ]
            values["roc_auc"] = np.mean(np.stack(per_class, axis=1), axis=1)
    return values


def _regression(
    predictions: Predictions, indices: np.ndarray[Any, Any]
) -> dict[str, np.ndarray[Any, Any]]:
    truth = predictions.y_true.astype(float)[indices]
    errors = truth - predictions.y_pred.astype(float)[indices]
    total = ((truth - truth.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        r2 = np.where(total > 0, 1 - (errors**2).sum(axis=1) / total, np.nan)
    return {
        "rmse": np.sqrt((errors**2).mean(axis=1)),
        "mae": np.abs(errors).mean(axis=1),
        "r2": r2,
    }


def metric_samples(
    task: Task, predictions: Predictions, indices: np.ndarray[Any, Any]
) -> dict[str, np.ndarray[Any, Any]]:
    """Every metric on every resample (one row of ``indices`` each)."""
    if task == "classification":
        return _classification(predictions, indices)
    return _regression(predictions, indices)


def percentile_interval(values: np.ndarray[Any, Any], confidence: float) -> Interval | None:
    """The percentile interval of the finite values; None when there are none."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)


def metric_intervals(
    task: Task, predictions: Predictions, samples: int, confidence: float, seed: int
) -> dict[str, list[float] | None]:
    """The bootstrap interval of every metric, as ``[low, high]`` (JSON-friendly)."""
    indices = resample_indices(len(predictions.y_true), samples, seed)
    intervals = {}
    for name, values in metric_samples(task, predictions, indices).items():
        interval = percentile_interval(values, confidence)
        intervals[name] = None if interval is None else list(interval)
    return intervals


def gain_interval(
    task: Task,
    metric: str,
    challenger: Predictions,
    champion: Predictions,
    *,
    samples: int,
    confidence: float,
    seed: int,
) -> Interval | None:
    """The interval of the challenger's gain over the champion on the same resampled rows.

    The gain is in the metric's better direction: positive means the challenger is better.
    """
    indices = resample_indices(len(challenger.y_true), samples, seed)
    ours = metric_samples(task, challenger, indices)[metric]
    theirs = metric_samples(task, champion, indices)[metric]
    gains = ours - theirs if metric in HIGHER_IS_BETTER else theirs - ours
    return percentile_interval(gains, confidence)


def adjust_p_values(p_values: list[float], method: Correction) -> list[float]:
    """p-values adjusted for testing several features at once.

    ``bonferroni`` controls the family-wise error rate (the chance of any false alarm):
    each p-value times the number of tests. ``benjamini_hochberg`` controls the false
    discovery rate (the expected share of false alarms among the flagged features), and so
    flags more of the features that really moved. Both are capped at 1.
    """
    values = np.asarray(p_values, dtype=float)
    count = len(values)
    if count == 0:
        return []
    if method == "bonferroni":
        return [float(v) for v in np.minimum(values * count, 1.0)]
    order = np.argsort(values)
    ranked = values[order] * count / np.arange(1, count + 1)
    # The adjusted value of rank i is the smallest ranked value at rank i or above.
    monotone = np.minimum.accumulate(ranked[::-1])[::-1]
    adjusted = np.empty(count)
    adjusted[order] = np.minimum(monotone, 1.0)
    return [float(v) for v in adjusted]
