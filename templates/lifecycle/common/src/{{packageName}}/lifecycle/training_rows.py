"""Which rows a model was fit on: the fingerprints its artifact keeps (``training_rows.npy``).

Champion/challenger and decay score models only on rows none of them was fit on; these are
found by the rows' content (features and target), whichever file they were read from.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..config import Settings
from ..models.common.artifact import read_training_rows, resolve_model_dir
from ..pipelines.train import fingerprint_rows


def trained_on(settings: Settings, frame: pd.DataFrame, version: str) -> np.ndarray[Any, Any]:
    """A boolean per row of ``frame``: True where ``version`` was fit on that row.

    An artifact without fingerprints (trained before they were kept) counts as fit on none.
    """
    directory = resolve_model_dir(
        settings.artifacts.models_dir / version, settings.artifacts.models_dir
    )
    fitted = read_training_rows(directory)
    if fitted is None or frame.empty:
        return np.zeros(len(frame), dtype=bool)
    return np.isin(fingerprint_rows(settings, frame), fitted)


def untrained(
    settings: Settings, frame: pd.DataFrame, versions: list[str]
) -> tuple[pd.DataFrame, int]:
    """The rows of ``frame`` none of ``versions`` was fit on, and how many were left out."""
    seen = np.zeros(len(frame), dtype=bool)
    for version in versions:
        seen |= trained_on(settings, frame, version)
    return frame[~seen], int(seen.sum())
