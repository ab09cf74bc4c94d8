"""What a model answers for a frame of records: prediction, class probabilities and id.

The batch jobs, the service, the stream consumer and the serverless handler all shape their output
here. It imports no batch engine: the serving image, which has no jobs extra, loads it.
"""

from __future__ import annotations

import pandas as pd

from .artifact import ModelArtifact

PREDICTION_COLUMN = "prediction"
PROBA_PREFIX = "proba_"


def prediction_frame(artifact: ModelArtifact, frame: pd.DataFrame) -> pd.DataFrame:
    """Predictions for ``frame`` (plus class probabilities and the id column if present)."""
    schema = artifact.schema
    schema.validate_frame(frame)
    features = frame[schema.feature_names]
    out = pd.DataFrame(index=frame.index)
    if schema.id_column and schema.id_column in frame.columns:
        out[schema.id_column] = frame[schema.id_column]
    predictions, proba = artifact.predict_with_proba(features)
    out[PREDICTION_COLUMN] = predictions
    classes = artifact.classes
    if proba is not None and classes is not None:
        for index, label in enumerate(classes):
            out[f"{PROBA_PREFIX}{label}"] = proba[:, index]
    return out.reset_index(drop=True)
