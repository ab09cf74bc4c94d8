"""Score a saved model on held-out data and write JSON + Markdown reports."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..config import Settings
from ..data_loaders import load_data
from ..models.common.artifact import file_sha256, load_artifact, write_json
from .metrics import HIGHER_IS_BETTER, compute_metrics

logger = logging.getLogger(__name__)

REPORT_JSON = "evaluation.json"
REPORT_MARKDOWN = "evaluation.md"


@dataclass(frozen=True)
class EvaluationResult:
    report: dict[str, Any]
    json_path: Path
    markdown_path: Path


def _format(value: Any) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def render_markdown(report: dict[str, Any]) -> str:
    """A small human-readable report."""
    reference = report.get("training_validation_metrics") or {}
    lines = [
        f"# Evaluation of model `{report['model_version']}`",
        "",
        f"- Task: {report['task']}",
        f"- Model: {report['model_name']}",
        f"- Data: `{report['data_path']}` ({report['n_rows']} rows)",
        f"- Evaluated at: {report['evaluated_at']}",
        "",
        "| metric | holdout | validation (training) | direction |",
        "| --- | --- | --- | --- |",
    ]
    for name, value in sorted(report["metrics"].items()):
        direction = "higher is better" if name in HIGHER_IS_BETTER else "lower is better"
        lines.append(
            f"| {name} | {_format(value)} | {_format(reference.get(name, '-'))} | {direction} |"
        )
    return "\n".join(lines) + "\n"


def evaluate(
    settings: Settings,
    model_ref: str | Path,
    data_path: str | Path | None = None,
    output_dir: str | Path | None = None,
) -> EvaluationResult:
    """Compute metrics of model ``model_ref`` on labelled data and write reports."""
    artifact = load_artifact(model_ref, settings.artifacts.models_dir)
    schema = artifact.schema
    source = Path(data_path or settings.data.holdout_path)
    frame = load_data(source, settings.data.format, schema.required_columns(include_target=True))
    schema.validate_frame(frame, require_target=True)  # also rejects an all-empty target
    frame = frame[frame[schema.target].notna()]
    metrics = compute_metrics(
        schema.task, artifact.model, frame[schema.feature_names], frame[schema.target]
    )
    report: dict[str, Any] = {
        "model_version": artifact.version,
        "model_name": artifact.metadata.get("model_name", "unknown"),
        "task": schema.task,
        "data_path": str(source),
        "data_sha256": file_sha256(source),
        "n_rows": len(frame),
        "metrics": metrics,
        "training_validation_metrics": artifact.metrics.get("validation", {}),
        "evaluated_at": datetime.now(timezone.utc).isoformat(),
    }
    directory = Path(output_dir or settings.artifacts.reports_dir / artifact.version)
    json_path = write_json(directory / REPORT_JSON, report)
    markdown_path = directory / REPORT_MARKDOWN
    markdown_path.write_text(render_markdown(report), encoding="utf-8")
    logger.info(
        "evaluated model",
        extra={"model_version": artifact.version, "metrics": metrics, "report": str(json_path)},
    )
    return EvaluationResult(report=report, json_path=json_path, markdown_path=markdown_path)
