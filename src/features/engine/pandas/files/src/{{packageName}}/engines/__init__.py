"""Batch engines: the processing and inference jobs run on the one chosen at generation
(pandas) through :class:`BatchEngine`."""

from __future__ import annotations

from ..config import Settings
from .base import BatchEngine, LabelledRows, ScoredRows, Scorer
from .pandas_engine import PandasEngine

ENGINE_NAME = "pandas"

__all__ = [
    "ENGINE_NAME",
    "BatchEngine",
    "LabelledRows",
    "PandasEngine",
    "ScoredRows",
    "Scorer",
    "open_engine",
]


def open_engine(settings: Settings) -> BatchEngine:
    """The configured engine; use it as a context manager so it is closed after the job."""
    del settings  # pandas needs no settings: chunk sizes come with each call
    return PandasEngine()
