"""Which registry the lifecycle uses: the local, file-based one."""

from __future__ import annotations

from ..config import Settings
from .registry import LocalRegistry


def open_registry(settings: Settings) -> LocalRegistry:
    return LocalRegistry(settings)
