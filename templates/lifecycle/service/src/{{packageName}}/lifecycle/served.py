"""Drift on served traffic: the sample of predictions the service writes (service.sample).

The service appends sampled records to ``<service.sample.dir>/<date>/*.jsonl``; here the last
days of them become one table of features, saved next to the lifecycle reports, and go through
the same drift report as a drop (no labels, so no decay). ``drift`` runs it after the drop's.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..config import Settings
from ..service.traffic_sample import read_samples, sample_files
from .drift import DriftResult, drift_report
from .roots import reports_dir


def served_dir(settings: Settings) -> Path:
    return settings.service.sample.dir or settings.artifacts.dir / "served"


def served_drift(settings: Settings, days: int = 1) -> tuple[DriftResult | None, str]:
    """The drift report of the predictions sampled over the last ``days`` (UTC, today
    included), or ``None`` and why not (too few sampled rows)."""
    files = sample_files(served_dir(settings), days)
    frame = read_samples(files, settings.features.all)
    minimum = settings.service.sample.min_rows
    if len(frame) < minimum:
        where = served_dir(settings)
        return None, f"{len(frame)} served predictions sampled in {where} (fewer than {minimum})"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    export = reports_dir(settings) / "served" / f"served-{stamp}.csv"
    export.parent.mkdir(parents=True, exist_ok=True)
    frame[settings.features.all].to_csv(export, index=False)
    return drift_report(settings, current_path=export), f"{len(frame)} served predictions"
