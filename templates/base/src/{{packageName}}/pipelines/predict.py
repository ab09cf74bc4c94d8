"""Batch inference: read a file in chunks, write predictions as CSV."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..config import Settings
from ..data_loaders import get_loader
from ..data_loaders.data_loader import DEFAULT_CHUNK_SIZE, DataLoader
from ..models.common.artifact import ModelArtifact, load_artifact

logger = logging.getLogger(__name__)

PREDICTION_COLUMN = "prediction"
PROBA_PREFIX = "proba_"


@dataclass(frozen=True)
class PredictResult:
    output_path: Path
    rows: int
    model_version: str


def prediction_frame(artifact: ModelArtifact, frame: pd.DataFrame) -> pd.DataFrame:
    """Predictions for ``frame`` (plus class probabilities and the id column if present)."""
    schema = artifact.schema
    schema.validate_frame(frame)
    features = frame[schema.feature_names]
    out = pd.DataFrame(index=frame.index)
    if schema.id_column and schema.id_column in frame.columns:
        out[schema.id_column] = frame[schema.id_column]
    out[PREDICTION_COLUMN] = artifact.predict(features)
    proba = artifact.predict_proba(features)
    classes = artifact.classes
    if proba is not None and classes is not None:
        for index, label in enumerate(classes):
            out[f"{PROBA_PREFIX}{label}"] = proba[:, index]
    return out.reset_index(drop=True)


def _empty_output_columns(artifact: ModelArtifact, input_columns: list[str]) -> list[str]:
    columns = []
    if artifact.schema.id_column and artifact.schema.id_column in input_columns:
        columns.append(artifact.schema.id_column)
    columns.append(PREDICTION_COLUMN)
    if artifact.task == "classification" and artifact.classes is not None:
        columns += [f"{PROBA_PREFIX}{label}" for label in artifact.classes]
    return columns


def predict(
    settings: Settings,
    model_ref: str | Path,
    input_path: str | Path | DataLoader | None = None,
    output_path: str | Path = "artifacts/predictions/predictions.csv",
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> PredictResult:
    """Predict every row of ``input_path`` with the model ``model_ref`` (``latest``, a version
    name or a directory) and write a CSV to ``output_path``.

    ``input_path`` may be a file (default: ``data.predict_input_path``) or a ready
    :class:`DataLoader`.
    """
    artifact = load_artifact(model_ref, settings.artifacts.models_dir)
    if isinstance(input_path, DataLoader):
        loader = input_path
    else:
        source = Path(input_path or settings.data.predict_input_path)
        loader = get_loader(source, settings.data.format, artifact.schema.feature_names)
    destination = Path(output_path)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    rows = 0
    header_columns: list[str] = []
    for chunk in loader.iter_chunks(chunk_size):
        header_columns = list(chunk.columns)
        if chunk.empty:
            continue
        predictions = prediction_frame(artifact, chunk)
        predictions.to_csv(partial, mode="a" if rows else "w", header=not rows, index=False)
        rows += len(predictions)
    if rows == 0:
        pd.DataFrame(columns=_empty_output_columns(artifact, header_columns)).to_csv(
            partial, index=False
        )
    partial.replace(destination)
    logger.info(
        "wrote predictions",
        extra={"rows": rows, "output": str(destination), "model_version": artifact.version},
    )
    return PredictResult(output_path=destination, rows=rows, model_version=artifact.version)
