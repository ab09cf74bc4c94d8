"""The plots of a model card or an evaluation report, as PNG files (matplotlib, Agg)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..config import Task
from ..jobs_extra import jobs_module
from ..pipelines.metrics import Predictions

_BINS = 10


def _figure() -> tuple[Any, Any]:
    # matplotlib loads here, not at import: every run.py command imports the training module, and
    # a serving image leaves matplotlib out (it is the jobs extra).
    agg = jobs_module("matplotlib.backends.backend_agg")
    figure = jobs_module("matplotlib.figure").Figure(figsize=(5, 4), dpi=80)
    agg.FigureCanvasAgg(figure)  # render with Agg, whatever the default backend is
    return figure, figure.add_subplot()


def _save(figure: Any, path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, format="png")
    return path.name


def _one_vs_rest(predictions: Predictions) -> list[tuple[str, np.ndarray[Any, Any], Any]]:
    """(label, is-this-class, score) per curve: the positive class, or every class."""
    classes = predictions.classes or []
    truth = predictions.y_true.astype(str)
    if predictions.proba is None or len(classes) < 2:  # noqa: PLR2004
        return []
    if len(classes) == 2:  # noqa: PLR2004 - binary: the second class is the positive one
        return [(str(classes[1]), truth == str(classes[1]), predictions.proba[:, 1])]
    return [
        (str(name), truth == str(name), predictions.proba[:, k]) for k, name in enumerate(classes)
    ]


def _confusion(predictions: Predictions, path: Path) -> str:
    # pylint: disable-next=import-outside-toplevel
    from sklearn.metrics import confusion_matrix  # noqa: PLC0415

    labels = [str(c) for c in (predictions.classes or np.unique(predictions.y_true))]
    matrix = confusion_matrix(
        predictions.y_true.astype(str), predictions.y_pred.astype(str), labels=labels
    )
    figure, axes = _figure()
    axes.imshow(matrix, cmap="Blues")
    for (row, column), count in np.ndenumerate(matrix):
        color = "white" if count > matrix.max() / 2 else "black"
        axes.text(column, row, str(count), ha="center", va="center", color=color)
    axes.set_xticks(range(len(labels)), labels)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("actual")
    axes.set_title("Confusion matrix")
    return _save(figure, path)


def _roc(predictions: Predictions, path: Path) -> str | None:
    # pylint: disable-next=import-outside-toplevel
    from sklearn.metrics import roc_curve  # noqa: PLC0415

    curves = [c for c in _one_vs_rest(predictions) if 0 < c[1].sum() < len(c[1])]
    if not curves:
        return None
    figure, axes = _figure()
    for label, positive, score in curves:
        false_positive, true_positive, _ = roc_curve(positive, score)
        axes.plot(false_positive, true_positive, label=label)
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="chance")
    axes.set_xlabel("false positive rate")
    axes.set_ylabel("true positive rate")
    axes.set_title("ROC curve")
    axes.legend()
    return _save(figure, path)


def _precision_recall(predictions: Predictions, path: Path) -> str | None:
    # pylint: disable-next=import-outside-toplevel
    from sklearn.metrics import precision_recall_curve  # noqa: PLC0415

    curves = [c for c in _one_vs_rest(predictions) if c[1].sum() > 0]
    if not curves:
        return None
    figure, axes = _figure()
    for label, positive, score in curves:
        precision, recall, _ = precision_recall_curve(positive, score)
        axes.plot(recall, precision, label=f"{label} (prevalence {positive.mean():.2f})")
    axes.set_xlabel("recall")
    axes.set_ylabel("precision")
    axes.set_title("Precision-recall curve")
    axes.legend()
    return _save(figure, path)


def _calibration(predictions: Predictions, path: Path) -> str | None:
    # pylint: disable-next=import-outside-toplevel
    from sklearn.calibration import calibration_curve  # noqa: PLC0415

    curves = [c for c in _one_vs_rest(predictions) if 0 < c[1].sum() < len(c[1])]
    if not curves:
        return None
    figure, axes = _figure()
    for label, positive, score in curves:
        observed, predicted = calibration_curve(positive, score, n_bins=_BINS, strategy="quantile")
        axes.plot(predicted, observed, marker="o", label=label)
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    axes.set_xlabel("mean predicted probability")
    axes.set_ylabel("observed share")
    axes.set_title("Calibration")
    axes.legend()
    return _save(figure, path)


def _residuals(predictions: Predictions, path: Path) -> str:
    predicted = predictions.y_pred.astype(float)
    residuals = predictions.y_true.astype(float) - predicted
    figure, axes = _figure()
    axes.scatter(predicted, residuals, s=10, alpha=0.6)
    axes.axhline(0.0, linestyle="--", color="grey")
    axes.set_xlabel("predicted")
    axes.set_ylabel("actual - predicted")
    axes.set_title("Residuals")
    return _save(figure, path)


def _predicted_vs_actual(predictions: Predictions, path: Path) -> str:
    actual, predicted = predictions.y_true.astype(float), predictions.y_pred.astype(float)
    low, high = float(min(actual.min(), predicted.min())), float(max(actual.max(), predicted.max()))
    figure, axes = _figure()
    axes.scatter(actual, predicted, s=10, alpha=0.6)
    axes.plot([low, high], [low, high], linestyle="--", color="grey", label="perfect")
    axes.set_xlabel("actual")
    axes.set_ylabel("predicted")
    axes.set_title("Predicted against actual")
    axes.legend()
    return _save(figure, path)


def importance_plot(importance: list[dict[str, Any]], metric: str, path: Path) -> str:
    ordered = sorted(importance, key=lambda item: item["mean"])
    figure, axes = _figure()
    axes.barh(
        [item["feature"] for item in ordered],
        [item["mean"] for item in ordered],
        xerr=[item["std"] for item in ordered],
    )
    axes.set_xlabel(f"loss of {metric} when the feature is shuffled")
    axes.set_title("Permutation feature importance")
    return _save(figure, path)


def task_plots(task: Task, predictions: Predictions, directory: Path) -> dict[str, str]:
    """The task's plots in ``directory``: {title: file name} of those that could be drawn."""
    if task == "classification":
        drawn = {
            "Confusion matrix": _confusion(predictions, directory / "confusion_matrix.png"),
            "ROC curve": _roc(predictions, directory / "roc_curve.png"),
            "Precision-recall curve": _precision_recall(predictions, directory / "pr_curve.png"),
            "Calibration": _calibration(predictions, directory / "calibration.png"),
        }
    else:
        drawn = {
            "Residuals": _residuals(predictions, directory / "residuals.png"),
            "Predicted against actual": _predicted_vs_actual(
                predictions, directory / "predicted_vs_actual.png"
            ),
        }
    return {title: name for title, name in drawn.items() if name is not None}
