"""Model interface, registry and artifact persistence shared by all model families."""

from .artifact import ModelArtifact, load_artifact, save_artifact
from .base import Estimator, ModelFactory, with_seed
from .registry import ModelRegistry, ModelSpec

__all__ = [
    "Estimator",
    "ModelArtifact",
    "ModelFactory",
    "ModelRegistry",
    "ModelSpec",
    "load_artifact",
    "save_artifact",
    "with_seed",
]
