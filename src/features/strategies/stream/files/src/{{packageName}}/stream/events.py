"""Event parsing and the predict step, independent of the broker.

An event is a JSON object ``{"event_id": "...", "features": {"<feature>": value, ...}}``.
A result is ``{"event_id", "prediction", "model_version"}`` plus ``probabilities`` (per class)
for a classifier.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..models.common.artifact import ModelArtifact
from ..models.common.prediction import PREDICTION_COLUMN, PROBA_PREFIX, prediction_frame


class InvalidEventError(ValueError):
    """The message is not a usable event; it goes to the dead letter stream."""


@dataclass(frozen=True)
class Event:
    event_id: str
    features: dict[str, Any]


def parse_event(raw: bytes, feature_names: Sequence[str]) -> Event:
    """Decode and check one event; raises :class:`InvalidEventError` with the reason."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidEventError(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidEventError("an event must be a JSON object")
    event_id = data.get("event_id")
    if isinstance(event_id, bool) or not isinstance(event_id, str | int) or not str(event_id):
        raise InvalidEventError("event_id must be a non-empty string or an integer")
    features = data.get("features")
    if not isinstance(features, dict):
        raise InvalidEventError("features must be a JSON object")
    missing = [name for name in feature_names if name not in features]
    if missing:
        raise InvalidEventError(f"missing features {missing}")
    return Event(event_id=str(event_id), features={name: features[name] for name in feature_names})


def _plain(value: Any) -> Any:
    """A JSON-ready Python value from a numpy scalar."""
    return value.item() if hasattr(value, "item") else value


def predict_events(artifact: ModelArtifact, events: Sequence[Event]) -> list[dict[str, Any]]:
    """One result per event, in order; raises when the model rejects the batch."""
    frame = pd.DataFrame(
        [event.features for event in events], columns=artifact.schema.feature_names
    )
    for name in artifact.schema.numeric:  # JSON null in every row must still be numeric
        if frame[name].isna().all():
            frame[name] = frame[name].astype(float)
    predictions = prediction_frame(artifact, frame)
    results = []
    for event, row in zip(events, predictions.to_dict(orient="records"), strict=True):
        result: dict[str, Any] = {
            "event_id": event.event_id,
            "prediction": _plain(row[PREDICTION_COLUMN]),
            "model_version": artifact.version,
        }
        probabilities = {
            str(key)[len(PROBA_PREFIX) :]: float(value)
            for key, value in row.items()
            if str(key).startswith(PROBA_PREFIX)
        }
        if probabilities:
            result["probabilities"] = probabilities
        results.append(result)
    return results
