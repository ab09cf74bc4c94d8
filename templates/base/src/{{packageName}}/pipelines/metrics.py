"""Task-specific evaluation metrics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    mean_absolute_error,
    mean_squared_error,
    r2_score,
    roc_auc_score,
)

from ..config import Task

PRIMARY_METRIC: dict[Task, str] = {"classification": "f1_macro", "regression": "rmse"}
HIGHER_IS_BETTER = {"accuracy", "balanced_accuracy", "f1_macro", "roc_auc", "r2"}


def classification_metrics(
    y_true: Any, y_pred: Any, proba: np.ndarray[Any, Any] | None, classes: Any
) -> dict[str, float]:
    metrics = {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred)),
        "f1_macro": float(f1_score(y_true, y_pred, average="macro", zero_division=0)),
    }
    observed = pd.Series(np.asarray(y_true)).nunique()
    if proba is not None and classes is not None and observed > 1:
        class_list = list(classes)
        if len(class_list) == 2:  # noqa: PLR2004 - binary case
            positive = np.asarray(y_true) == class_list[1]
            metrics["roc_auc"] = float(roc_auc_score(positive, proba[:, 1]))
        elif observed == len(class_list):
            metrics["roc_auc"] = float(
                roc_auc_score(y_true, proba, multi_class="ovr", labels=class_list)
            )
    return metrics


def regression_metrics(y_true: Any, y_pred: Any) -> dict[str, float]:
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


@dataclass(frozen=True)
class Predictions:
    """A model's outputs on labelled rows: what every metric, plot and interval is computed from."""

    y_true: np.ndarray[Any, Any]
    y_pred: np.ndarray[Any, Any]
    proba: np.ndarray[Any, Any] | None = None
    classes: list[Any] | None = None


def predictions_of(task: Task, model: Any, X: pd.DataFrame, y: pd.Series) -> Predictions:
    """Run a fitted model (or pipeline) once on ``X``; keep ``y`` beside its outputs."""
    y_pred = np.asarray(model.predict(X))
    proba = None
    classes = getattr(model, "classes_", None)
    if task == "classification" and hasattr(model, "predict_proba"):
        proba = np.asarray(model.predict_proba(X))
    return Predictions(
        y_true=np.asarray(y),
        y_pred=y_pred,
        proba=proba,
        classes=None if classes is None else list(classes),
    )


def metrics_of(task: Task, predictions: Predictions) -> dict[str, float]:
    if task == "classification":
        return classification_metrics(
            predictions.y_true, predictions.y_pred, predictions.proba, predictions.classes
        )
    return regression_metrics(predictions.y_true, predictions.y_pred)


def compute_metrics(task: Task, model: Any, X: pd.DataFrame, y: pd.Series) -> dict[str, float]:
    """Score a fitted model (or pipeline) on ``X``/``y``."""
    return metrics_of(task, predictions_of(task, model, X, y))


def baseline_metrics(
    task: Task, y_train: pd.Series, X_eval: pd.DataFrame, y_eval: pd.Series
) -> dict[str, float]:
    """Metrics of a constant predictor (majority class / mean), for comparison."""
    dummy: DummyClassifier | DummyRegressor = (
        DummyClassifier(strategy="prior")
        if task == "classification"
        else DummyRegressor(strategy="mean")
    )
    dummy.fit(np.zeros((len(y_train), 1)), y_train)
    return compute_metrics(task, dummy, np.zeros((len(y_eval), 1)), y_eval)  # type: ignore[arg-type]
