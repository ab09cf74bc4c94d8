"""The fitted feature pipeline replayed on plain numpy, for requests of a few records.

sklearn's ColumnTransformer on a one-row DataFrame costs milliseconds of pandas and validation
overhead for microseconds of arithmetic. :meth:`RecordEncoder.from_pipeline` reads the fitted
imputers, scalers and one-hot categories of the shipped preprocessing (features/preprocessing.py)
and only returns an encoder when its output equals the pipeline's own on probe records; any
other pipeline gets ``None`` and is served through sklearn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ..features.schema import DataSchema
from ..features.transformers import ColumnCaster

Matrix = np.ndarray[Any, np.dtype[np.float64]]
Rows = Sequence[dict[str, Any]]
_STEPS = 2  # impute, then scale or one-hot


def _numeric_block(columns: list[str], steps: Pipeline) -> Callable[[Rows], Matrix] | None:
    imputer, scaler = (step for _, step in steps.steps)
    if not isinstance(imputer, SimpleImputer) or not isinstance(scaler, StandardScaler):
        return None
    fill = np.asarray(imputer.statistics_, dtype=float)
    mean = np.asarray(scaler.mean_, dtype=float) if scaler.with_mean else np.zeros(len(fill))
    scale = np.asarray(scaler.scale_, dtype=float) if scaler.with_std else np.ones(len(fill))

    def encode(rows: Rows) -> Matrix:
        values = np.array([[row[c] for c in columns] for row in rows], dtype=float)
        filled: Matrix = (np.where(np.isnan(values), fill, values) - mean) / scale
        return filled

    return encode


def _categorical_block(columns: list[str], steps: Pipeline) -> Callable[[Rows], Matrix] | None:
    imputer, one_hot = (step for _, step in steps.steps)
    if not isinstance(imputer, SimpleImputer) or not isinstance(one_hot, OneHotEncoder):
        return None
    fills = [str(value) for value in imputer.statistics_]
    offsets: list[dict[str, int]] = []
    width = 0
    for categories in one_hot.categories_:
        offsets.append({str(value): width + i for i, value in enumerate(categories)})
        width += len(categories)

    def encode(rows: Rows) -> Matrix:
        out = np.zeros((len(rows), width))
        for r, row in enumerate(rows):
            for j, column in enumerate(columns):
                value = row[column]
                index = offsets[j].get(fills[j] if value is None else str(value))
                if index is not None:  # unknown levels are all zeros (handle_unknown="ignore")
                    out[r, index] = 1.0
        return out

    return encode


class RecordEncoder:
    """Records (dicts of feature values, ``None`` for missing) to the model's input matrix."""

    def __init__(self, blocks: list[Callable[[Rows], Matrix]]) -> None:
        self._blocks = blocks

    def encode(self, rows: Rows) -> Matrix:
        return np.hstack([block(rows) for block in self._blocks])

    @classmethod
    def from_pipeline(cls, pipeline: Any, schema: DataSchema) -> RecordEncoder | None:
        """An encoder equivalent to ``pipeline[:-1]`` (the fitted preprocessing), or ``None``."""
        try:
            features = pipeline.named_steps["features"]
            caster, columns = (step for _, step in features.steps)
        except (AttributeError, KeyError, TypeError, ValueError):
            return None
        if not isinstance(caster, ColumnCaster) or not isinstance(columns, ColumnTransformer):
            return None
        blocks = []
        levels: dict[str, list[str]] = {}
        for name, steps, selected in columns.transformers_:
            if name == "remainder" and steps == "drop":
                continue
            if not isinstance(steps, Pipeline) or len(steps.steps) != _STEPS:
                return None
            builder = _numeric_block if name == "numeric" else _categorical_block
            block = builder(list(selected), steps)
            if block is None:
                return None
            blocks.append(block)
            if isinstance(steps[-1], OneHotEncoder):
                levels.update(zip(selected, (list(c) for c in steps[-1].categories_), strict=True))
        encoder = cls(blocks)
        return encoder if encoder._matches(features, _probe_records(schema, levels)) else None

    def _matches(self, features: Any, probes: list[dict[str, Any]]) -> bool:
        expected = features.transform(pd.DataFrame(probes))
        try:
            actual = self.encode(probes)
        except (KeyError, ValueError):
            return False
        return bool(actual.shape == expected.shape and np.allclose(actual, expected))


def _probe_records(schema: DataSchema, levels: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Missing values, every known level, an unseen one and a spread of numbers."""
    numbers: list[float | None] = [None, 0.0, 1.0, -2.5, 1e6]
    choices = {c: [None, "unseen level", *levels.get(c, [])] for c in schema.categorical}
    count = max([len(numbers), *(len(values) for values in choices.values())])
    return [
        {
            **{c: numbers[i % len(numbers)] for c in schema.numeric},
            **{c: values[i % len(values)] for c, values in choices.items()},
        }
        for i in range(count)
    ]
