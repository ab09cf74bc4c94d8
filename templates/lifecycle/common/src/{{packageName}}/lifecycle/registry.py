"""A local, file-based model registry: versions, their metrics and lineage, and stages.

Layout (``lifecycle.registry_dir``, default ``<artifacts.dir>/registry``: one per environment)::

    registry.json  # every version: stage, metrics, gate, data fingerprint, code version;
    # and the champion history (for rollback)
    registry.json.lock  # the lock every change holds (filelock)

Stages: ``candidate`` (registered, not serving), ``champion`` (exactly one, serving) and
``archived`` (a former champion, or a challenger that was refused or blocked by the gate).
The registry is the single source of truth for what is served: training only registers
candidates; promoting writes the pointer file ``<artifacts.dir>/models/champion`` that every
environment serves (``service.model_path``, ``--model champion``); ``latest`` (the newest
trained model) is never served. Every change holds an inter-process file lock for the whole
read-modify-write, replaces ``registry.json`` atomically (a temporary file, then
``os.replace``) and then the pointer the same way, so parallel jobs lose no registration and a
crash leaves either the old or the new champion, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock

from .. import __version__
from ..config import Settings
from ..errors import ArtifactError
from ..models.common.artifact import load_artifact, resolve_model_dir
from ..pipelines.metrics import HIGHER_IS_BETTER, PRIMARY_METRIC
from . import LifecycleRefusalError
from .roots import registry_dir

Stage = Literal["candidate", "champion", "archived"]
REGISTRY_FILE = "registry.json"
LOCK_FILE = "registry.json.lock"
CHAMPION_POINTER = "champion"
_GIT_TIMEOUT_S = 10


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
    # The evaluation gate at registration (see ``evaluation_gate``); empty in older registries.
    gate: dict[str, Any] = field(default_factory=dict)
    # Its metrics on the held-back recent rows when it was promoted: the reference of decay.
    recent_metrics: dict[str, Any] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def git_commit(start: Path | None = None) -> str | None:
    """The commit checked out at ``start`` (default: the working directory), or None.

    Asks git (``git rev-parse HEAD``), so packed refs, worktrees and submodules are handled;
    None without git, outside a work tree, or in a repository without commits.
    """
    git = shutil.which("git")
    if git is None:
        return None
    try:
        completed = subprocess.run(  # noqa: S603 - a fixed command, no user input
            [git, "rev-parse", "--verify", "HEAD"],
            cwd=start or Path.cwd(),
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = completed.stdout.strip()
    return commit if completed.returncode == 0 and commit else None


def code_version() -> str:
    commit = git_commit()
    return f"{__version__}+{commit[:12]}" if commit else __version__


def evaluation_gate(settings: Settings, metrics: Mapping[str, Any]) -> dict[str, Any]:
    """Whether a model beats its stored baseline: ``passed`` and the numbers behind it.

    ``metrics`` is an artifact's ``metrics.json``: the model's ``validation`` metrics and the
    ``baseline`` (constant predictor) on the same rows. The model passes when it is better than
    the baseline on ``lifecycle.gate.metric`` by more than ``lifecycle.gate.min_margin``.
    """
    rules = settings.lifecycle.gate
    metric = rules.metric or PRIMARY_METRIC[settings.task]
    value = metrics.get("validation", {}).get(metric)
    baseline = metrics.get("baseline", {}).get(metric)
    result: dict[str, Any] = {
        "enabled": rules.enabled,
        "metric": metric,
        "min_margin": rules.min_margin,
    }
    if value is None or baseline is None:
        reason = f"no stored {metric!r} for the model and its baseline"
        return {
            **result,
            "passed": not rules.enabled,
            "value": value,
            "baseline": baseline,
            "reason": reason,
        }
    value, baseline = float(value), float(baseline)
    gain = value - baseline if metric in HIGHER_IS_BETTER else baseline - value
    passed = gain > rules.min_margin or not rules.enabled
    verdict = "beats" if gain > rules.min_margin else "does not beat"
    reason = (
        f"{metric} {value:.4f} {verdict} the baseline {baseline:.4f}"
        f" (gain {gain:.4f}, min_margin: {rules.min_margin})"
        + ("" if rules.enabled else "; the gate is disabled (lifecycle.gate.enabled)")
    )
    return {
        **result,
        "passed": passed,
        "value": value,
        "baseline": baseline,
        "gain": gain,
        "reason": reason,
    }


def _atomic_write_text(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file in its folder and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes it 0600; an image's other users (service, Lambda) must read it.
        os.chmod(temporary, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)  # the commit point
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class LocalRegistry:
    """The registry in ``lifecycle.registry_dir``; see the module docstring."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = registry_dir(settings) / REGISTRY_FILE
        self.models_dir = settings.artifacts.models_dir
        # Re-entrant within this object: a public method may call another while holding it.
        self.lock = FileLock(
            str(self.path.with_name(LOCK_FILE)), timeout=settings.lifecycle.lock_timeout_s
        )

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the registry lock (across processes) for a read-modify-write."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.lock:
            yield

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

    def champion_pointer(self) -> Path:
        """The pointer file every environment serves: ``<artifacts.dir>/models/champion``."""
        return self.models_dir / CHAMPION_POINTER

    # -- writing (callers hold the lock) ------------------------------------------------------
    def _write(self, models: list[RegisteredModel], champions: list[str]) -> None:
        payload = {"models": [asdict(m) for m in models], "champions": champions}
        _atomic_write_text(self.path, json.dumps(payload, indent=2, sort_keys=True) + "\n")
        self._sync_pointer(champions[-1] if champions else None)

    def _sync_pointer(self, version: str | None) -> None:
        pointer = self.champion_pointer()
        if version is None:
            pointer.unlink(missing_ok=True)
            return
        _atomic_write_text(pointer, version + "\n")

    def _servable(self, version: str) -> None:
        """Refuse a version whose artifact is not in this environment's models folder."""
        try:
            resolve_model_dir(self.models_dir / version, self.models_dir)
        except ArtifactError as exc:
            raise LifecycleRefusalError(
                f"{version} cannot be served from {self.models_dir}: {exc}"
            ) from None

    def register(self, version: str) -> RegisteredModel:
        """Record a trained artifact as a candidate (again: no change), with its gate result."""
        try:
            artifact = load_artifact(version, self.models_dir)
        except ArtifactError as exc:
            raise LifecycleRefusalError(f"cannot register {version!r}: {exc}") from None
        with self.locked():
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
                gate=evaluation_gate(self.settings, artifact.metrics),
            )
            self._write([*models, entry], list(state["champions"]))
            return entry

    def gate(self, version: str) -> dict[str, Any]:
        """The evaluation gate of ``version`` under the current settings."""
        try:
            artifact = load_artifact(self.models_dir / version, self.models_dir)
        except ArtifactError as exc:
            raise LifecycleRefusalError(f"cannot read {version!r}: {exc}") from None
        return evaluation_gate(self.settings, artifact.metrics)

    def _set_stages(
        self,
        changes: dict[str, Stage],
        champions: list[str],
        recent: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        models = self.models()
        for model in models:
            if model.version in changes and model.stage != changes[model.version]:
                model.stage = changes[model.version]
                model.history.append({"stage": model.stage, "at": _now()})
            if recent and recent.get(model.version):
                model.recent_metrics = recent[model.version]
        self._write(models, champions)

    def promote(
        self, version: str, recent_metrics: Mapping[str, Any] | None = None
    ) -> RegisteredModel:
        """Make ``version`` the champion; the previous champion is archived.

        ``recent_metrics``: its metrics on the held-back rows it was promoted on (decay's
        reference in the drift report).

        Refused when the version fails the evaluation gate or its artifact is missing from this
        environment's models folder (no dangling pointer is ever written).
        """
        with self.locked():
            target = self.get(version)
            current = self.champion()
            if current is not None and current.version == target.version:
                return target
            self._servable(target.version)
            gate = self.gate(target.version)
            if not gate["passed"]:
                raise LifecycleRefusalError(
                    f"{version} is blocked by the evaluation gate: {gate['reason']}"
                )
            champions = [*self._read()["champions"], target.version]
            changes: dict[str, Stage] = {target.version: "champion"}
            if current is not None:
                changes[current.version] = "archived"
            self._set_stages(changes, champions, {version: dict(recent_metrics or {})})
            return self.get(version)

    def archive(self, version: str) -> RegisteredModel:
        """Retire a candidate that was refused or blocked."""
        with self.locked():
            target = self.get(version)
            if target.stage == "champion":
                raise LifecycleRefusalError(
                    f"{version} is the champion; promote another or roll back"
                )
            self._set_stages({version: "archived"}, list(self._read()["champions"]))
            return self.get(version)

    def rollback(self) -> RegisteredModel:
        """Restore the previous champion (the current one is archived)."""
        with self.locked():
            champions = list(self._read()["champions"])
            if len(champions) < 2:  # noqa: PLR2004 - a current and a previous champion
                raise LifecycleRefusalError("no previous champion to roll back to")
            current, previous = champions[-1], champions[-2]
            self._servable(previous)
            self._set_stages({current: "archived", previous: "champion"}, champions[:-1])
            return self.get(previous)
