"""Logistic regression for classification tasks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sklearn.linear_model import LogisticRegression

from ...config import Task
from ..common.base import with_seed


def make_logistic_regression(
    task: Task, params: Mapping[str, Any], seed: int
) -> LogisticRegression:
    merged = {"max_iter": 1000, **params}
    return LogisticRegression(**with_seed(merged, seed))
