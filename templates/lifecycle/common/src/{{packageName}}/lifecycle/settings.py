"""Settings of the model lifecycle (section ``lifecycle`` of the config files).

Kept apart from ``config.py`` so the lifecycle can be dropped as one folder; ``config.py``
only adds the section to :class:`Settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestSettings(_Section):
    """How a drop from ``data/updates`` is validated before it joins ``data/full_data``."""

    # A drop with a larger share of bad rows is refused as a whole (a broken export).
    max_bad_row_share: float = Field(default=0.1, ge=0.0, le=1.0)


class DriftSettings(_Section):
    """When a feature counts as drifted, against the champion's own training data.

    The reference is the sample of its training rows the champion's artifact keeps
    (``reference.csv``); without a champion, the historical data. One test per feature, so
    the p-values are corrected for testing several features at once (``correction``).
    """

    psi_threshold: float = Field(default=0.2, gt=0.0)
    p_value: float = Field(default=0.01, gt=0.0, lt=1.0)  # after the correction below
    # benjamini_hochberg: controls the share of false alarms among the flagged features;
    # bonferroni: controls the chance of any false alarm (stricter, flags fewer).
    # (pipelines/statistics.py: adjust_p_values; not imported here, config.py imports this.)
    correction: Literal["benjamini_hochberg", "bonferroni"] = "benjamini_hochberg"
    bins: int = Field(default=10, ge=2)
    plots: bool = True  # one PNG per feature next to the report
    # Retraining is recommended when at least this many features drifted (or performance decayed).
    min_drifted_features: int = Field(default=1, ge=1)
    # Drift the champion already trained on is no reason to retrain: when it was fit on at
    # least this share of the current rows, drifted features alone recommend nothing.
    learned_share: float = Field(default=0.25, gt=0.0, le=1.0)
    # Performance decay: the champion's primary metric on current rows it was not fit on,
    # against its metric on the held-back recent rows when it was promoted; decay is a
    # relative loss beyond this share, with the whole confidence interval beyond it.
    max_relative_decay: float = Field(default=0.1, ge=0.0)


class PromotionSettings(_Section):
    """The rule a challenger must pass to replace the champion."""

    metric: str | None = None  # None: the task's primary metric (f1_macro, rmse)
    # The lower bound of the gain's confidence interval must be above this (metric's unit).
    min_gain: float = Field(default=0.0, ge=0.0)
    # Fewer evaluation rows (after leaving out every row either model was fit on): refused.
    min_rows: int = Field(default=50, ge=1)
    # The newest rows of full_data form the recent window; this share of it is kept out of
    # the challenger's training to score both models on.
    recent_rows: int = Field(default=200, ge=2)
    evaluation_share: float = Field(default=0.5, gt=0.0, lt=1.0)
    bootstrap_samples: int = Field(default=1000, ge=100)  # paired resamples of the rows
    confidence: float = Field(default=0.95, gt=0.5, lt=1.0)


class GateSettings(_Section):
    """The evaluation gate: a candidate is promotable only when it beats the stored baseline.

    The baseline is the constant predictor (majority class, mean) that training scores on the
    same validation rows and stores in the artifact's ``metrics.json`` (``baseline``).
    """

    # False only where the configured model is the baseline itself (the naive model).
    enabled: bool = True
    metric: str | None = None  # None: the task's primary metric (f1_macro, rmse)
    # The candidate must beat the baseline by more than this, in the metric's better direction.
    min_margin: float = Field(default=0.0, ge=0.0)


class LifecycleSettings(_Section):
    """Where drops, the joined data, the quarantine and the registry live.

    ``registry_dir`` and ``reports_dir`` default to folders under ``artifacts.dir``, so every
    environment (``artifacts/staging``, ...) has its own registry and reports; see ``roots.py``.
    """

    initial_path: Path | None = None  # the historical database; None: data.raw_path
    updates_dir: Path = Path("data/updates")
    full_data_path: Path = Path("data/full_data/full_data.csv")
    quarantine_dir: Path = Path("data/quarantine")
    registry_dir: Path | None = None  # None: <artifacts.dir>/registry
    reports_dir: Path | None = None  # None: <artifacts.dir>/reports/lifecycle
    lock_timeout_s: float = Field(default=60.0, gt=0.0)  # waiting for the registry lock
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    drift: DriftSettings = Field(default_factory=DriftSettings)
    gate: GateSettings = Field(default_factory=GateSettings)
    promotion: PromotionSettings = Field(default_factory=PromotionSettings)
