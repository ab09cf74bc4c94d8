"""A sample of served predictions, written where the drift job reads them.

Each worker appends JSON lines to ``<dir>/<UTC date>/<pod>-<pid>.jsonl`` (one file per process,
so workers and replicas sharing the folder never interleave writes; ``<pod>`` is ``POD_NAME``,
which the Kubernetes Deployment sets, else the host name); one line per sampled
record: time, request id, model version, the inputs as received and the prediction.
:func:`read_samples` turns the files of a date range back into a table of features.
"""

from __future__ import annotations

import json
import logging
import os
import random
import socket
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from .schemas import Prediction

logger = logging.getLogger(__name__)

ENV_VAR_POD_NAME = "POD_NAME"


def writer_name() -> str:
    """The file name of this process's samples: unique per replica and worker."""
    pod = os.environ.get(ENV_VAR_POD_NAME) or socket.gethostname()
    return f"{pod}-{os.getpid()}.jsonl"


class TrafficSampler:
    """Writes each predicted record with probability ``rate``; never fails a request."""

    def __init__(self, directory: Path, rate: float, seed: int | None = None) -> None:
        self.directory = directory
        self.rate = rate
        self._random = random.Random(seed)  # noqa: S311 - a sample, not a secret
        self._broken = False

    def record(
        self,
        rows: Sequence[dict[str, Any]],
        predictions: Sequence[Prediction],
        model_version: str,
        request_id: str | None,
    ) -> int:
        """Sample ``rows`` and their predictions; returns how many lines were written."""
        if self.rate <= 0 or self._broken:
            return 0
        now = datetime.now(timezone.utc)
        lines = [
            json.dumps(
                {
                    "ts": now.isoformat(timespec="milliseconds"),
                    "request_id": request_id,
                    "model_version": model_version,
                    "inputs": row,
                    "prediction": prediction.prediction,
                    "probabilities": prediction.probabilities,
                },
                ensure_ascii=False,
            )
            + "\n"
            for row, prediction in zip(rows, predictions, strict=True)
            if self._random.random() < self.rate
        ]
        if not lines:
            return 0
        path = self.directory / now.date().isoformat() / writer_name()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write("".join(lines))
        except OSError as exc:  # a read-only or full volume: serve on, say it once
            self._broken = True
            logger.error(
                "served predictions are not sampled: cannot write",
                extra={"path": str(path), "error": str(exc)},
            )
            return 0
        return len(lines)


def sample_files(directory: Path, days: int, today: date | None = None) -> list[Path]:
    """The sample files of the last ``days`` UTC days, today included, oldest first."""
    end = today or datetime.now(timezone.utc).date()
    folders = [directory / (end - timedelta(days=back)).isoformat() for back in range(days)]
    return [file for folder in reversed(folders) for file in sorted(folder.glob("*.jsonl"))]


def read_samples(files: Sequence[Path], features: Sequence[str]) -> pd.DataFrame:
    """One row per sampled record: the features, ``model_version`` and ``prediction``.

    A line cut short (a worker killed mid-write) is skipped.
    """
    records = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                inputs = entry["inputs"]
                records.append(
                    {
                        **{name: inputs.get(name) for name in features},
                        "model_version": entry.get("model_version"),
                        "prediction": entry.get("prediction"),
                    }
                )
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                continue
    return pd.DataFrame(records, columns=[*features, "model_version", "prediction"])
