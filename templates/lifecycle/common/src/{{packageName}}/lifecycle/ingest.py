"""Merge update drops (``data/updates``) into the joined data (``data/full_data``).

Each drop is validated against the training schema (the configured feature and target
columns). Rows that break it are quarantined with a report; a drop that is missing columns,
or whose share of bad rows is above ``lifecycle.ingest.max_bad_row_share``, is quarantined
whole and refused. Ingestion is idempotent: the manifest next to the joined file records
every drop by name and SHA-256, so the same drop twice changes nothing, and rows whose id is
already present are skipped.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import Settings
from ..data_loaders import load_data
from ..models.common.artifact import file_sha256, write_json
from . import LifecycleRefusalError

logger = logging.getLogger(__name__)

MANIFEST_FILE = "manifest.json"
REASON_COLUMN = "_quarantine_reason"
DROP_SUFFIXES = (".csv", ".parquet", ".pq")


@dataclass(frozen=True)
class IngestResult:
    drop: str
    status: str  # merged, quarantined or unchanged (already ingested)
    rows_added: int = 0
    rows_quarantined: int = 0
    duplicates: int = 0
    full_rows: int = 0
    report_path: Path | None = None
    reasons: list[str] = field(default_factory=list)


def manifest_path(settings: Settings) -> Path:
    return settings.lifecycle.full_data_path.parent / MANIFEST_FILE


def read_manifest(settings: Settings) -> dict[str, Any]:
    path = manifest_path(settings)
    if not path.is_file():
        return {"drops": {}, "order": []}
    content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return content


def initial_path(settings: Settings) -> Path:
    return settings.lifecycle.initial_path or settings.data.raw_path


def _required(settings: Settings) -> list[str]:
    return [*settings.features.all, settings.data.target]


def bad_rows(frame: pd.DataFrame, settings: Settings, known_classes: set[str]) -> pd.Series:
    """The reason each row breaks the schema ("" when it is fine)."""
    reasons = pd.Series("", index=frame.index, dtype=object)
    numeric = list(settings.features.numeric)
    target = settings.data.target
    if settings.task == "regression":
        numeric.append(target)
    for column in numeric:
        values = frame[column]
        converted = pd.to_numeric(values, errors="coerce")
        broken = values.notna() & converted.isna()
        reasons[broken] += f"{column} is not a number; "
    reasons[frame[target].isna()] += f"{target} is missing; "
    if settings.task == "classification" and known_classes:
        labels = frame[target].astype(str)
        unknown = frame[target].notna() & ~labels.isin(known_classes)
        reasons[unknown] += f"{target} is not a known class; "
    return reasons.str.rstrip("; ")


def clean_rows(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Numeric columns as numbers (the rows must have passed :func:`bad_rows`)."""
    frame = frame.copy()
    numeric = [*settings.features.numeric]
    if settings.task == "regression":
        numeric.append(settings.data.target)
    for column in numeric:
        frame[column] = pd.to_numeric(frame[column])
    return frame


def _write_atomically(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    frame.to_csv(partial, index=False, lineterminator="\n")
    os.replace(partial, path)


def _save_manifest(settings: Settings, manifest: dict[str, Any]) -> None:
    path = manifest_path(settings)
    partial = path.with_name(f".{path.name}.partial")
    write_json(partial, manifest)
    os.replace(partial, path)


def load_full_data(settings: Settings) -> pd.DataFrame:
    """The joined data, created from the historical database on first use."""
    path = settings.lifecycle.full_data_path
    if path.is_file():
        return pd.read_csv(path)
    source = initial_path(settings)
    frame = load_data(source, settings.data.format, _required(settings))
    reasons = bad_rows(frame, settings, set())
    if (reasons != "").any():
        raise LifecycleRefusalError(
            f"the historical data {source} breaks the schema: {reasons.iloc[0]}"
        )
    _write_atomically(frame, path)
    logger.info("created full data", extra={"source": str(source), "rows": len(frame)})
    return frame


def _quarantine(settings: Settings, drop: Path, rows: pd.DataFrame, report: dict[str, Any]) -> Path:
    directory = settings.lifecycle.quarantine_dir / drop.stem
    directory.mkdir(parents=True, exist_ok=True)
    rows.to_csv(directory / "rows.csv", index=False, lineterminator="\n")
    write_json(directory / "report.json", report)
    lines = [
        f"# Quarantine report: `{drop.name}`",
        "",
        f"- Status: {report['status']}",
        f"- Rows in the drop: {report['rows']}",
        f"- Rows quarantined: {report['rows_quarantined']} (in `rows.csv`, column"
        f" `{REASON_COLUMN}`)",
        "",
        "## Reasons",
        "",
        *[f"- {reason}" for reason in report["reasons"]],
    ]
    (directory / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory / "report.json"


def ingest_drop(settings: Settings, drop: str | Path) -> IngestResult:
    """Validate one drop and merge its good rows into the joined data."""
    drop = Path(drop)
    if not drop.is_file():
        raise LifecycleRefusalError(f"drop not found: {drop}")
    digest = file_sha256(drop)
    manifest = read_manifest(settings)
    known = manifest["drops"].get(drop.name)
    full = load_full_data(settings)
    if known is not None:
        if known["sha256"] != digest:
            raise LifecycleRefusalError(
                f"drop {drop.name} was already ingested with different content; give the new"
                " content a new file name"
            )
        return IngestResult(drop.name, "unchanged", full_rows=len(full))

    frame = load_data(drop, settings.data.format)
    missing = [column for column in _required(settings) if column not in frame.columns]
    target = settings.data.target
    classes = set(full[target].dropna().astype(str)) if settings.task == "classification" else set()
    if missing:
        reasons = pd.Series(f"missing columns {missing}", index=frame.index, dtype=object)
    else:
        reasons = bad_rows(frame, settings, classes)
    bad = reasons != ""
    share = float(bad.mean()) if len(frame) else 0.0
    refused = bool(missing) or share > settings.lifecycle.ingest.max_bad_row_share
    summary = sorted({str(reason) for reason in reasons[bad]})
    if refused and not missing:
        summary.append(
            f"{share:.0%} of the rows are bad (max_bad_row_share:"
            f" {settings.lifecycle.ingest.max_bad_row_share:.0%}): the whole drop is refused"
        )
    report_path = None
    if bad.any() or refused:
        status = "quarantined" if refused else "merged"
        quarantined = frame if refused else frame[bad]
        report = {
            "drop": drop.name,
            "sha256": digest,
            "status": status,
            "rows": len(frame),
            "rows_quarantined": len(quarantined),
            "bad_row_share": share,
            "max_bad_row_share": settings.lifecycle.ingest.max_bad_row_share,
            "reasons": summary,
        }
        rows = quarantined.assign(**{REASON_COLUMN: reasons[quarantined.index]})
        report_path = _quarantine(settings, drop, rows, report)

    added = duplicates = 0
    if not refused:
        good = clean_rows(
            frame.loc[~bad, [c for c in full.columns if c in frame.columns]], settings
        )
        id_column = settings.data.id_column
        if id_column and id_column in good.columns and id_column in full.columns:
            seen = good[id_column].isin(full[id_column])
            duplicates = int(seen.sum())
            good = good[~seen]
        added = len(good)
        if added:
            full = pd.concat([full, good], ignore_index=True)
            _write_atomically(full, settings.lifecycle.full_data_path)
    manifest["drops"][drop.name] = {
        "sha256": digest,
        "path": str(drop),
        "status": "quarantined" if refused else "merged",
        "rows_added": added,
        "rows_quarantined": int(len(frame) if refused else bad.sum()),
        "ingested_at": datetime.now(timezone.utc).isoformat(),
    }
    manifest["order"].append(drop.name)
    _save_manifest(settings, manifest)
    result = IngestResult(
        drop=drop.name,
        status="quarantined" if refused else "merged",
        rows_added=added,
        rows_quarantined=int(len(frame) if refused else bad.sum()),
        duplicates=duplicates,
        full_rows=len(full),
        report_path=report_path,
        reasons=summary,
    )
    logger.info("ingested drop", extra={"drop": drop.name, "status": result.status, "added": added})
    return result


def pending_drops(settings: Settings) -> list[Path]:
    """Drops in ``updates_dir`` not ingested yet, oldest (by name) first."""
    directory = settings.lifecycle.updates_dir
    if not directory.is_dir():
        return []
    known = read_manifest(settings)["drops"]
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file() and path.suffix.lower() in DROP_SUFFIXES and path.name not in known
    )


def ingest(settings: Settings, drop: str | Path | None = None) -> list[IngestResult]:
    """Ingest one drop, or every pending one; refuse (after ingesting the rest) on bad drops."""
    drops = [Path(drop)] if drop else pending_drops(settings)
    results = [ingest_drop(settings, path) for path in drops]
    if not results:
        load_full_data(settings)
    refused = [r for r in results if r.status == "quarantined"]
    if refused:
        details = "; ".join(
            f"{r.drop}: {', '.join(r.reasons)} (report: {r.report_path})" for r in refused
        )
        raise LifecycleRefusalError(f"drop refused, quarantined with a report: {details}")
    return results


def latest_merged_drop(settings: Settings) -> Path | None:
    """The newest drop that joined the data (the 'current' data of the drift check)."""
    manifest = read_manifest(settings)
    for name in reversed(manifest["order"]):
        entry = manifest["drops"][name]
        if entry["status"] == "merged":
            return Path(entry["path"])
    return None
