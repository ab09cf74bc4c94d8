"""The interface every model must implement (the sklearn estimator protocol)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

from ...config import Task


@runtime_checkable
class Estimator(Protocol):
    """Anything with sklearn-style ``fit`` and ``predict``.

    Classifiers should also implement ``predict_proba`` and expose ``classes_`` after fitting.
    """

    def fit(self, X: Any, y: Any) -> Any: ...

    def predict(self, X: Any) -> Any: ...


ModelFactory = Callable[[Task, Mapping[str, Any], int], Estimator]
"""Build an unfitted estimator from ``(task, hyperparameters, random seed)``."""


def with_seed(params: Mapping[str, Any], seed: int) -> dict[str, Any]:
    """Return ``params`` with ``random_state`` set to ``seed`` unless it is given already."""
    merged = dict(params)
    merged.setdefault("random_state", seed)
    return merged
