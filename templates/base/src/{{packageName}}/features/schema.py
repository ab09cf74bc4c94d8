"""Record and validate the input columns (names, kinds and dtypes) a model expects."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from ..config import Settings, Task
from ..errors import SchemaError

ColumnKind = Literal["numeric", "categorical"]
ClassLabel = bool | int | float | str


class ColumnSpec(BaseModel):
    """One input column and the values seen in training (the service checks requests on them)."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: ColumnKind
    dtype: str
    minimum: float | None = None  # numeric: the smallest and largest training values
    maximum: float | None = None
    categories: list[str] | None = None  # categorical: the levels seen, as strings


def _numeric_spec(name: str, column: pd.Series) -> ColumnSpec:
    values = pd.to_numeric(column, errors="coerce")
    values = values[np.isfinite(values)]
    return ColumnSpec(
        name=name,
        kind="numeric",
        dtype=str(column.dtype),
        minimum=float(values.min()) if len(values) else None,
        maximum=float(values.max()) if len(values) else None,
    )


def _categorical_spec(name: str, column: pd.Series) -> ColumnSpec:
    levels = sorted({str(value) for value in column.dropna()})
    return ColumnSpec(name=name, kind="categorical", dtype=str(column.dtype), categories=levels)


class DataSchema(BaseModel):
    """What the model was trained on; saved as ``schema.json`` next to the model."""

    model_config = ConfigDict(frozen=True)

    task: Task
    features: list[ColumnSpec]
    target: str
    target_dtype: str = "unknown"
    id_column: str | None = None
    classes: list[ClassLabel] | None = None

    @property
    def numeric(self) -> list[str]:
        return [c.name for c in self.features if c.kind == "numeric"]

    @property
    def categorical(self) -> list[str]:
        return [c.name for c in self.features if c.kind == "categorical"]

    @property
    def feature_names(self) -> list[str]:
        return [c.name for c in self.features]

    def required_columns(self, include_target: bool = False) -> list[str]:
        return [*self.feature_names, *([self.target] if include_target else [])]

    def validate_frame(self, frame: pd.DataFrame, require_target: bool = False) -> None:
        """Raise :class:`SchemaError` describing every problem found in ``frame``."""
        validate_columns(
            frame,
            numeric=self.numeric,
            categorical=self.categorical,
            target=self.target if require_target else None,
            task=self.task,
        )

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> DataSchema:
        return cls.model_validate_json(Path(path).read_text(encoding="utf-8"))


def _non_numeric_examples(series: pd.Series) -> list[str]:
    converted = pd.to_numeric(series, errors="coerce")
    bad = series[series.notna() & converted.isna()]
    return [str(value) for value in bad.unique()[:3]]


def validate_columns(
    frame: pd.DataFrame,
    numeric: list[str],
    categorical: list[str],
    target: str | None = None,
    task: Task = "classification",
) -> None:
    """Check column presence and that numeric columns (and a regression target) are numeric."""
    expected = [*numeric, *categorical, *([target] if target else [])]
    missing = [column for column in expected if column not in frame.columns]
    if missing:
        raise SchemaError(f"missing required columns {missing}")
    problems = []
    numeric_columns = [*numeric, *([target] if target and task == "regression" else [])]
    for column in numeric_columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            examples = _non_numeric_examples(frame[column])
            if examples:
                problems.append(f"column {column!r} must be numeric, found values {examples}")
    if target and frame[target].isna().all():
        problems.append(f"target column {target!r} has no values")
    if problems:
        raise SchemaError("; ".join(problems))


def infer_schema(frame: pd.DataFrame, settings: Settings) -> DataSchema:
    """Validate ``frame`` against the configured features and record its dtypes."""
    numeric, categorical = settings.features.numeric, settings.features.categorical
    target = settings.data.target
    validate_columns(frame, numeric, categorical, target=target, task=settings.task)
    specs = [_numeric_spec(c, frame[c]) for c in numeric]
    specs += [_categorical_spec(c, frame[c]) for c in categorical]
    id_column = settings.data.id_column
    return DataSchema(
        task=settings.task,
        features=specs,
        target=target,
        target_dtype=str(frame[target].dtype),
        id_column=id_column if id_column and id_column in frame.columns else None,
    )
