"""Versioned model artifacts.

Layout::

    artifacts/models/
        latest                       # text file naming the newest version
        20240101T120000123456Z-1a2b3c4d/
            model.joblib             # fitted sklearn Pipeline (features + model)
            metrics.json             # validation metrics
            schema.json              # input schema (see features/schema.py)
            metadata.json            # versions, data fingerprint and window, model name/params...
            training_rows.npy        # a 64-bit fingerprint of every row the model was fit on
            reference.csv            # a sample of those rows: the drift reference of this model
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from ... import __version__
from ...errors import ArtifactError
from ...features.schema import DataSchema

ARTIFACT_FORMAT_VERSION = 1
MODEL_FILE = "model.joblib"
METRICS_FILE = "metrics.json"
SCHEMA_FILE = "schema.json"
METADATA_FILE = "metadata.json"
TRAINING_ROWS_FILE = "training_rows.npy"
REFERENCE_FILE = "reference.csv"
LATEST_POINTER = "latest"
_TIMESTAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_VERSION_RE = re.compile(r"^(?P<ts>\d{8}T\d{12}Z)-(?P<hash>[0-9a-f]+)$")
# A model pickled by one scikit-learn major.minor may load but predict differently in another:
# loading warns (default) or, with MODEL_LIBRARY_MISMATCH=refuse, refuses such an artifact.
LIBRARY_MISMATCH_ENV = "MODEL_LIBRARY_MISMATCH"
LIBRARY_MISMATCH_POLICIES = ("warn", "refuse")

logger = logging.getLogger(__name__)


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (the training-data fingerprint)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for dist in ("scikit-learn", "pandas", "numpy", "scipy", "joblib", "pyarrow", "matplotlib"):
        try:
            versions[dist] = dist_version(dist)
        except PackageNotFoundError:  # pragma: no cover - all are dependencies
            versions[dist] = "not installed"
    return versions


def _major_minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


def check_library_versions(metadata: dict[str, Any], policy: str | None = None) -> None:
    """Compare the scikit-learn the artifact was trained with to the installed one.

    A different major.minor warns, or raises ArtifactError when ``policy`` (default: the
    ``MODEL_LIBRARY_MISMATCH`` environment variable, else ``warn``) is ``refuse``.
    """
    policy = policy or os.environ.get(LIBRARY_MISMATCH_ENV) or "warn"
    if policy not in LIBRARY_MISMATCH_POLICIES:
        expected = ", ".join(LIBRARY_MISMATCH_POLICIES)
        raise ArtifactError(f"{LIBRARY_MISMATCH_ENV}={policy!r}: expected one of {expected}")
    trained = str((metadata.get("libraries") or {}).get("scikit-learn", ""))
    installed = library_versions()["scikit-learn"]
    if not trained or _major_minor(trained) == _major_minor(installed):
        return
    message = (
        f"model {metadata.get('version', '?')} was trained with scikit-learn {trained}, "
        f"this environment has {installed}: retrain it, or install the locked versions"
    )
    if policy == "refuse":
        raise ArtifactError(message)
    logger.warning("%s (%s=refuse refuses it)", message, LIBRARY_MISMATCH_ENV)


def row_fingerprints(
    frame: pd.DataFrame, numeric: list[str], other: list[str]
) -> np.ndarray[Any, Any]:
    """A 64-bit hash of each row's columns, the same whichever file the row was read from.

    ``numeric`` columns are hashed as floats and ``other`` columns as text, so ``3`` read from
    one CSV and ``3.0`` from another (a column with a gap is read as floats) are the same row.
    """
    canonical = pd.DataFrame(index=frame.index)
    for column in numeric:
        canonical[column] = pd.to_numeric(frame[column], errors="coerce").astype(float).map(repr)
    for column in other:
        values = frame[column]
        canonical[column] = values.astype(str).where(values.notna(), "")
    return np.asarray(pd.util.hash_pandas_object(canonical, index=False), dtype=np.uint64)


def read_training_rows(directory: str | Path) -> np.ndarray[Any, Any] | None:
    """The fingerprints of the rows an artifact was fit on (None for older artifacts)."""
    path = Path(directory) / TRAINING_ROWS_FILE
    return np.load(path) if path.is_file() else None


def read_reference(directory: str | Path) -> pd.DataFrame | None:
    """The sample of its training rows an artifact keeps (None for older artifacts)."""
    path = Path(directory) / REFERENCE_FILE
    return pd.read_csv(path) if path.is_file() else None


def list_versions(models_dir: str | Path) -> list[str]:
    """Existing versions in ``models_dir``, oldest first."""
    models_dir = Path(models_dir)
    if not models_dir.is_dir():
        return []
    return sorted(p.name for p in models_dir.iterdir() if p.is_dir() and _VERSION_RE.match(p.name))


def next_version(models_dir: str | Path, data_hash: str, now: datetime | None = None) -> str:
    """A sortable version ``<UTC timestamp>-<data hash>`` newer than every existing one."""
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    existing = list_versions(models_dir)
    if existing:
        newest_ts = existing[-1].split("-", 1)[0]
        newest = datetime.strptime(newest_ts, _TIMESTAMP_FORMAT).replace(tzinfo=timezone.utc)
        if moment <= newest:
            moment = newest + timedelta(microseconds=1)
    return f"{moment.strftime(_TIMESTAMP_FORMAT)}-{data_hash[:8]}"


def _to_jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, Path):
        return str(value)
    return value


def write_json(path: str | Path, payload: Any) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_to_jsonable(payload), indent=2, sort_keys=True, allow_nan=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _read_json(path: Path) -> dict[str, Any]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ArtifactError(f"cannot read {path}: {exc}") from None
    if not isinstance(content, dict):
        raise ArtifactError(f"{path} must contain a JSON object")
    return content


@dataclass
class ModelArtifact:
    """A fitted pipeline plus everything needed to serve and audit it."""

    model: Any
    schema: DataSchema
    metadata: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    version: str = "unversioned"
    path: Path | None = None

    @property
    def task(self) -> str:
        return self.schema.task

    @property
    def classes(self) -> list[Any] | None:
        classes = getattr(self.model, "classes_", None)
        return None if classes is None else [c.item() if hasattr(c, "item") else c for c in classes]

    def predict(self, frame: pd.DataFrame) -> np.ndarray[Any, Any]:
        return np.asarray(self.model.predict(frame))

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray[Any, Any] | None:
        if self.schema.task != "classification" or not hasattr(self.model, "predict_proba"):
            return None
        return np.asarray(self.model.predict_proba(frame))

    def predict_with_proba(
        self, frame: pd.DataFrame
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any] | None]:
        """``predict`` and ``predict_proba`` together: a pipeline's preprocessing runs once for
        both (twice, it was most of the batch job's time), the same steps either call runs."""
        model = self.model
        wants_proba = self.schema.task == "classification" and hasattr(model, "predict_proba")
        if not wants_proba or not isinstance(model, Pipeline) or len(model.steps) == 1:
            return self.predict(frame), self.predict_proba(frame)
        features = model[:-1].transform(frame)
        final = model[-1]
        return np.asarray(final.predict(features)), np.asarray(final.predict_proba(features))


def write_latest_pointer(models_dir: str | Path, version: str) -> Path:
    """Atomically point ``models_dir/latest`` at ``version``."""
    models_dir = Path(models_dir)
    pointer = models_dir / LATEST_POINTER
    tmp = models_dir / f".{LATEST_POINTER}.tmp"
    tmp.write_text(version + "\n", encoding="utf-8")
    os.replace(tmp, pointer)
    return pointer


def save_artifact(
    models_dir: str | Path,
    version: str,
    *,
    model: Any,
    schema: DataSchema,
    metrics: dict[str, Any],
    metadata: dict[str, Any],
    update_latest: bool = True,
    extras: Callable[[Path], None] | None = None,
) -> Path:
    """Write a complete artifact directory, then (optionally) move the latest pointer.

    ``extras`` writes more files into the artifact before it appears (the training rows).
    """
    models_dir = Path(models_dir)
    target = models_dir / version
    if target.exists():
        raise ArtifactError(f"artifact version already exists: {target}")
    staging = models_dir / f".{version}.tmp"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    full_metadata = {
        "artifact_format": ARTIFACT_FORMAT_VERSION,
        "version": version,
        "package_version": __version__,
        "libraries": library_versions(),
        **metadata,
    }
    joblib.dump(model, staging / MODEL_FILE)
    write_json(staging / METRICS_FILE, metrics)
    schema.save(staging / SCHEMA_FILE)
    write_json(staging / METADATA_FILE, full_metadata)
    if extras is not None:
        extras(staging)
    os.replace(staging, target)
    if update_latest:
        write_latest_pointer(models_dir, version)
    return target


def resolve_model_dir(ref: str | Path, models_dir: str | Path = "artifacts/models") -> Path:
    """Turn ``latest``, a version name, a pointer file or a version directory into a directory.

    A bare name is also looked up in ``models_dir``: ``champion`` is the lifecycle's pointer.

    Raises:
        ArtifactError: when nothing usable is found.
    """
    models_dir = Path(models_dir)
    path = models_dir / LATEST_POINTER if str(ref) == LATEST_POINTER else Path(ref)
    if not path.exists() and (models_dir / str(ref)).exists():
        path = models_dir / str(ref)
    if path.is_dir() and not (path / MODEL_FILE).exists() and (path / LATEST_POINTER).is_file():
        path = path / LATEST_POINTER
    if path.is_file():
        if path.name == MODEL_FILE:
            return path.parent
        version = path.read_text(encoding="utf-8").strip()
        if not version or "/" in version or "\\" in version or version.startswith("."):
            raise ArtifactError(f"pointer file {path} does not name a version")
        path = path.parent / version
    if not (path / MODEL_FILE).is_file():
        raise ArtifactError(f"no model artifact found at {path} (run `make train` to create one)")
    return path


def load_artifact(
    ref: str | Path,
    models_dir: str | Path = "artifacts/models",
    library_mismatch: str | None = None,
) -> ModelArtifact:
    """Load an artifact saved by :func:`save_artifact`.

    ``library_mismatch`` (``warn`` or ``refuse``) overrides ``MODEL_LIBRARY_MISMATCH`` for a
    scikit-learn major.minor other than the one the model was trained with.
    """
    directory = resolve_model_dir(ref, models_dir)
    metadata = _read_json(directory / METADATA_FILE)
    if metadata.get("artifact_format") != ARTIFACT_FORMAT_VERSION:
        raise ArtifactError(
            f"unsupported artifact format {metadata.get('artifact_format')!r} in {directory}"
        )
    check_library_versions(metadata, library_mismatch)
    try:
        schema = DataSchema.load(directory / SCHEMA_FILE)
        model = joblib.load(directory / MODEL_FILE)
    except Exception as exc:  # corrupted or incompatible files
        raise ArtifactError(f"cannot load model from {directory}: {exc}") from None
    return ModelArtifact(
        model=model,
        schema=schema,
        metadata=metadata,
        metrics=_read_json(directory / METRICS_FILE),
        version=str(metadata.get("version", directory.name)),
        path=directory,
    )
