"""Rule-based models (baselines)."""

from ..common.registry import ModelRegistry
from .naive_model import NaiveModel, make_naive_model


def register(registry: ModelRegistry) -> None:
    registry.register(
        "naive",
        make_naive_model,
        tasks=("classification", "regression"),
        description="Majority class / mean target baseline",
    )


__all__ = ["NaiveModel", "make_naive_model", "register"]
