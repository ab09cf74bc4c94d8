"""A local, file-based model registry: versions, their metrics and lineage, and stages.

Layout (``lifecycle.registry_dir``, default ``artifacts/registry``)::

    registry.json  # every registered version: stage, metrics, data fingerprint, code version
    # and the champion history (for rollback)

Stages: ``candidate`` (registered, not serving), ``champion`` (exactly one, serving) and
``archived`` (a former champion or a refused challenger). The model files stay in
``artifacts/models/<version>/``; promoting writes the pointer file ``artifacts/models/champion``
that the service and ``--model artifacts/models/champion`` read. Every change is one atomic
replacement of ``registry.json`` (written to a temporary file, then renamed), and the pointer
follows it, so a crash leaves either the old or the new champion, never a mix.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..config import Settings
from ..errors import ArtifactError
from ..models.common.artifact import load_artifact, write_json
from . import LifecycleRefusalError

Stage = Literal["candidate", "champion", "archived"]
REGISTRY_FILE = "registry.json"
CHAMPION_POINTER = "champion"


@dataclass
class RegisteredModel:
    version: str
    stage: Stage
    model_name: str
    metrics: dict[str, Any]
    data_sha256: str
    code_version: str
    registered_at: str
    artifact_dir: str
    history: list[dict[str, str]] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def git_commit(start: Path | None = None) -> str | None:
    """The commit checked out in the enclosing git work tree, read from ``.git`` (no git binary)."""
    directory = (start or Path.cwd()).resolve()
    for candidate in (directory, *directory.parents):
        head = candidate / ".git" / "HEAD"
        if head.is_file():
            text = head.read_text(encoding="utf-8").strip()
            if not text.startswith("ref: "):
                return text or None
            ref = candidate / ".git" / text[len("ref: ") :]
            return ref.read_text(encoding="utf-8").strip() if ref.is_file() else None
    return None


def code_version() -> str:
    commit = git_commit()
    return f"{__version__}+{commit[:12]}" if commit else __version__


class LocalRegistry:
    """The registry in ``lifecycle.registry_dir``; see the module docstring."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = settings.lifecycle.registry_dir / REGISTRY_FILE
        self.models_dir = settings.artifacts.models_dir

    # -- reading -------------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        if not self.path.is_file():
            return {"models": [], "champions": []}
        content: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        return content

    def models(self) -> list[RegisteredModel]:
        return [RegisteredModel(**entry) for entry in self._read()["models"]]

    def get(self, version: str) -> RegisteredModel:
        for model in self.models():
            if model.version == version:
                return model
        raise LifecycleRefusalError(f"version {version!r} is not registered")

    def champion(self) -> RegisteredModel | None:
        return next((m for m in self.models() if m.stage == "champion"), None)

    def latest_candidate(self) -> RegisteredModel | None:
        return next((m for m in reversed(self.models()) if m.stage == "candidate"), None)

    # -- writing -------------------------------------------------------------------------
    def _write(self, models: list[RegisteredModel], champions: list[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.partial")
        write_json(partial, {"models": [asdict(m) for m in models], "champions": champions})
        os.replace(partial, self.path)  # the commit point
        self._sync_pointer(champions[-1] if champions else None)

    def _sync_pointer(self, version: str | None) -> None:
        pointer = self.models_dir / CHAMPION_POINTER
        if version is None:
            pointer.unlink(missing_ok=True)
            return
        partial = self.models_dir / f".{CHAMPION_POINTER}.partial"
        partial.write_text(version + "\n", encoding="utf-8")
        os.replace(partial, pointer)

    def register(self, version: str) -> RegisteredModel:
        """Record a trained artifact as a candidate (again: no change)."""
        try:
            artifact = load_artifact(version, self.models_dir)
        except ArtifactError as exc:
            raise LifecycleRefusalError(f"cannot register {version!r}: {exc}") from None
        state = self._read()
        models = [RegisteredModel(**entry) for entry in state["models"]]
        for model in models:
            if model.version == artifact.version:
                return model
        entry = RegisteredModel(
            version=artifact.version,
            stage="candidate",
            model_name=str(artifact.metadata.get("model_name", "unknown")),
            metrics=dict(artifact.metrics.get("validation", {})),
            data_sha256=str(artifact.metadata.get("data", {}).get("sha256", "")),
            code_version=code_version(),
            registered_at=_now(),
            artifact_dir=str(artifact.path),
            history=[{"stage": "candidate", "at": _now()}],
        )
        self._write([*models, entry], list(state["champions"]))
        return entry

    def _set_stages(self, changes: dict[str, Stage], champions: list[str]) -> None:
        models = self.models()
        for model in models:
            if model.version in changes and model.stage != changes[model.version]:
                model.stage = changes[model.version]
                model.history.append({"stage": model.stage, "at": _now()})
        self._write(models, champions)

    def promote(self, version: str) -> RegisteredModel:
        """Make ``version`` the champion; the previous champion is archived."""
        target = self.get(version)
        current = self.champion()
        if current is not None and current.version == target.version:
            return target
        champions = [*self._read()["champions"], target.version]
        changes: dict[str, Stage] = {target.version: "champion"}
        if current is not None:
            changes[current.version] = "archived"
        self._set_stages(changes, champions)
        return self.get(version)

    def archive(self, version: str) -> RegisteredModel:
        """Retire a candidate that was refused."""
        target = self.get(version)
        if target.stage == "champion":
            raise LifecycleRefusalError(f"{version} is the champion; promote another or roll back")
        self._set_stages({version: "archived"}, list(self._read()["champions"]))
        return self.get(version)

    def rollback(self) -> RegisteredModel:
        """Restore the previous champion (the current one is archived)."""
        champions = list(self._read()["champions"])
        if len(champions) < 2:  # noqa: PLR2004 - a current and a previous champion
            raise LifecycleRefusalError("no previous champion to roll back to")
        current, previous = champions[-1], champions[-2]
        self._set_stages({current: "archived", previous: "champion"}, champions[:-1])
        return self.get(previous)
