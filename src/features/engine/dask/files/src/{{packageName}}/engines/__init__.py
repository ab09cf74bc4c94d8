"""Batch engines: the processing and inference jobs run on the one chosen at generation
(dask) through :class:`BatchEngine`."""

from __future__ import annotations

from ..config import Settings
from .base import BatchEngine, LabelledRows, ScoredRows, Scorer
from .dask_engine import DaskEngine
from .pandas_engine import PandasEngine

ENGINE_NAME = "dask"

__all__ = [
    "ENGINE_NAME",
    "BatchEngine",
    "DaskEngine",
    "LabelledRows",
    "PandasEngine",
    "ScoredRows",
    "Scorer",
    "open_engine",
]


def open_engine(settings: Settings) -> BatchEngine:
    """The configured engine; use it as a context manager so it is closed after the job."""
    return DaskEngine(settings.engine)
