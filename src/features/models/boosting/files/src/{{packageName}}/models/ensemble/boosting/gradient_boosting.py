"""Histogram-based gradient boosting for classification and regression."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

from ....config import Task
from ...common.base import with_seed


def make_gradient_boosting(
    task: Task, params: Mapping[str, Any], seed: int
) -> HistGradientBoostingClassifier | HistGradientBoostingRegressor:
    merged = with_seed(params, seed)
    if task == "classification":
        return HistGradientBoostingClassifier(**merged)
    return HistGradientBoostingRegressor(**merged)
