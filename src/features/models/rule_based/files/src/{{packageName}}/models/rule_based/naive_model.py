"""A naive baseline: majority class (classification) or mean target (regression)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from ...config import Task


class NaiveModel(BaseEstimator):  # type: ignore[misc]
    """Ignore the features and predict a constant learned from the target.

    Any model worth deploying must beat this baseline.
    """

    def __init__(self, task: Task = "classification") -> None:
        self.task = task

    def fit(self, X: Any, y: Any) -> NaiveModel:
        target = pd.Series(np.asarray(y)).dropna()
        if target.empty:
            raise ValueError("cannot fit NaiveModel on an empty target")
        self.n_features_in_ = int(np.shape(X)[1]) if np.ndim(X) > 1 else 1
        if self.task == "classification":
            counts = target.value_counts(sort=False)
            self.classes_ = np.asarray(sorted(counts.index))
            frequencies = counts.reindex(self.classes_).to_numpy(dtype=float)
            self.class_prior_ = frequencies / frequencies.sum()
            self.constant_ = self.classes_[int(np.argmax(self.class_prior_))]
        elif self.task == "regression":
            self.constant_ = float(target.astype(float).mean())
        else:
            raise ValueError(f"unknown task {self.task!r}")
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "constant_"):
            raise ValueError("NaiveModel is not fitted yet; call fit() first")

    def predict(self, X: Any) -> np.ndarray[Any, Any]:
        self._check_fitted()
        return np.full(len(X), self.constant_, dtype=np.asarray([self.constant_]).dtype)

    def predict_proba(self, X: Any) -> np.ndarray[Any, Any]:
        self._check_fitted()
        if self.task != "classification":
            raise AttributeError("predict_proba is only available for classification")
        return np.tile(self.class_prior_, (len(X), 1))


def make_naive_model(task: Task, params: Mapping[str, Any], seed: int) -> NaiveModel:
    return NaiveModel(task=task, **params)
