"""Seed 003's model lifecycle: ingest update drops, detect drift, register, compare, promote."""

from ..errors import MLProjectError


class LifecycleRefusalError(MLProjectError):
    """A lifecycle step refused to go on (a bad drop, a challenger that is not better...)."""


__all__ = ["LifecycleRefusalError"]
