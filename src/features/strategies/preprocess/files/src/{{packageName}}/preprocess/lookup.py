"""Read precomputed predictions by key from the table written by :mod:`.precompute`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import ArtifactError
from .precompute import key_text

SELECT_PREDICTION = "SELECT prediction, probabilities FROM predictions WHERE key = ?"
SELECT_METADATA = "SELECT name, value FROM metadata"


class LookupTable:
    """A read-only view of a lookup table; safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ArtifactError(f"no lookup table at {self.path} (run the precompute command)")
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self.metadata: dict[str, str] = dict(self._connection.execute(SELECT_METADATA))
        except sqlite3.DatabaseError as exc:
            raise ArtifactError(f"{self.path} is not a lookup table: {exc}") from None

    @property
    def model_version(self) -> str:
        return self.metadata["model_version"]

    def get(self, key: Any) -> dict[str, Any] | None:
        """The prediction stored for ``key`` (``None`` when the key was not precomputed)."""
        text = key_text(key)
        found = self._connection.execute(SELECT_PREDICTION, (text,)).fetchone()
        if found is None:
            return None
        prediction, probabilities = found
        return {
            "key": text,
            "prediction": json.loads(prediction),
            "probabilities": json.loads(probabilities) if probabilities else None,
            "model_version": self.model_version,
        }

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> LookupTable:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
