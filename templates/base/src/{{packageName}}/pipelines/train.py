"""Train a model and write a versioned artifact."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
from sklearn.pipeline import Pipeline

from ..config import Settings
from ..data_loaders import load_data
from ..errors import DataError
from ..features.preprocessing import build_preprocessor_from_settings
from ..features.schema import infer_schema
from ..models.common.artifact import file_sha256, next_version, save_artifact
from ..models.common.registry import ModelRegistry
from ..models.registry import MODEL_REGISTRY
from .metrics import baseline_metrics, compute_metrics
from .process import split_frame

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainResult:
    version: str
    artifact_dir: Path
    metrics: dict[str, Any]


def build_pipeline(settings: Settings, registry: ModelRegistry = MODEL_REGISTRY) -> Pipeline:
    """Feature preprocessing + the configured model, fitted and saved as one object."""
    estimator = registry.create(
        settings.model.name,
        settings.task,
        settings.model.selected_params,
        seed=settings.training.seed,
    )
    return Pipeline(
        [
            ("features", build_preprocessor_from_settings(settings.features)),
            ("model", estimator),
        ]
    )


def _labelled(frame: pd.DataFrame, target: str) -> pd.DataFrame:
    labelled = frame[frame[target].notna()]
    if len(labelled) < len(frame):
        logger.warning("dropped rows without target", extra={"rows": len(frame) - len(labelled)})
    return labelled


def train(
    settings: Settings,
    train_path: str | Path | None = None,
    registry: ModelRegistry = MODEL_REGISTRY,
    now: datetime | None = None,
) -> TrainResult:
    """Fit features + model on the train file, validate, and save a versioned artifact."""
    source = Path(train_path or settings.data.train_path)
    pipeline = build_pipeline(settings, registry)  # fail fast on a bad model config
    target = settings.data.target
    frame = load_data(
        source, settings.data.format, required_columns=[*settings.features.all, target]
    )
    schema = infer_schema(frame, settings)
    frame = _labelled(frame, target)
    if settings.task == "classification" and frame[target].nunique() < 2:  # noqa: PLR2004
        raise DataError(f"classification needs at least two classes in {target!r}")
    train_frame, valid_frame = split_frame(frame, settings, settings.training.test_size)
    features = settings.features.all
    X_train, y_train = train_frame[features], train_frame[target]
    X_valid, y_valid = valid_frame[features], valid_frame[target]

    logger.info(
        "training model",
        extra={
            "model": settings.model.name,
            "task": settings.task,
            "train_rows": len(X_train),
            "validation_rows": len(X_valid),
        },
    )
    pipeline.fit(X_train, y_train)
    metrics: dict[str, Any] = {
        "validation": compute_metrics(settings.task, pipeline, X_valid, y_valid),
        "baseline": baseline_metrics(settings.task, y_train, X_valid, y_valid),
        "n_train": len(X_train),
        "n_validation": len(X_valid),
    }
    classes = getattr(pipeline, "classes_", None)
    if classes is not None:
        schema = schema.model_copy(
            update={"classes": [c.item() if hasattr(c, "item") else c for c in classes]}
        )

    data_hash = file_sha256(source)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    version = next_version(settings.artifacts.models_dir, data_hash, moment)
    metadata = {
        "created_at": moment.isoformat(),
        "task": settings.task,
        "model_name": settings.model.name,
        "model_params": settings.model.selected_params,
        "fitted_params": _simple_params(pipeline.named_steps["model"]),
        "seed": settings.training.seed,
        "env": settings.env,
        "python_version": sys.version.split()[0],
        "data": {
            "path": str(source),
            "sha256": data_hash,
            "rows": len(frame),
        },
    }
    artifact_dir = save_artifact(
        settings.artifacts.models_dir,
        version,
        model=pipeline,
        schema=schema,
        metrics=metrics,
        metadata=metadata,
    )
    logger.info(
        "saved model artifact",
        extra={"version": version, "path": str(artifact_dir), "metrics": metrics["validation"]},
    )
    return TrainResult(version=version, artifact_dir=artifact_dir, metrics=metrics)


def _simple_params(estimator: Any) -> dict[str, Any]:
    """JSON-friendly hyperparameters of an estimator."""
    get_params = getattr(estimator, "get_params", None)
    if get_params is None:
        return {}
    return {
        key: value
        for key, value in get_params(deep=False).items()
        if value is None or isinstance(value, bool | int | float | str)
    }


__all__ = ["TrainResult", "build_pipeline", "train"]
