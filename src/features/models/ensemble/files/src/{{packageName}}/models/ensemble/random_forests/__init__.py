"""Random forest family."""

from ...common.registry import ModelRegistry
from .random_forest import make_random_forest


def register(registry: ModelRegistry) -> None:
    registry.register(
        "random_forest",
        make_random_forest,
        tasks=("classification", "regression"),
        description="Random forest (sklearn)",
    )


__all__ = ["make_random_forest", "register"]
