"""Which registry the lifecycle uses: the local one, mirrored into MLflow's model registry.

The local registry (``registry.json``) stays the one the pipeline and the service read, so a
promotion is still one atomic, locked file replacement. Every registration and stage change is also
written to MLflow's model registry at the tracking URI of ``tracking.py``: one registered model
named after the package, one model version per artifact (tags ``version``, ``stage``,
``data_sha256``, ``code_version``) and the alias ``champion`` on the current champion, so
MLflow's UI and clients (``models:/<name>@champion``) see the same lifecycle.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from ..config import Settings
from ..jobs_extra import jobs_module
from ..models.common.artifact import write_json
from ..tracking import ENV_VAR_ALLOW_FILE_STORE, EXPERIMENT_NAME, tracking_uri
from .registry import LocalRegistry, RegisteredModel

REGISTERED_MODEL = EXPERIMENT_NAME
CHAMPION_ALIAS = "champion"
MLFLOW_VERSIONS_FILE = "mlflow_versions.json"


class MlflowRegistry(LocalRegistry):
    """The local registry, with every change mirrored into MLflow's model registry."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.numbers_path = self.path.with_name(MLFLOW_VERSIONS_FILE)

    def client(self) -> Any:
        uri = tracking_uri(self.settings)
        if uri.startswith("file:"):
            os.environ.setdefault(ENV_VAR_ALLOW_FILE_STORE, "true")
        logging.getLogger("mlflow").setLevel(logging.WARNING)
        # mlflow is in the jobs extra: loaded here, never by the service
        return jobs_module("mlflow").MlflowClient(tracking_uri=uri, registry_uri=uri)

    def mlflow_versions(self) -> dict[str, str]:
        """Our versions and the MLflow model version numbers they were registered as."""
        if not self.numbers_path.is_file():
            return {}
        numbers: dict[str, str] = json.loads(self.numbers_path.read_text(encoding="utf-8"))
        return numbers

    def register(self, version: str) -> RegisteredModel:
        with self.locked():  # the version numbers file is a read-modify-write too
            entry = super().register(version)
            numbers = self.mlflow_versions()
            if entry.version in numbers:
                return entry
            client = self.client()
            with open(os.devnull, "w", encoding="utf-8") as devnull, redirect_stdout(devnull):
                try:
                    client.get_registered_model(REGISTERED_MODEL)
                except jobs_module("mlflow.exceptions").MlflowException:
                    client.create_registered_model(REGISTERED_MODEL)
                created = client.create_model_version(
                    REGISTERED_MODEL,
                    source=Path(entry.artifact_dir).resolve().as_uri(),
                    tags={
                        "version": entry.version,
                        "stage": entry.stage,
                        "data_sha256": entry.data_sha256,
                        "code_version": entry.code_version,
                    },
                )
            numbers[entry.version] = str(created.version)
            write_json(self.numbers_path, numbers)
            return entry

    def _write(self, models: list[RegisteredModel], champions: list[str]) -> None:
        super()._write(models, champions)
        numbers = self.mlflow_versions()
        if not numbers:
            return
        client = self.client()
        for model in models:
            if model.version in numbers:
                client.set_model_version_tag(
                    REGISTERED_MODEL, numbers[model.version], "stage", model.stage
                )
        if champions and champions[-1] in numbers:
            client.set_registered_model_alias(
                REGISTERED_MODEL, CHAMPION_ALIAS, numbers[champions[-1]]
            )


def open_registry(settings: Settings) -> MlflowRegistry:
    return MlflowRegistry(settings)
