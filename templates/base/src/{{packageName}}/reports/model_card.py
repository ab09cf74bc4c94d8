"""A model card for every trained version, and the evaluation report: HTML pages with PNGs.

The model card (``<reports_dir>/<version>/model_card.html``) is written when a model is
trained: its metrics are the ones in the artifact's ``metrics.json`` (validation rows), each
with its bootstrap confidence interval, beside the constant baseline; the task's plots, the
permutation feature importance, the data fingerprint and window, the library versions, and the
sections the team writes in ``reports.team_sections`` (``docs/model_card.md``: intended use,
limits, owners, stakeholders). ``evaluate`` writes the evaluation report
(``evaluation.html``) the same way, on the rows it scores. Every number is also in a JSON
file next to the page (``model_card.json``, ``evaluation.json``).
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..config import Settings
from ..models.common.artifact import METADATA_FILE, METRICS_FILE, write_json
from ..pipelines.metrics import HIGHER_IS_BETTER, PRIMARY_METRIC, Predictions, metrics_of
from .plots import importance_plot, task_plots
from .team_sections import team_sections_html

logger = logging.getLogger(__name__)

MODEL_CARD_HTML = "model_card.html"
MODEL_CARD_JSON = "model_card.json"

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; color: #1f2933; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #d9e2ec; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d9e2ec; padding: .3rem .6rem; text-align: left; }
th { background: #f0f4f8; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
.plots { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; } figcaption { font-size: .9rem; color: #52606d; }
.team { background: #f8fafc; border-left: 4px solid #9fb3c8; padding: .2rem 1rem; }
code { background: #f0f4f8; padding: 0 .2rem; }
"""


def _text(value: Any) -> str:
    return html.escape(str(value))


def _number(value: Any) -> str:
    return f"{value:.4f}" if isinstance(value, float) else _text(value)


def permutation_importance_of(
    settings: Settings, model: Any, X: pd.DataFrame, y: pd.Series
) -> tuple[str, list[dict[str, Any]]]:
    """The primary metric's loss when each feature is shuffled (mean and spread over repeats).

    The same measure as scikit-learn's ``permutation_importance``, with every shuffled copy
    scored in one ``predict`` call: one call per copy costs seconds with a threaded model on
    a busy machine.
    """
    metric = PRIMARY_METRIC[settings.task]
    repeats = settings.reports.permutation_repeats
    rng = np.random.default_rng(settings.training.seed)
    truth = np.asarray(y)
    copies = []
    for name in X.columns:
        for _ in range(repeats):
            shuffled = X.copy()
            shuffled[name] = X[name].to_numpy()[rng.permutation(len(X))]
            copies.append(shuffled)
    predicted = np.asarray(model.predict(pd.concat([X, *copies], ignore_index=True)))
    blocks = predicted.reshape(len(copies) + 1, len(X))

    def score(block: np.ndarray[Any, Any]) -> float:
        return metrics_of(settings.task, Predictions(truth, block))[metric]

    base = score(blocks[0])
    sign = 1.0 if metric in HIGHER_IS_BETTER else -1.0
    losses = np.array([sign * (base - score(block)) for block in blocks[1:]])
    losses = losses.reshape(len(X.columns), repeats)
    importance = [
        {"feature": name, "mean": float(row.mean()), "std": float(row.std())}
        for name, row in zip(X.columns, losses, strict=True)
    ]
    return metric, sorted(importance, key=lambda item: -item["mean"])


def build_report(
    settings: Settings,
    kind: str,
    *,
    model: Any,
    X: pd.DataFrame,
    y: pd.Series,
    predictions: Predictions,
    directory: Path,
) -> dict[str, Any]:
    """The plots and the permutation importance of ``model`` on ``X``/``y``, in ``directory``."""
    plots_dir = directory / f"{kind}_plots"
    plots: dict[str, str] = {}
    metric, importance = permutation_importance_of(settings, model, X, y)
    if settings.reports.plots:
        drawn = task_plots(settings.task, predictions, plots_dir)
        drawn["Permutation feature importance"] = importance_plot(
            importance, metric, plots_dir / "permutation_importance.png"
        )
        plots = {title: f"{plots_dir.name}/{name}" for title, name in drawn.items()}
    return {"plots": plots, "importance_metric": metric, "importance": importance}


def _metrics_table(report: dict[str, Any]) -> str:
    confidence = report["confidence"]
    baseline = report.get("baseline") or {}
    rows = [
        "<table><tr><th>metric</th><th>value</th>"
        f"<th>{confidence:.0%} confidence interval</th>"
        + ("<th>baseline (constant)</th>" if baseline else "")
        + "<th>direction</th></tr>"
    ]
    for name, value in sorted(report["metrics"].items()):
        interval = report["intervals"].get(name)
        low_high = (
            f'<td class="number" data-metric="{_text(name)}" data-low="{interval[0]!r}"'
            f' data-high="{interval[1]!r}">{interval[0]:.4f} to {interval[1]:.4f}</td>'
            if interval
            else "<td>not estimable</td>"
        )
        direction = "higher is better" if name in HIGHER_IS_BETTER else "lower is better"
        base = baseline.get(name)
        rows.append(
            f'<tr><td>{_text(name)}</td><td class="number" data-metric="{_text(name)}"'
            f' data-value="{value!r}">{_number(value)}</td>{low_high}'
            + (
                f'<td class="number">{_number(base) if base is not None else "-"}</td>'
                if baseline
                else ""
            )
            + f"<td>{direction}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _key_values(pairs: dict[str, Any]) -> str:
    cells = "".join(f"<tr><th>{_text(k)}</th><td>{_text(v)}</td></tr>" for k, v in pairs.items())
    return f"<table>{cells}</table>"


def render_html(report: dict[str, Any], team_html: str | None) -> str:
    """The page of a model card or an evaluation report; every value is HTML-escaped."""
    title = (
        f"Model card: {report['model_name']} {report['model_version']}"
        if report["kind"] == "model_card"
        else f"Evaluation report: {report['model_name']} {report['model_version']}"
    )
    importance = "".join(
        f'<tr><td>{_text(item["feature"])}</td><td class="number">{item["mean"]:.4f}</td>'
        f'<td class="number">{item["std"]:.4f}</td></tr>'
        for item in report["importance"]
    )
    figures = "".join(
        f'<figure><img src="{_text(path)}" alt="{_text(name)}" width="400">'
        f"<figcaption>{_text(name)}</figcaption></figure>"
        for name, path in report["plots"].items()
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_text(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_text(title)}</h1>",
        _key_values(
            {
                "task": report["task"],
                "model": report["model_name"],
                "version": report["model_version"],
                "created": report["created_at"],
                "scored rows": f"{report['rows']} ({report['rows_label']})",
            }
        ),
        "<h2>Metrics</h2>",
        f"<p>Bootstrap percentile intervals over {report['bootstrap_samples']} resamples of the"
        " scored rows.</p>",
        _metrics_table(report),
        "<h2>Plots</h2>",
        f'<div class="plots">{figures}</div>' if figures else "<p>Plots are off.</p>",
        "<h2>Permutation feature importance</h2>",
        f"<p>Loss of {_text(report['importance_metric'])} when one feature is shuffled.</p>",
        "<table><tr><th>feature</th><th>mean</th><th>std</th></tr>" + importance + "</table>",
        "<h2>Data</h2>",
        _key_values(report["data"]),
        "<h2>Library versions</h2>",
        _key_values(report["libraries"]),
    ]
    if team_html is not None:
        parts += [
            "<h2>Written by the team</h2>",
            f"<p>From <code>{_text(report['team_sections'])}</code>.</p>",
            f'<div class="team">{team_html}</div>',
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _flatten_data(data: dict[str, Any]) -> dict[str, Any]:
    window = data.get("window") or {}
    flat = {key: value for key, value in data.items() if key != "window"}
    flat.update({f"window {key}": value for key, value in window.items()})
    return flat


def write_model_card(
    settings: Settings, artifact_dir: Path, model: Any, X: pd.DataFrame, predictions: Predictions
) -> Path:
    """Write ``model_card.html`` (+ JSON, PNGs) of the artifact in ``artifact_dir``."""
    metrics = json.loads((artifact_dir / METRICS_FILE).read_text(encoding="utf-8"))
    metadata = json.loads((artifact_dir / METADATA_FILE).read_text(encoding="utf-8"))
    version = artifact_dir.name
    directory = settings.artifacts.reports_dir / version
    y = pd.Series(predictions.y_true, index=X.index)
    report = {
        "kind": "model_card",
        "model_version": version,
        "model_name": metadata.get("model_name", "unknown"),
        "task": settings.task,
        "created_at": metadata.get("created_at"),
        "rows": len(X),
        "rows_label": "validation rows, not trained on",
        "metrics": metrics["validation"],
        "intervals": metrics.get("validation_ci", {}),
        "confidence": metrics.get("confidence", settings.reports.confidence),
        "bootstrap_samples": settings.reports.bootstrap_samples,
        "baseline": metrics.get("baseline", {}),
        "data": {
            **_flatten_data(metadata.get("data", {})),
            "trained on rows": metrics.get("n_train"),
            "validation rows": metrics.get("n_validation"),
        },
        "libraries": metadata.get("libraries", {}),
        "team_sections": str(settings.reports.team_sections),
        **build_report(
            settings,
            "model_card",
            model=model,
            X=X,
            y=y,
            predictions=predictions,
            directory=directory,
        ),
    }
    write_json(directory / MODEL_CARD_JSON, report)
    path = directory / MODEL_CARD_HTML
    team = team_sections_html(settings.reports.team_sections)
    path.write_text(render_html(report, team), encoding="utf-8")
    return path
