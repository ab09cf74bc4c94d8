"""Models: shared interface/registry/artifacts and the model families."""

from .registry import DEFAULT_MODEL, MODEL_REGISTRY

__all__ = ["DEFAULT_MODEL", "MODEL_REGISTRY"]
