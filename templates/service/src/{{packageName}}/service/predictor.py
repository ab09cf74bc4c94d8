"""Predictions for validated request records, built once per loaded model.

The cheap path: the shipped preprocessing replayed on numpy (see record_encoder.py), then one
``predict_proba`` call whose arg-max is the label (what sklearn's classifiers' ``predict``
computes anyway), with sklearn's per-call input checks off because the encoder's output is
already a finite float matrix. Any other pipeline goes through
``pipelines.predict.prediction_frame`` on a DataFrame, like batch inference.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn import config_context

from ..errors import MLProjectError
from ..models.common.artifact import ModelArtifact
from ..models.common.prediction import PREDICTION_COLUMN, PROBA_PREFIX, prediction_frame
from .record_encoder import RecordEncoder
from .schemas import Prediction


def _to_python(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


class Predictor:
    """``predict(rows)`` for one model; ``fast`` tells which path it takes."""

    def __init__(self, artifact: ModelArtifact) -> None:
        self.artifact = artifact
        schema = artifact.schema
        self._id_column = schema.id_column
        self._columns = [*schema.feature_names, *filter(None, [schema.id_column])]
        self._encoder = RecordEncoder.from_pipeline(artifact.model, schema)
        self._estimator = artifact.model[-1] if self._encoder is not None else None
        self._classes = artifact.classes
        self._proba = (
            schema.task == "classification"
            and self._classes is not None
            and hasattr(self._estimator, "predict_proba")
        )

    @property
    def fast(self) -> bool:
        return self._encoder is not None

    def predict(self, rows: list[dict[str, Any]]) -> list[Prediction]:
        """Predictions in the order of ``rows`` (dicts keyed by feature name).

        Raises:
            MLProjectError: the model gives a non-finite number for these values.
        """
        if self._encoder is None:
            return self._predict_frame(rows)
        matrix = self._encoder.encode(rows)
        ids = [row.get(self._id_column) if self._id_column else None for row in rows]
        with config_context(assume_finite=True, skip_parameter_validation=True):
            if self._proba and self._classes is not None:
                proba = np.asarray(self._estimator.predict_proba(matrix))  # type: ignore[union-attr]
                _require_finite(proba)
                names = [str(label) for label in self._classes]
                return [
                    Prediction(
                        id=record_id,
                        prediction=self._classes[int(np.argmax(row))],
                        probabilities=dict(zip(names, map(float, row), strict=True)),
                    )
                    for record_id, row in zip(ids, proba, strict=True)
                ]
            values = np.asarray(self._estimator.predict(matrix))  # type: ignore[union-attr]
        if values.dtype.kind == "f":
            _require_finite(values)
        return [
            Prediction(id=record_id, prediction=_to_python(value))
            for record_id, value in zip(ids, values, strict=True)
        ]

    def _predict_frame(self, rows: list[dict[str, Any]]) -> list[Prediction]:
        out = prediction_frame(self.artifact, pd.DataFrame(rows, columns=self._columns))
        proba_columns = [c for c in out.columns if c.startswith(PROBA_PREFIX)]
        checked = [c for c in [PREDICTION_COLUMN, *proba_columns] if out[c].dtype.kind == "f"]
        _require_finite(out[checked].to_numpy())
        predictions = []
        for record in out.to_dict(orient="records"):
            probabilities = {c[len(PROBA_PREFIX) :]: float(record[c]) for c in proba_columns}
            record_id = record.get(self._id_column) if self._id_column else None
            predictions.append(
                Prediction(
                    id=None if pd.isna(record_id) else _to_python(record_id),
                    prediction=_to_python(record[PREDICTION_COLUMN]),
                    probabilities=probabilities or None,
                )
            )
        return predictions


def _require_finite(values: np.ndarray[Any, Any]) -> None:
    # JSON has no NaN or infinity: extreme inputs can overflow a linear model.
    if not np.all(np.isfinite(values)):
        raise MLProjectError("the model gave a non-finite result for these feature values")
