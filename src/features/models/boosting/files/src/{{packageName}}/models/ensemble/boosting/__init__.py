"""Gradient boosting family."""

from ...common.registry import ModelRegistry
from .gradient_boosting import make_gradient_boosting


def register(registry: ModelRegistry) -> None:
    registry.register(
        "gradient_boosting",
        make_gradient_boosting,
        tasks=("classification", "regression"),
        description="Histogram-based gradient boosting (sklearn)",
    )


__all__ = ["make_gradient_boosting", "register"]
