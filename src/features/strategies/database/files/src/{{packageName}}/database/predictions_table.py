"""The predictions table: one row per (id, model_version), created when missing."""

from __future__ import annotations

from typing import Any

import pandas as pd
import sqlalchemy as sa

MODEL_VERSION_COLUMN = "model_version"
SCORED_AT_COLUMN = "scored_at"
PROBABILITIES_COLUMN = "probabilities"


def column_type(values: pd.Series) -> sa.types.TypeEngine[Any]:
    """A portable SQL type for a column of ids or predictions."""
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_integer_dtype(values):
        return sa.BigInteger()
    if pd.api.types.is_float_dtype(values):
        return sa.Float()
    return sa.String(255)


def predictions_table(
    name: str,
    id_column: str,
    id_type: sa.types.TypeEngine[Any],
    prediction_type: sa.types.TypeEngine[Any],
    with_probabilities: bool,
) -> sa.Table:
    """The table ``[schema.]name``; re-scoring with the same model version replaces its rows."""
    schema, _, table_name = name.rpartition(".")
    columns: list[sa.Column[Any]] = [
        sa.Column(id_column, id_type, primary_key=True),
        sa.Column(MODEL_VERSION_COLUMN, sa.String(64), primary_key=True),
        sa.Column("prediction", prediction_type, nullable=False),
    ]
    if with_probabilities:
        columns.append(sa.Column(PROBABILITIES_COLUMN, sa.JSON(), nullable=False))
    columns.append(sa.Column(SCORED_AT_COLUMN, sa.DateTime(timezone=True), nullable=False))
    return sa.Table(table_name, sa.MetaData(), *columns, schema=schema or None)
