"""Score a SQL table (or query) in chunks and write the predictions back.

Rows are read in pages ordered by the id column (``WHERE id > last ORDER BY id LIMIT n``), so
no read stays open while predictions are written (SQLite allows one writer) and a long job
does not hold a snapshot of the source. Each chunk is written in one transaction that first
deletes that chunk's rows for this model version: a rerun, or a restart after a crash,
replaces rows instead of duplicating them, on SQLite, PostgreSQL and any other dialect.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from ..config import Settings
from ..data_loaders.sql_data_loader import SqlDataLoader
from ..errors import ConfigError, DataError
from ..models.common.artifact import ModelArtifact, load_artifact
from ..models.common.prediction import PREDICTION_COLUMN, PROBA_PREFIX, prediction_frame
from .predictions_table import (
    MODEL_VERSION_COLUMN,
    PROBABILITIES_COLUMN,
    SCORED_AT_COLUMN,
    column_type,
    predictions_table,
)

logger = logging.getLogger(__name__)

_DELETE_BATCH = 500  # ids per DELETE ... IN (...), well under every driver's parameter limit


@dataclass(frozen=True)
class ScoreResult:
    table: str
    rows: int
    model_version: str


def source_pages(
    connection: sa.Connection, loader: SqlDataLoader, id_column: str, chunk_size: int
) -> Iterator[pd.DataFrame]:
    """The rows of the loader's table or query file, ``chunk_size`` at a time, by id."""
    key: sa.ColumnClause[Any] = sa.column(id_column)
    if loader.is_query_file:
        try:
            query = loader.path.read_text(encoding="utf-8").strip().rstrip(";")
        except OSError as exc:
            raise DataError(f"cannot read query file {loader.path}: {exc.strerror}") from None
        source: sa.FromClause = sa.text(query).columns(key).subquery("source")
    else:
        schema, _, name = str(loader.path).rpartition(".")
        source = sa.table(name, key, schema=schema or None)
    page: sa.Select[Any] = (
        sa.select(sa.literal_column("*")).select_from(source).order_by(source.c[id_column])
    )
    last: Any = None
    while True:
        bounded = page if last is None else page.where(source.c[id_column] > last)
        result = connection.execute(bounded.limit(chunk_size))
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
        if frame.empty:
            return
        yield frame
        last = _plain(frame[id_column].iloc[-1])


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _records(
    predictions: pd.DataFrame, id_column: str, version: str, scored_at: datetime
) -> list[dict[str, Any]]:
    proba_columns = [c for c in predictions.columns if str(c).startswith(PROBA_PREFIX)]
    records = []
    for row in predictions.to_dict(orient="records"):
        record = {
            id_column: _plain(row[id_column]),
            MODEL_VERSION_COLUMN: version,
            "prediction": _plain(row[PREDICTION_COLUMN]),
            SCORED_AT_COLUMN: scored_at,
        }
        if proba_columns:
            record[PROBABILITIES_COLUMN] = {
                str(c)[len(PROBA_PREFIX) :]: float(row[c]) for c in proba_columns
            }
        records.append(record)
    return records


def _write_chunk(
    connection: sa.Connection, table: sa.Table, id_column: str, records: list[dict[str, Any]]
) -> None:
    version = records[0][MODEL_VERSION_COLUMN]
    ids = [record[id_column] for record in records]
    for start in range(0, len(ids), _DELETE_BATCH):
        batch = ids[start : start + _DELETE_BATCH]
        connection.execute(
            table.delete().where(
                table.c[MODEL_VERSION_COLUMN] == version, table.c[id_column].in_(batch)
            )
        )
    connection.execute(table.insert(), records)


def _id_column(settings: Settings, artifact: ModelArtifact) -> str:
    id_column = artifact.schema.id_column or settings.data.id_column
    if not id_column:
        raise ConfigError("database scoring needs an id column (data.id_column)")
    return id_column


def _score_pages(
    engine: sa.Engine,
    loader: SqlDataLoader,
    *,
    artifact: ModelArtifact,
    id_column: str,
    table_name: str,
    chunk_size: int,
    scored_at: datetime,
) -> int:
    """Predict and write page by page; returns the number of rows written."""
    rows = 0
    with engine.connect() as reader:
        for chunk in source_pages(reader, loader, id_column, chunk_size):
            reader.rollback()  # end the read transaction before writing (SQLite locks)
            predictions = prediction_frame(artifact, chunk)
            target = predictions_table(
                table_name,
                id_column,
                column_type(chunk[id_column]),
                column_type(predictions[PREDICTION_COLUMN]),
                with_probabilities=artifact.task == "classification",
            )
            records = _records(predictions, id_column, artifact.version, scored_at)
            with engine.begin() as writer:
                target.create(writer, checkfirst=True)
                _write_chunk(writer, target, id_column, records)
            rows += len(predictions)
    return rows


def score_database(
    settings: Settings,
    *,
    url: str | None = None,
    model_ref: str | Path | None = None,
    source: str | Path | None = None,
    table: str | None = None,
    chunk_size: int | None = None,
    now: datetime | None = None,
) -> ScoreResult:
    """Predict every row of ``source`` (default: ``database.source``) into ``table``.

    The URL defaults to the SQL loader's environment variable; everything else to the
    ``database`` settings.
    """
    options = settings.database
    artifact = load_artifact(model_ref or options.model, settings.artifacts.models_dir)
    id_column = _id_column(settings, artifact)
    loader = SqlDataLoader(source or options.source, url=url)
    table_name = table or options.predictions_table
    engine = sa.create_engine(loader.database_url())
    try:
        rows = _score_pages(
            engine,
            loader,
            artifact=artifact,
            id_column=id_column,
            table_name=table_name,
            chunk_size=chunk_size or options.chunk_size,
            scored_at=now or datetime.now(timezone.utc),
        )
    except SQLAlchemyError as exc:
        raise DataError(f"database scoring failed: {str(exc).splitlines()[0]}") from None
    finally:
        engine.dispose()
    logger.info(
        "scored rows into the database",
        extra={"rows": rows, "table": table_name, "model_version": artifact.version},
    )
    return ScoreResult(table=table_name, rows=rows, model_version=artifact.version)
