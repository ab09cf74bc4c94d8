"""Ordinary least squares for regression tasks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sklearn.linear_model import LinearRegression

from ...config import Task


def make_ols_regressor(task: Task, params: Mapping[str, Any], seed: int) -> LinearRegression:
    """LinearRegression (deterministic, so ``seed`` is unused)."""
    return LinearRegression(**params)
