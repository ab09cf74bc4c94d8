"""Per-feature drift and performance decay, as a JSON report, a Markdown report and PNG plots.

Numeric features: population stability index (PSI, on the reference's quantile bins) and the
two-sample Kolmogorov-Smirnov test. Categorical features: PSI over the categories and the
chi-squared test of the reference and current counts. A feature drifts when its PSI exceeds
``lifecycle.drift.psi_threshold`` or its test's p-value is below ``lifecycle.drift.p_value``.
Decay compares the champion's primary metric on newly labelled rows with its validation
metric from training. ``drift.json`` follows ``drift_report.schema.json`` (next to this
module) and ends with the retraining decision the pipeline reads.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..config import Settings
from ..data_loaders import load_data
from ..errors import ArtifactError
from ..models.common.artifact import load_artifact, write_json
from ..pipelines.metrics import HIGHER_IS_BETTER, PRIMARY_METRIC, compute_metrics
from . import LifecycleRefusalError
from .backend import open_registry
from .ingest import bad_rows, clean_rows, initial_path, latest_merged_drop
from .roots import reports_dir

logger = logging.getLogger(__name__)

REPORT_SCHEMA = Path(__file__).with_name("drift_report.schema.json")
REPORT_VERSION = 1
_EPSILON = 1e-9


@dataclass(frozen=True)
class DriftResult:
    report: dict[str, Any]
    json_path: Path
    markdown_path: Path


def psi(reference: np.ndarray[Any, Any], current: np.ndarray[Any, Any]) -> float:
    """Population stability index of two count vectors over the same bins.

    Half a row is added to every bin so an empty bin does not make the index infinite.
    """
    ref = (reference + 0.5) / (reference.sum() + 0.5 * len(reference))
    cur = (current + 0.5) / (current.sum() + 0.5 * len(current))
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def numeric_drift(reference: pd.Series, current: pd.Series, bins: int) -> dict[str, Any]:
    ref = pd.to_numeric(reference, errors="coerce").dropna().to_numpy(dtype=float)
    cur = pd.to_numeric(current, errors="coerce").dropna().to_numpy(dtype=float)
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, bins + 1)))
    edges[0], edges[-1] = -np.inf, np.inf
    # SciPy's stats and matplotlib load here, not at import: every run.py command imports this
    # module, and they cost the other commands half a second each.
    # pylint: disable-next=import-outside-toplevel
    from scipy import stats  # noqa: PLC0415 - loaded only by a drift report

    ks = stats.ks_2samp(ref, cur)
    return {
        "psi": psi(np.histogram(ref, edges)[0], np.histogram(cur, edges)[0]),
        "test": "kolmogorov_smirnov",
        "statistic": float(ks.statistic),
        "p_value": float(ks.pvalue),
    }


def categorical_drift(reference: pd.Series, current: pd.Series) -> dict[str, Any]:
    # Missing values are left out, as for numeric features (imputation handles them).
    ref, cur = reference.dropna().astype(str), current.dropna().astype(str)
    categories = sorted(set(ref) | set(cur))
    ref_counts = ref.value_counts().reindex(categories, fill_value=0).to_numpy(dtype=float)
    cur_counts = cur.value_counts().reindex(categories, fill_value=0).to_numpy(dtype=float)
    if len(categories) > 1:
        # pylint: disable-next=import-outside-toplevel
        from scipy import stats  # noqa: PLC0415 - loaded only by a drift report

        chi2 = stats.chi2_contingency(np.vstack([ref_counts, cur_counts]))
        statistic, p_value = float(chi2.statistic), float(chi2.pvalue)
    else:
        statistic, p_value = 0.0, 1.0
    return {
        "psi": psi(ref_counts, cur_counts),
        "test": "chi_squared",
        "statistic": statistic,
        "p_value": p_value,
    }


def _plot(name: str, kind: str, reference: pd.Series, current: pd.Series, path: Path) -> None:
    # pylint: disable=import-outside-toplevel
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415 - see numeric_drift
    from matplotlib.figure import Figure  # noqa: PLC0415 - see numeric_drift

    figure = Figure(figsize=(5, 3), dpi=72)
    FigureCanvasAgg(figure)  # render with Agg, whatever the default backend is
    axes = figure.add_subplot()
    if kind == "numeric":
        ref = pd.to_numeric(reference, errors="coerce").dropna()
        cur = pd.to_numeric(current, errors="coerce").dropna()
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins=20).tolist()
        axes.hist(ref, bins=edges, density=True, alpha=0.5, label="reference")
        axes.hist(cur, bins=edges, density=True, alpha=0.5, label="current")
    else:
        ref_share = reference.dropna().astype(str).value_counts(normalize=True)
        cur_share = current.dropna().astype(str).value_counts(normalize=True)
        shares = pd.DataFrame({"reference": ref_share, "current": cur_share}).fillna(0.0)
        positions = np.arange(len(shares))
        axes.bar(positions - 0.2, shares["reference"], width=0.4, label="reference")
        axes.bar(positions + 0.2, shares["current"], width=0.4, label="current")
        axes.set_xticks(positions, [str(label) for label in shares.index], rotation=20)
    axes.set_title(name)
    axes.legend()
    figure.subplots_adjust(bottom=0.2)  # room for the category labels
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")


def decay(settings: Settings, current: pd.DataFrame) -> dict[str, Any] | None:
    """The champion's primary metric on labelled current rows against its validation metric."""
    target = settings.data.target
    champion = open_registry(settings).champion()
    labelled = current[current[target].notna()] if target in current.columns else current.iloc[:0]
    if champion is None or labelled.empty:
        return None
    try:
        artifact = load_artifact(champion.version, settings.artifacts.models_dir)
    except ArtifactError:
        return None
    metric = PRIMARY_METRIC[settings.task]
    schema = artifact.schema
    scores = compute_metrics(
        settings.task, artifact.model, labelled[schema.feature_names], labelled[target]
    )
    reference = float(champion.metrics.get(metric, scores[metric]))
    value = float(scores[metric])
    sign = 1.0 if metric in HIGHER_IS_BETTER else -1.0
    relative = sign * (reference - value) / max(abs(reference), _EPSILON)
    return {
        "model_version": champion.version,
        "metric": metric,
        "reference": reference,
        "current": value,
        "rows": len(labelled),
        "relative_loss": relative,
        "decayed": relative > settings.lifecycle.drift.max_relative_decay,
    }


def _markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Drift report",
        "",
        f"- Reference: `{report['reference']['path']}` ({report['reference']['rows']} rows)",
        f"- Current: `{report['current']['path']}` ({report['current']['rows']} rows)",
        f"- Generated at: {report['generated_at']}",
        f"- Drifted features: {', '.join(report['drifted_features']) or 'none'}",
        f"- Retraining recommended: **{'yes' if report['retraining_recommended'] else 'no'}**",
        *[f"  - {reason}" for reason in report["reasons"]],
        "",
        "| feature | kind | PSI | test | p-value | drifted |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for feature in report["features"]:
        lines.append(
            f"| {feature['name']} | {feature['kind']} | {feature['psi']:.3f} | {feature['test']}"
            f" | {feature['p_value']:.4f} | {'**yes**' if feature['drifted'] else 'no'} |"
        )
    found = report["decay"]
    if found:
        lines += [
            "",
            "## Performance decay",
            "",
            f"Champion `{found['model_version']}`: {found['metric']} {found['current']:.4f} on"
            f" {found['rows']} labelled rows, {found['reference']:.4f} at training"
            f" (relative loss {found['relative_loss']:.1%}; decayed: {found['decayed']}).",
        ]
    lines += ["", "## Distributions", ""]
    lines += [f"![{f['name']}]({f['plot']})" for f in report["features"] if f["plot"]]
    return "\n".join(lines) + "\n"


def _current_frame(settings: Settings, current_path: Path) -> pd.DataFrame:
    frame = load_data(current_path, settings.data.format, settings.features.all)
    if settings.data.target in frame.columns:
        frame = frame[bad_rows(frame, settings, set()) == ""]  # the rows ingestion kept
        return clean_rows(frame, settings)
    return frame


def drift_report(
    settings: Settings,
    current_path: str | Path | None = None,
    reference_path: str | Path | None = None,
    output_dir: str | Path | None = None,
) -> DriftResult:
    """Compare the current data (default: the newest merged drop) with the reference."""
    current_source = Path(current_path) if current_path else latest_merged_drop(settings)
    if current_source is None:
        raise LifecycleRefusalError("no merged drop to check: run `ingest` first or pass --current")
    reference_source = Path(reference_path or initial_path(settings))
    reference = load_data(reference_source, settings.data.format, settings.features.all)
    current = _current_frame(settings, current_source)
    if current.empty:
        raise LifecycleRefusalError(f"no valid rows to check in {current_source}")
    thresholds = settings.lifecycle.drift
    directory = Path(output_dir or reports_dir(settings) / "drift" / current_source.stem)
    features = []
    for kind, names in (
        ("numeric", settings.features.numeric),
        ("categorical", settings.features.categorical),
    ):
        for name in names:
            if kind == "numeric":
                result = numeric_drift(reference[name], current[name], thresholds.bins)
            else:
                result = categorical_drift(reference[name], current[name])
            plot = Path("plots") / f"{name}.png" if thresholds.plots else None
            if plot is not None:
                _plot(name, kind, reference[name], current[name], directory / plot)
            drifted = (
                result["psi"] > thresholds.psi_threshold or result["p_value"] < thresholds.p_value
            )
            features.append(
                {
                    "name": name,
                    "kind": kind,
                    **result,
                    "drifted": drifted,
                    "plot": plot.as_posix() if plot else None,
                }
            )
    drifted_names = [f["name"] for f in features if f["drifted"]]
    found = decay(settings, current)
    reasons = []
    if len(drifted_names) >= thresholds.min_drifted_features:
        reasons.append(f"{len(drifted_names)} drifted feature(s): {', '.join(drifted_names)}")
    if found and found["decayed"]:
        reasons.append(f"{found['metric']} decayed by {found['relative_loss']:.1%}")
    if open_registry(settings).champion() is None:
        reasons.append("no champion yet")
    report = {
        "report_version": REPORT_VERSION,
        "generated_at": datetime.now(timezone.utc).isoformat(),
        "task": settings.task,
        "reference": {"path": str(reference_source), "rows": len(reference)},
        "current": {"path": str(current_source), "rows": len(current)},
        "thresholds": thresholds.model_dump(),
        "features": features,
        "drifted_features": drifted_names,
        "decay": found,
        "retraining_recommended": bool(reasons),
        "reasons": reasons,
    }
    json_path = write_json(directory / "drift.json", report)
    markdown_path = directory / "drift.md"
    markdown_path.write_text(_markdown(report), encoding="utf-8")
    logger.info("drift report", extra={"drifted": drifted_names, "report": str(json_path)})
    return DriftResult(report=report, json_path=json_path, markdown_path=markdown_path)
