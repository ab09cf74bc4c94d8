"""Score a saved model on held-out data and write JSON, Markdown and HTML (with PNGs) reports."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..config import Settings
from ..data_loaders import load_data
from ..models.common.artifact import file_sha256, load_artifact, write_json
from ..reports.model_card import build_report, render_html
from .metrics import HIGHER_IS_BETTER, metrics_of, predictions_of
from .statistics import metric_intervals

logger = logging.getLogger(__name__)

REPORT_JSON = "evaluation.json"
REPORT_MARKDOWN = "evaluation.md"
REPORT_HTML = "evaluation.html"


@dataclass(frozen=True)
class EvaluationResult:
    report: dict[str, Any]
    json_path: Path
    markdown_path: Path
    html_path: Path


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
        f"| metric | holdout | {report['confidence']:.0%} interval | validation (training)"
        " | direction |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, value in sorted(report["metrics"].items()):
        direction = "higher is better" if name in HIGHER_IS_BETTER else "lower is better"
        interval = report["intervals"].get(name)
        bounds = f"{interval[0]:.4f} to {interval[1]:.4f}" if interval else "-"
        lines.append(
            f"| {name} | {_format(value)} | {bounds} | {_format(reference.get(name, '-'))}"
            f" | {direction} |"
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
    X, y = frame[schema.feature_names], frame[schema.target]
    scored = predictions_of(schema.task, artifact.model, X, y)
    metrics = metrics_of(schema.task, scored)
    reports = settings.reports
    report: dict[str, Any] = {
        "model_version": artifact.version,
        "model_name": artifact.metadata.get("model_name", "unknown"),
        "task": schema.task,
        "data_path": str(source),
        "data_sha256": file_sha256(source),
        "n_rows": len(frame),
        "metrics": metrics,
        "intervals": metric_intervals(
            schema.task,
            scored,
            reports.bootstrap_samples,
            reports.confidence,
            settings.training.seed,
        ),
        "confidence": reports.confidence,
        "training_validation_metrics": artifact.metrics.get("validation", {}),
        "evaluated_at": datetime.now(timezone.utc).isoformat(),
    }
    directory = Path(output_dir or settings.artifacts.reports_dir / artifact.version)
    report.update(
        build_report(
            settings,
            "evaluation",
            model=artifact.model,
            X=X,
            y=y,
            predictions=scored,
            directory=directory,
        )
    )
    json_path = write_json(directory / REPORT_JSON, report)
    markdown_path = directory / REPORT_MARKDOWN
    markdown_path.write_text(render_markdown(report), encoding="utf-8")
    page = {
        **report,
        "kind": "evaluation",
        "created_at": report["evaluated_at"],
        "rows": len(frame),
        "rows_label": "labelled rows scored",
        "bootstrap_samples": reports.bootstrap_samples,
        "data": {"path": str(source), "sha256": report["data_sha256"], "rows": len(frame)},
        "libraries": artifact.metadata.get("libraries", {}),
    }
    html_path = directory / REPORT_HTML
    html_path.write_text(render_html(page, None), encoding="utf-8")
    logger.info(
        "evaluated model",
        extra={"model_version": artifact.version, "metrics": metrics, "report": str(json_path)},
    )
    return EvaluationResult(
        report=report, json_path=json_path, markdown_path=markdown_path, html_path=html_path
    )
