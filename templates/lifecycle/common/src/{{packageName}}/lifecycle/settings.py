"""Settings of the model lifecycle (section ``lifecycle`` of the config files).

Kept apart from ``config.py`` so the lifecycle can be dropped as one folder; ``config.py``
only adds the section to :class:`Settings`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestSettings(_Section):
    """How a drop from ``data/updates`` is validated before it joins ``data/full_data``."""

    # A drop with a larger share of bad rows is refused as a whole (a broken export).
    max_bad_row_share: float = Field(default=0.1, ge=0.0, le=1.0)


class DriftSettings(_Section):
    """When a feature counts as drifted (any one test is enough)."""

    psi_threshold: float = Field(default=0.2, gt=0.0)
    p_value: float = Field(default=0.01, gt=0.0, lt=1.0)  # KS (numeric), chi-squared (categorical)
    bins: int = Field(default=10, ge=2)
    plots: bool = True  # one PNG per feature next to the report
    # Retraining is recommended when at least this many features drifted (or performance decayed).
    min_drifted_features: int = Field(default=1, ge=1)
    # Performance decay: the champion's primary metric on new labelled rows, compared with its
    # validation metric at training time; a relative loss beyond this share is decay.
    max_relative_decay: float = Field(default=0.1, ge=0.0)


class PromotionSettings(_Section):
    """The rule a challenger must pass to replace the champion."""

    metric: str | None = None  # None: the task's primary metric (f1_macro, rmse)
    min_gain: float = Field(default=0.0, ge=0.0)  # in the metric's unit, in its better direction
    min_rows: int = Field(default=30, ge=1)  # fewer evaluation rows: no decision, refused
    # The newest rows of full_data form the recent window; this share of it is kept out of
    # the challenger's training to score both models on.
    recent_rows: int = Field(default=200, ge=2)
    evaluation_share: float = Field(default=0.5, gt=0.0, lt=1.0)


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
