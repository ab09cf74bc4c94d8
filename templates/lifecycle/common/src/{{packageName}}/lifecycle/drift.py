"""Per-feature drift and performance decay, as a JSON report, a Markdown report and PNG plots.

The reference is the champion's own training data: the sample of the rows it was fit on that
its artifact keeps (``reference.csv``), so right after a retraining the report measures the
new data against what the serving model learned, not against the initial data. Without a
champion it is the historical data.

Numeric features: population stability index (PSI, on the reference's quantile bins) and the
two-sample Kolmogorov-Smirnov test. Categorical features: PSI over the categories and the
chi-squared test of the reference and current counts. One test per feature means several
tests at once, so the p-values are adjusted (``lifecycle.drift.correction``: Benjamini-Hochberg
or Bonferroni) before they are compared with ``lifecycle.drift.p_value``. A feature drifts when
its PSI exceeds ``psi_threshold`` or its adjusted p-value is below ``p_value``. Drifted
features recommend retraining unless the champion was already fit on at least
``learned_share`` of the current rows (it has learned that drift).

Decay scores the champion's primary metric on the current rows it was not fit on, with a
bootstrap interval, against its metric on the held-back recent rows it was promoted on (its
validation metric when it was never compared). It decays when the relative loss exceeds
``max_relative_decay`` and the whole interval is beyond that tolerance. ``drift.json``
follows ``drift_report.schema.json`` (next to this module) and ends with the retraining
decision the pipeline reads.
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
from ..jobs_extra import jobs_module
from ..models.common.artifact import REFERENCE_FILE, load_artifact, write_json
from ..pipelines.metrics import HIGHER_IS_BETTER, PRIMARY_METRIC, metrics_of, predictions_of
from ..pipelines.statistics import adjust_p_values, metric_intervals
from . import LifecycleRefusalError
from .backend import open_registry
from .ingest import bad_rows, clean_rows, initial_path, latest_merged_drop
from .registry import RegisteredModel
from .roots import reports_dir
from .training_rows import trained_on

logger = logging.getLogger(__name__)

REPORT_SCHEMA = Path(__file__).with_name("drift_report.schema.json")
REPORT_VERSION = 2
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
    # matplotlib (the jobs extra, not in the serving image) loads here: see numeric_drift.
    agg = jobs_module("matplotlib.backends.backend_agg")
    figure = jobs_module("matplotlib.figure").Figure(figsize=(5, 3), dpi=72)
    agg.FigureCanvasAgg(figure)  # render with Agg, whatever the default backend is
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


def decay(
    settings: Settings, current: pd.DataFrame, champion: RegisteredModel | None
) -> dict[str, Any] | None:
    """The champion's primary metric on labelled current rows it was not fit on, with its interval.

    None without a champion, without labelled rows, or when it was fit on all of them.
    """
    target = settings.data.target
    labelled = current[current[target].notna()] if target in current.columns else current.iloc[:0]
    if champion is None or labelled.empty:
        return None
    try:
        artifact = load_artifact(champion.version, settings.artifacts.models_dir)
    except ArtifactError:
        return None
    fitted = trained_on(settings, labelled, champion.version)
    unseen = labelled[~fitted]
    if unseen.empty:
        return None
    metric = PRIMARY_METRIC[settings.task]
    scored = predictions_of(
        settings.task, artifact.model, unseen[artifact.schema.feature_names], unseen[target]
    )
    value = float(metrics_of(settings.task, scored)[metric])
    reports = settings.reports
    interval = metric_intervals(
        settings.task, scored, reports.bootstrap_samples, reports.confidence, settings.training.seed
    ).get(metric)
    recent = champion.recent_metrics.get(metric)
    reference = float(recent if recent is not None else champion.metrics.get(metric, value))
    higher = metric in HIGHER_IS_BETTER
    sign = 1.0 if higher else -1.0
    relative = sign * (reference - value) / max(abs(reference), _EPSILON)
    tolerance = settings.lifecycle.drift.max_relative_decay
    limit = reference - sign * tolerance * abs(reference)  # the worst value still tolerated
    # Decay only when even the interval's best end is worse than the tolerated value.
    best = None if interval is None else (interval[1] if higher else interval[0])
    beyond = best is not None and (best < limit if higher else best > limit)
    return {
        "model_version": champion.version,
        "metric": metric,
        "reference": reference,
        "reference_source": "promotion" if recent is not None else "validation",
        "current": value,
        "interval": interval,
        "rows": len(unseen),
        "excluded_rows": int(fitted.sum()),
        "relative_loss": relative,
        "decayed": relative > tolerance and beyond,
    }


def _reference(
    settings: Settings, champion: RegisteredModel | None, reference_path: str | Path | None
) -> tuple[Path, pd.DataFrame]:
    """The data drift is measured against: given, the champion's training sample, or the initial."""
    if reference_path is None and champion is not None:
        sample = settings.artifacts.models_dir / champion.version / REFERENCE_FILE
        if sample.is_file():
            return sample, pd.read_csv(sample)
    source = Path(reference_path or initial_path(settings))
    return source, load_data(source, settings.data.format, settings.features.all)


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
        *[f"- Note: {note}" for note in report["notes"]],
        "",
        f"- p-values adjusted for {len(report['features'])} tests:"
        f" {report['thresholds']['correction'].replace('_', '-')}",
        f"- Champion fit on {report['champion_trained_share']:.0%} of the current rows",
        "",
        "| feature | kind | PSI | test | p-value | adjusted p-value | drifted |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for feature in report["features"]:
        lines.append(
            f"| {feature['name']} | {feature['kind']} | {feature['psi']:.3f} | {feature['test']}"
            f" | {feature['p_value']:.4f} | {feature['p_value_adjusted']:.4f}"
            f" | {'**yes**' if feature['drifted'] else 'no'} |"
        )
    found = report["decay"]
    if found:
        lines += [
            "",
            "## Performance decay",
            "",
            f"Champion `{found['model_version']}`: {found['metric']} {found['current']:.4f}"
            + (
                f" ({found['interval'][0]:.4f} to {found['interval'][1]:.4f})"
                if found["interval"]
                else ""
            )
            + f" on {found['rows']} labelled rows it was not fit on ({found['excluded_rows']} it"
            f" was fit on left out), {found['reference']:.4f} at {found['reference_source']}"
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


def _feature_drift(
    settings: Settings, reference: pd.DataFrame, current: pd.DataFrame, directory: Path
) -> list[dict[str, Any]]:
    """One entry per feature: PSI, its test, the adjusted p-value, drifted, and its plot."""
    thresholds = settings.lifecycle.drift
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
            features.append(
                {"name": name, "kind": kind, **result, "plot": plot.as_posix() if plot else None}
            )
    adjusted = adjust_p_values([f["p_value"] for f in features], thresholds.correction)
    for feature, p_adjusted in zip(features, adjusted, strict=True):
        feature["p_value_adjusted"] = p_adjusted
        feature["drifted"] = (
            feature["psi"] > thresholds.psi_threshold or p_adjusted < thresholds.p_value
        )
    return features


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
    champion = open_registry(settings).champion()
    reference_source, reference = _reference(settings, champion, reference_path)
    current = _current_frame(settings, current_source)
    if current.empty:
        raise LifecycleRefusalError(f"no valid rows to check in {current_source}")
    thresholds = settings.lifecycle.drift
    directory = Path(output_dir or reports_dir(settings) / "drift" / current_source.stem)
    features = _feature_drift(settings, reference, current, directory)
    drifted_names = [f["name"] for f in features if f["drifted"]]
    found = decay(settings, current, champion)
    labelled = settings.data.target in current.columns
    trained_share = (
        float(trained_on(settings, current, champion.version).mean())
        if champion is not None and labelled
        else 0.0
    )
    reasons, notes = [], []
    if len(drifted_names) >= thresholds.min_drifted_features:
        if trained_share >= thresholds.learned_share:
            notes.append(
                f"drift already learned: the champion was fit on {trained_share:.0%} of these"
                f" rows (learned_share: {thresholds.learned_share:.0%})"
            )
        else:
            reasons.append(f"{len(drifted_names)} drifted feature(s): {', '.join(drifted_names)}")
    if found and found["decayed"]:
        reasons.append(f"{found['metric']} decayed by {found['relative_loss']:.1%}")
    if champion is None:
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
        "champion_trained_share": trained_share,
        "decay": found,
        "retraining_recommended": bool(reasons),
        "reasons": reasons,
        "notes": notes,
    }
    json_path = write_json(directory / "drift.json", report)
    markdown_path = directory / "drift.md"
    markdown_path.write_text(_markdown(report), encoding="utf-8")
    logger.info("drift report", extra={"drifted": drifted_names, "report": str(json_path)})
    return DriftResult(report=report, json_path=json_path, markdown_path=markdown_path)
