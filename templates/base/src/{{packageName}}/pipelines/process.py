"""Validate the raw data and split it into train and holdout files.

Reading and dropping unlabelled rows run on the batch engine; the split runs in pandas, as
scikit-learn trains in memory."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from ..config import Settings
from ..data_loaders import get_loader, write_data
from ..engines import open_engine
from ..features.schema import infer_schema

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessResult:
    train_path: Path
    holdout_path: Path
    train_rows: int
    holdout_rows: int
    dropped_rows: int


def stratify_labels(task: str, y: pd.Series) -> pd.Series | None:
    """Labels to stratify on, when every class has at least two members."""
    if task != "classification":
        return None
    counts = y.value_counts()
    return y if len(counts) > 1 and counts.min() >= 2 else None  # noqa: PLR2004


def numeric_columns(settings: Settings) -> list[str]:
    """Columns that must hold numbers: the numeric features, and the target of a regression."""
    target = [settings.data.target] if settings.task == "regression" else []
    return [*settings.features.numeric, *target]


def split_frame(
    frame: pd.DataFrame, settings: Settings, test_size: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Deterministic (seeded), stratified where possible, train/test split of rows."""
    target = frame[settings.data.target]
    first, second = train_test_split(
        frame,
        test_size=test_size,
        random_state=settings.training.seed,
        stratify=stratify_labels(settings.task, target),
    )
    return first, second


def process(settings: Settings, raw_path: str | Path | None = None) -> ProcessResult:
    """Load and validate raw data, drop rows without a label, write train/holdout splits."""
    source = Path(raw_path or settings.data.raw_path)
    required = [*settings.features.all, settings.data.target]
    loader = get_loader(source, settings.data.format, required_columns=required)
    with open_engine(settings) as engine:
        rows = engine.labelled_rows(loader, settings.data.target, numeric=numeric_columns(settings))
    labelled, dropped = rows.frame, rows.dropped
    infer_schema(labelled, settings)  # raises SchemaError on bad columns/dtypes
    if dropped:
        logger.warning("dropped rows without target", extra={"rows": dropped})
    train, holdout = split_frame(labelled, settings, settings.data.holdout_size)
    train_path = write_data(train, settings.data.train_path)
    holdout_path = write_data(holdout, settings.data.holdout_path)
    logger.info(
        "processed raw data",
        extra={
            "source": str(source),
            "train_path": str(train_path),
            "holdout_path": str(holdout_path),
            "train_rows": len(train),
            "holdout_rows": len(holdout),
        },
    )
    return ProcessResult(train_path, holdout_path, len(train), len(holdout), dropped)
