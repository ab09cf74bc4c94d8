"""Batch engines: the processing and inference jobs run on the one chosen at generation
(spark) through :class:`BatchEngine`."""

from __future__ import annotations

from ..config import Settings
from .base import BatchEngine, LabelledRows, ScoredRows, Scorer
from .pandas_engine import PandasEngine
from .spark_engine import SparkEngine

ENGINE_NAME = "spark"

__all__ = [
    "ENGINE_NAME",
    "BatchEngine",
    "LabelledRows",
    "PandasEngine",
    "ScoredRows",
    "Scorer",
    "SparkEngine",
    "open_engine",
]


def open_engine(settings: Settings) -> BatchEngine:
    """The configured engine; use it as a context manager so it is closed after the job."""
    return SparkEngine(settings.engine)
