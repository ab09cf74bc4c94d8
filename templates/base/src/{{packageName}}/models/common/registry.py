"""A registry mapping model names to factories."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...config import Task
from ...errors import ModelConfigError
from .base import Estimator, ModelFactory


@dataclass(frozen=True)
class ModelSpec:
    name: str
    factory: ModelFactory
    tasks: frozenset[Task]
    description: str = ""


class ModelRegistry:
    """Named model factories, each declaring which tasks it supports."""

    def __init__(self) -> None:
        self._specs: dict[str, ModelSpec] = {}

    def register(
        self,
        name: str,
        factory: ModelFactory,
        tasks: Iterable[Task],
        description: str = "",
    ) -> None:
        if name in self._specs:
            raise ValueError(f"model {name!r} is already registered")
        self._specs[name] = ModelSpec(name, factory, frozenset(tasks), description)

    def names(self, task: Task | None = None) -> list[str]:
        return sorted(n for n, s in self._specs.items() if task is None or task in s.tasks)

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def get(self, name: str) -> ModelSpec:
        try:
            return self._specs[name]
        except KeyError:
            raise ModelConfigError(
                f"unknown model {name!r} (available: {', '.join(self.names()) or 'none'})"
            ) from None

    def create(
        self, name: str, task: Task, params: Mapping[str, Any] | None = None, seed: int = 0
    ) -> Estimator:
        """Instantiate model ``name`` for ``task``.

        Raises:
            ModelConfigError: unknown name, unsupported task or invalid hyperparameters.
        """
        spec = self.get(name)
        if task not in spec.tasks:
            raise ModelConfigError(
                f"model {name!r} does not support task {task!r} "
                f"(supports: {', '.join(sorted(spec.tasks))}; "
                f"models for {task}: {', '.join(self.names(task)) or 'none'})"
            )
        try:
            return spec.factory(task, dict(params or {}), seed)
        except (TypeError, ValueError) as exc:
            raise ModelConfigError(f"invalid parameters for model {name!r}: {exc}") from None
