"""Random forests for classification and regression."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

from ....config import Task
from ...common.base import with_seed


def make_random_forest(
    task: Task, params: Mapping[str, Any], seed: int
) -> RandomForestClassifier | RandomForestRegressor:
    merged = with_seed({"n_jobs": 1, **params}, seed)
    if task == "classification":
        return RandomForestClassifier(**merged)
    return RandomForestRegressor(**merged)
