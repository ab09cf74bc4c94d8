"""Score every key of a reference file, in chunks, into a SQLite lookup table.

The table is written next to its final path and moved into place at the end, so a reader
never sees half a table. It holds one row per key (the prediction and, for classification,
the class probabilities, as JSON) and a ``metadata`` table with the model version.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import Settings
from ..data_loaders import get_loader
from ..data_loaders.data_loader import DEFAULT_CHUNK_SIZE
from ..errors import ConfigError, DataError
from ..models.common.artifact import ModelArtifact, load_artifact
from ..models.common.prediction import PREDICTION_COLUMN, PROBA_PREFIX, prediction_frame

logger = logging.getLogger(__name__)

CREATE_TABLES = """
CREATE TABLE predictions (key TEXT PRIMARY KEY, prediction TEXT NOT NULL, probabilities TEXT)
    WITHOUT ROWID;
CREATE TABLE metadata (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
INSERT_PREDICTION = "INSERT INTO predictions (key, prediction, probabilities) VALUES (?, ?, ?)"
INSERT_METADATA = "INSERT INTO metadata (name, value) VALUES (?, ?)"


@dataclass(frozen=True)
class PrecomputeResult:
    table_path: Path
    rows: int
    model_version: str


def key_text(value: Any) -> str:
    """The stored form of a key: integral numbers without a decimal part (``7.0`` -> ``7``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value.item() if hasattr(value, "item") else value)


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _rows(frame: pd.DataFrame, key_column: str) -> list[tuple[str, str, str | None]]:
    proba = [c for c in frame.columns if c.startswith(PROBA_PREFIX)]
    rows = []
    for record in frame.to_dict(orient="records"):
        probabilities = (
            json.dumps({c[len(PROBA_PREFIX) :]: float(record[c]) for c in proba}) if proba else None
        )
        prediction = json.dumps(_plain(record[PREDICTION_COLUMN]))
        rows.append((key_text(record[key_column]), prediction, probabilities))
    return rows


def _insert_chunks(
    connection: sqlite3.Connection,
    chunks: Iterable[pd.DataFrame],
    artifact: ModelArtifact,
    key_column: str,
    source: Path,
) -> int:
    """Score and insert every chunk of ``source``; return the number of rows."""
    rows = 0
    for chunk in chunks:
        if chunk.empty:
            continue
        if chunk[key_column].isna().any():
            raise DataError(f"{source}: empty {key_column!r} key in the chunk after row {rows}")
        predictions = prediction_frame(artifact, chunk)
        try:
            connection.executemany(INSERT_PREDICTION, _rows(predictions, key_column))
        except sqlite3.IntegrityError:
            raise DataError(f"{source}: repeated {key_column!r} keys") from None
        rows += len(predictions)
        logger.info("chunk scored", extra={"rows": rows})
    return rows


def precompute(
    settings: Settings,
    model_ref: str | Path = "latest",
    keys_path: str | Path | None = None,
    table_path: str | Path | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> PrecomputeResult:
    """Predict every row of ``keys_path`` (default ``preprocess.keys_path``) and store the
    predictions by ``data.id_column`` in ``table_path`` (default ``preprocess.table_path``).

    Raises:
        ConfigError: when no id column is configured.
        DataError: when a key is missing or repeated.
    """
    key_column = settings.data.id_column
    if not key_column:
        raise ConfigError("the pre-process strategy needs data.id_column (the lookup key)")
    artifact = load_artifact(model_ref, settings.artifacts.models_dir)
    source = Path(keys_path or settings.preprocess.keys_path)
    loader = get_loader(source, settings.data.format, [*artifact.schema.feature_names, key_column])
    destination = Path(table_path or settings.preprocess.table_path)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(CREATE_TABLES)
        chunks = loader.iter_chunks(chunk_size)
        rows = _insert_chunks(connection, chunks, artifact, key_column, source)
        metadata = {
            "model_version": artifact.version,
            "task": artifact.task,
            "key_column": key_column,
            "source": str(source),
            "rows": str(rows),
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        connection.executemany(INSERT_METADATA, metadata.items())
        connection.commit()
    except BaseException:
        connection.close()
        partial.unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(partial, destination)
    logger.info("lookup table written", extra={"path": str(destination), "rows": rows})
    return PrecomputeResult(table_path=destination, rows=rows, model_version=artifact.version)
