"""Where an environment's lifecycle state lives: its registry and its reports.

Both default to folders under ``artifacts.dir`` (``artifacts/``, ``artifacts/staging/``, ...),
next to the environment's models, so one environment never reads or overwrites another's
registry, champion pointer or reports. The data roots (``full_data_path``,
``quarantine_dir``) are set per environment in ``configs/<env>.yaml``.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings


def registry_dir(settings: Settings) -> Path:
    return settings.lifecycle.registry_dir or settings.artifacts.dir / "registry"


def reports_dir(settings: Settings) -> Path:
    return settings.lifecycle.reports_dir or settings.artifacts.dir / "reports" / "lifecycle"
