"""Generate the small synthetic datasets shipped in notebooks/dummy_data/.

Deterministic (fixed seed): running it again produces the same files.

    python scripts/make_dummy_data.py [--output-dir notebooks/dummy_data] [--seed 7]

- classification.csv: customer churn (target ``churned``: "yes"/"no").
- regression.csv: house prices (target ``price``).
Both have an ``id`` column, numeric and categorical features, and a few missing values.
- classification_to_score.csv, regression_to_score.csv: new rows of the same kind without the
  target (ids from 100001 on), the unlabelled input of the scheduled batch job.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

DEFAULT_OUTPUT_DIR = Path(__file__).resolve().parents[1] / "notebooks" / "dummy_data"
DEFAULT_SEED = 7


def _with_missing(
    rng: np.random.Generator, frame: pd.DataFrame, rates: dict[str, float]
) -> pd.DataFrame:
    frame = frame.copy()
    for column, rate in rates.items():
        mask = rng.random(len(frame)) < rate
        frame[column] = frame[column].astype(object)
        frame.loc[mask, column] = None
    return frame


def make_classification(rng: np.random.Generator, rows: int = 600) -> pd.DataFrame:
    """Customer churn: short tenure, monthly contracts and many support calls churn more."""
    tenure = rng.integers(1, 73, rows)
    monthly = np.clip(rng.normal(70, 20, rows), 20, 130).round(2)
    total = (tenure * monthly * rng.uniform(0.9, 1.1, rows)).round(2)
    calls = rng.poisson(1.5, rows)
    age = rng.integers(18, 81, rows)
    contract = rng.choice(["month-to-month", "one-year", "two-year"], rows, p=[0.5, 0.3, 0.2])
    payment = rng.choice(["electronic_check", "credit_card", "bank_transfer"], rows)
    logit = (
        -1.2
        + 2.2 * (contract == "month-to-month")
        - 1.5 * (contract == "two-year")
        - 0.07 * (tenure - 36)
        + 0.04 * (monthly - 70)
        + 0.8 * (calls - 1.5)
        + 0.7 * (payment == "electronic_check")
    )
    churned = np.where(rng.random(rows) < 1 / (1 + np.exp(-logit)), "yes", "no")
    frame = pd.DataFrame(
        {
            "id": np.arange(1, rows + 1),
            "tenure_months": tenure,
            "monthly_charges": monthly,
            "total_charges": total,
            "support_calls": calls,
            "age": age,
            "contract_type": contract,
            "payment_method": payment,
            "churned": churned,
        }
    )
    return _with_missing(rng, frame, {"monthly_charges": 0.04, "age": 0.03, "payment_method": 0.03})


def make_regression(rng: np.random.Generator, rows: int = 500) -> pd.DataFrame:
    """House prices driven by size, rooms, age, distance, neighborhood and condition."""
    area = np.clip(rng.normal(110, 35, rows), 30, 300).round(1)
    bedrooms = np.clip(np.round(area / 35 + rng.normal(0, 0.7, rows)), 1, 6).astype(int)
    bathrooms = np.clip(np.round(bedrooms / 2 + rng.normal(0, 0.5, rows)), 1, 4).astype(int)
    age = rng.integers(0, 81, rows)
    distance = np.clip(rng.gamma(2.0, 4.0, rows), 0.5, 40).round(2)
    neighborhood = rng.choice(["downtown", "suburb", "rural"], rows, p=[0.3, 0.5, 0.2])
    condition = rng.choice(["poor", "fair", "good", "excellent"], rows, p=[0.1, 0.3, 0.4, 0.2])
    neighborhood_effect = pd.Series(neighborhood).map(
        {"downtown": 80_000, "suburb": 30_000, "rural": 0}
    )
    condition_effect = pd.Series(condition).map(
        {"poor": -30_000, "fair": 0, "good": 20_000, "excellent": 50_000}
    )
    price = (
        50_000
        + 2_500 * area
        + 8_000 * bedrooms
        + 10_000 * bathrooms
        - 800 * age
        - 4_000 * distance
        + neighborhood_effect.to_numpy()
        + condition_effect.to_numpy()
        + rng.normal(0, 25_000, rows)
    )
    frame = pd.DataFrame(
        {
            "id": np.arange(1, rows + 1),
            "area_sqm": area,
            "bedrooms": bedrooms,
            "bathrooms": bathrooms,
            "age_years": age,
            "distance_to_center_km": distance,
            "neighborhood": neighborhood,
            "condition": condition,
            "price": np.round(price, -2).astype(int),
        }
    )
    return _with_missing(
        rng, frame, {"age_years": 0.04, "distance_to_center_km": 0.03, "condition": 0.03}
    )


SCORING_ROWS = 100
SCORING_FIRST_ID = 100_001


def unlabelled(frame: pd.DataFrame, target: str) -> pd.DataFrame:
    """Rows to score: no target, and ids the labelled data never uses."""
    rows = frame.drop(columns=[target])
    rows["id"] = np.arange(SCORING_FIRST_ID, SCORING_FIRST_ID + len(rows))
    return rows


def generate(output_dir: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the datasets to ``output_dir`` and return their paths."""
    output_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    frames = {
        "classification.csv": make_classification(rng),
        "regression.csv": make_regression(rng),
    }
    # Drawn after the labelled data, from the same generator: those files stay as they were.
    frames["classification_to_score.csv"] = unlabelled(
        make_classification(rng, SCORING_ROWS), "churned"
    )
    frames["regression_to_score.csv"] = unlabelled(make_regression(rng, SCORING_ROWS), "price")
    paths = []
    for name, frame in frames.items():
        path = output_dir / name
        frame.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    for path in generate(args.output_dir, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
