"""Retrain a challenger on the joined data, score it against the champion, promote by rule.

First the evaluation gate (``lifecycle.gate``): a challenger that does not beat its stored
baseline (the constant predictor scored at training time) by more than ``min_margin`` is
blocked: archived, never promoted, whatever the champion scores. Then the newest
``lifecycle.promotion.recent_rows`` rows of ``full_data`` are the recent window; a seeded
``evaluation_share`` of it is kept out of the challenger's training, and both the champion and
the challenger are scored on exactly those rows, less every row either model was fit on (the
fingerprints each artifact keeps: see ``training_rows.py``). The challenger is promoted only
when at least ``min_rows`` rows remain and the lower bound of the paired bootstrap confidence
interval of its gain over the champion (the same resampled rows for both, ``confidence``,
``bootstrap_samples``) is above ``min_gain``, in the metric's better direction; otherwise it
is archived. A gain whose interval reaches zero is noise, not an improvement.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import Settings
from ..data_loaders import load_data
from ..models.common.artifact import load_artifact, write_json
from ..pipelines.metrics import PRIMARY_METRIC, Predictions, metrics_of, predictions_of
from ..pipelines.statistics import Interval, gain_interval
from ..pipelines.train import train
from . import LifecycleRefusalError
from .backend import open_registry
from .ingest import load_full_data
from .roots import reports_dir
from .training_rows import untrained

logger = logging.getLogger(__name__)

TRAIN_FILE = "train.csv"
EVALUATION_FILE = "evaluation.csv"


@dataclass(frozen=True)
class RetrainResult:
    version: str
    train_rows: int
    evaluation_rows: int
    evaluation_path: Path


@dataclass(frozen=True)
class PromotionResult:
    promoted: bool
    decision: str  # promoted, refused (not better than the champion), blocked (by the gate)
    challenger: str
    champion: str | None
    reason: str
    report: dict[str, Any]
    report_path: Path


def work_dir(settings: Settings) -> Path:
    return settings.artifacts.dir / "lifecycle"


def split_recent(settings: Settings, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(training rows, evaluation rows): the evaluation rows are a seeded share of the newest."""
    rules = settings.lifecycle.promotion
    recent = frame.tail(min(rules.recent_rows, len(frame)))
    evaluation = recent.sample(frac=rules.evaluation_share, random_state=settings.training.seed)
    return frame.drop(index=evaluation.index), evaluation.sort_index()


def retrain(settings: Settings) -> RetrainResult:
    """Train the configured model on full_data minus the evaluation rows; register a candidate."""
    full = load_full_data(settings)
    training, evaluation = split_recent(settings, full)
    directory = work_dir(settings)
    directory.mkdir(parents=True, exist_ok=True)
    train_path = directory / TRAIN_FILE
    evaluation_path = directory / EVALUATION_FILE
    training.to_csv(train_path, index=False, lineterminator="\n")
    evaluation.to_csv(evaluation_path, index=False, lineterminator="\n")
    result = train(settings, train_path=train_path)  # registers it as a candidate
    open_registry(settings).register(result.version)  # (again: no change)
    logger.info("registered challenger", extra={"version": result.version})
    return RetrainResult(result.version, len(training), len(evaluation), evaluation_path)


def _predictions(settings: Settings, version: str, frame: pd.DataFrame) -> Predictions:
    artifact = load_artifact(version, settings.artifacts.models_dir)
    features = artifact.schema.feature_names
    return predictions_of(
        settings.task, artifact.model, frame[features], frame[settings.data.target]
    )


def decide(
    settings: Settings, interval: Interval | None, rows: int, metric: str
) -> tuple[bool, str]:
    """The promotion rule: enough rows, and the gain's interval wholly above min_gain."""
    rules = settings.lifecycle.promotion
    if rows < rules.min_rows:
        return False, (
            f"only {rows} evaluation rows neither model was fit on (min_rows: {rules.min_rows})"
        )
    if interval is None:
        return False, f"the gain in {metric} cannot be estimated on these rows"
    low, high = interval
    bounds = f"{rules.confidence:.0%} interval {low:.4f} to {high:.4f}"
    if low > rules.min_gain:
        return True, f"{metric} better: gain {bounds}, above min_gain {rules.min_gain}"
    return False, (
        f"challenger is not better: {metric} gain {bounds} is not wholly above min_gain"
        f" {rules.min_gain}"
    )


def _markdown(report: dict[str, Any]) -> str:
    interval = report["gain_interval"]
    bounds = "-" if interval is None else f"{interval[0]:.4f} to {interval[1]:.4f}"
    lines = [
        f"# Champion/challenger: `{report['challenger']}`",
        "",
        f"- Champion: `{report['champion'] or 'none'}`",
        f"- Data: `{report['data_path']}` ({report['rows']} rows scored; {report['excluded_rows']}"
        " left out because a model was fit on them)",
        f"- Evaluation gate: **{'passed' if report['gate']['passed'] else 'failed'}**"
        f" ({report['gate']['reason']})",
        f"- Rule: {report['metric']}: the lower bound of the {report['confidence']:.0%} interval"
        f" of the gain above {report['min_gain']}, on at least {report['min_rows']} rows",
        f"- Gain interval: {bounds}",
        f"- Decision: **{report['decision']}** ({report['reason']})",
        "",
        "| metric | challenger | champion |",
        "| --- | --- | --- |",
    ]
    champion = report["champion_metrics"] or {}
    for name, value in sorted(report["challenger_metrics"].items()):
        other = champion.get(name)
        lines.append(f"| {name} | {value:.4f} | {'-' if other is None else f'{other:.4f}'} |")
    return "\n".join(lines) + "\n"


def evaluate_challenger(
    settings: Settings, challenger: str | None = None, data_path: str | Path | None = None
) -> PromotionResult:
    """Score challenger and champion on the same recent rows; promote or archive the challenger."""
    registry = open_registry(settings)
    candidate = registry.get(challenger) if challenger else registry.latest_candidate()
    if candidate is None:
        raise LifecycleRefusalError("no candidate to evaluate: run `retrain` first")
    if candidate.stage == "champion":
        raise LifecycleRefusalError(f"{candidate.version} is already the champion")
    source = Path(data_path or work_dir(settings) / EVALUATION_FILE)
    target = settings.data.target
    frame = load_data(source, settings.data.format, [*settings.features.all, target])
    frame = frame[frame[target].notna()]
    metric = settings.lifecycle.promotion.metric or PRIMARY_METRIC[settings.task]
    champion = registry.champion()
    versions = [candidate.version, *([champion.version] if champion else [])]
    frame, excluded = untrained(settings, frame, versions)
    if frame.empty:
        raise LifecycleRefusalError(
            f"no rows of {source} to score: {', '.join(versions)} were fit on all of them"
        )
    rules = settings.lifecycle.promotion
    challenger_scored = _predictions(settings, candidate.version, frame)
    challenger_metrics = metrics_of(settings.task, challenger_scored)
    if metric not in challenger_metrics:
        raise LifecycleRefusalError(
            f"unknown metric {metric!r} (available: {sorted(challenger_metrics)})"
        )
    champion_metrics = None
    interval = None
    if champion is not None:
        champion_scored = _predictions(settings, champion.version, frame)
        champion_metrics = metrics_of(settings.task, champion_scored)
        interval = gain_interval(
            settings.task,
            metric,
            challenger_scored,
            champion_scored,
            samples=rules.bootstrap_samples,
            confidence=rules.confidence,
            seed=settings.training.seed,
        )
    gate = registry.gate(candidate.version)
    if not gate["passed"]:
        promoted, reason = False, f"blocked by the evaluation gate: {gate['reason']}"
    elif champion is None or champion_metrics is None:
        promoted, reason = True, "no champion yet: the first candidate becomes the champion"
    else:
        promoted, reason = decide(settings, interval, len(frame), metric)
    decision = "promoted" if promoted else "refused" if gate["passed"] else "blocked"
    report = {
        "challenger": candidate.version,
        "champion": champion.version if champion else None,
        "data_path": str(source),
        "rows": len(frame),
        "excluded_rows": excluded,
        "metric": metric,
        "min_gain": rules.min_gain,
        "min_rows": rules.min_rows,
        "confidence": rules.confidence,
        "bootstrap_samples": rules.bootstrap_samples,
        "gain_interval": None if interval is None else list(interval),
        "challenger_metrics": challenger_metrics,
        "champion_metrics": champion_metrics,
        "gate": gate,
        "promoted": promoted,
        "decision": decision,
        "reason": reason,
        "decided_at": datetime.now(timezone.utc).isoformat(),
    }
    directory = reports_dir(settings) / "promotion" / candidate.version
    report_path = write_json(directory / "comparison.json", report)
    (directory / "comparison.md").write_text(_markdown(report), encoding="utf-8")
    if promoted:
        registry.promote(candidate.version, recent_metrics=challenger_metrics)
    else:
        registry.archive(candidate.version)
    logger.info("champion/challenger", extra={"decision": decision, "reason": reason})
    return PromotionResult(
        promoted=promoted,
        decision=decision,
        challenger=candidate.version,
        champion=champion.version if champion else None,
        reason=reason,
        report=report,
        report_path=report_path,
    )
