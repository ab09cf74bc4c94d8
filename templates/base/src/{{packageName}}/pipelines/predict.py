"""Batch inference: score a file or a SQL source on the batch engine, write predictions as CSV.

The output is idempotent: the same input and model version give the same bytes, and a run
writes a scratch file that replaces the output in one rename, so readers never see a partial
file and a failed run leaves the previous output untouched."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..config import Settings
from ..data_loaders import get_loader
from ..data_loaders.data_loader import DEFAULT_CHUNK_SIZE, DataLoader
from ..engines import open_engine
from ..engines.csv_output import header_line
from ..models.common.artifact import ModelArtifact, load_artifact
from ..models.common.prediction import PREDICTION_COLUMN, PROBA_PREFIX, prediction_frame

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PredictResult:
    output_path: Path
    rows: int
    model_version: str


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
    scratch = destination.with_name(destination.name + ".partial")
    try:
        with open_engine(settings) as engine:
            scored = engine.write_predictions(
                loader,
                partial(prediction_frame, artifact),
                scratch,
                chunk_size,
                numeric=artifact.schema.numeric,
            )
        if scored.rows == 0:
            columns = _empty_output_columns(artifact, scored.input_columns)
            scratch.write_bytes(header_line(columns))
        scratch.replace(destination)
    finally:
        scratch.unlink(missing_ok=True)
    rows = scored.rows
    logger.info(
        "wrote predictions",
        extra={"rows": rows, "output": str(destination), "model_version": artifact.version},
    )
    return PredictResult(output_path=destination, rows=rows, model_version=artifact.version)
