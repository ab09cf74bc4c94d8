"""Generate the sample update drops shipped in data/updates/ (seed 003's daily drops).

Deterministic (fixed seeds): running it again produces the same files.

    python scripts/make_update_drops.py --task classification [--output-dir data/updates]

Three drops continue the ids of the sample data in notebooks/dummy_data/:

- ``2024-07-01.csv``: clean, drawn like the sample data; it joins data/full_data.
- ``2024-07-02.csv``: drifted: prices moved out of the historical range and the label's
  relation to them changed, so the drift report flags it and a retrained challenger wins.
- ``2024-07-03.csv``: a schema error: a numeric column exported with thousands separators;
  ingestion quarantines it with a report.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

DEFAULT_OUTPUT_DIR = Path(__file__).resolve().parents[1] / "data" / "updates"
FIRST_ID = {"classification": 601, "regression": 501}
ROWS = {"2024-07-01.csv": 150, "2024-07-02.csv": 150, "2024-07-03.csv": 40}


def _missing(rng: np.random.Generator, frame: pd.DataFrame, column: str, rate: float) -> None:
    frame[column] = frame[column].astype(object)
    frame.loc[rng.random(len(frame)) < rate, column] = None


def churn(rng: np.random.Generator, first_id: int, rows: int, drifted: bool) -> pd.DataFrame:
    """Customer churn like make_dummy_data.py's; drifted: a price rise nobody churns over."""
    tenure = rng.integers(1, 73, rows)
    center, low, high = (165, 135, 220) if drifted else (70, 20, 130)
    monthly = np.clip(rng.normal(center, 20, rows), low, high).round(2)
    total = (tenure * monthly * rng.uniform(0.9, 1.1, rows)).round(2)
    calls = rng.poisson(1.5, rows)
    contract_p = [0.8, 0.15, 0.05] if drifted else [0.5, 0.3, 0.2]
    contract = rng.choice(["month-to-month", "one-year", "two-year"], rows, p=contract_p)
    payment = rng.choice(["electronic_check", "credit_card", "bank_transfer"], rows)
    if drifted:
        logit = -2.0 + 0.3 * (calls - 1.5) - 0.02 * (tenure - 36)
    else:
        logit = (
            -1.2
            + 2.2 * (contract == "month-to-month")
            - 1.5 * (contract == "two-year")
            - 0.07 * (tenure - 36)
            + 0.04 * (monthly - 70)
            + 0.8 * (calls - 1.5)
            + 0.7 * (payment == "electronic_check")
        )
    frame = pd.DataFrame(
        {
            "id": np.arange(first_id, first_id + rows),
            "tenure_months": tenure,
            "monthly_charges": monthly,
            "total_charges": total,
            "support_calls": calls,
            "age": rng.integers(18, 81, rows),
            "contract_type": contract,
            "payment_method": payment,
            "churned": np.where(rng.random(rows) < 1 / (1 + np.exp(-logit)), "yes", "no"),
        }
    )
    _missing(rng, frame, "monthly_charges", 0.03)
    return frame


def houses(rng: np.random.Generator, first_id: int, rows: int, drifted: bool) -> pd.DataFrame:
    """House prices like make_dummy_data.py's; drifted: large houses at a lower price per m2."""
    center, low, high = (340, 250, 450) if drifted else (110, 30, 300)
    area = np.clip(rng.normal(center, 35, rows), low, high).round(1)
    bedrooms = np.clip(np.round(area / 35 + rng.normal(0, 0.7, rows)), 1, 6).astype(int)
    bathrooms = np.clip(np.round(bedrooms / 2 + rng.normal(0, 0.5, rows)), 1, 4).astype(int)
    age = rng.integers(0, 81, rows)
    distance = np.clip(rng.gamma(2.0, 4.0, rows), 0.5, 40).round(2)
    hood_p = [0.6, 0.3, 0.1] if drifted else [0.3, 0.5, 0.2]
    neighborhood = rng.choice(["downtown", "suburb", "rural"], rows, p=hood_p)
    condition = rng.choice(["poor", "fair", "good", "excellent"], rows, p=[0.1, 0.3, 0.4, 0.2])
    hood_effect = pd.Series(neighborhood).map({"downtown": 80_000, "suburb": 30_000, "rural": 0})
    condition_effect = pd.Series(condition).map(
        {"poor": -30_000, "fair": 0, "good": 20_000, "excellent": 50_000}
    )
    per_sqm = 1_000 if drifted else 2_500
    price = (
        50_000
        + per_sqm * area
        + 8_000 * bedrooms
        + 10_000 * bathrooms
        - 800 * age
        - 4_000 * distance
        + hood_effect.to_numpy()
        + condition_effect.to_numpy()
        + rng.normal(0, 25_000, rows)
    )
    frame = pd.DataFrame(
        {
            "id": np.arange(first_id, first_id + rows),
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
    _missing(rng, frame, "age_years", 0.03)
    return frame


def make_drops(task: str) -> dict[str, pd.DataFrame]:
    """The three drops of ``task``, by file name."""
    make = churn if task == "classification" else houses
    first = FIRST_ID[task]
    drops: dict[str, pd.DataFrame] = {}
    for index, (name, rows) in enumerate(ROWS.items()):
        rng = np.random.default_rng(20240701 + index)
        drops[name] = make(rng, first, rows, drifted=name == "2024-07-02.csv")
        first += rows
    broken = drops["2024-07-03.csv"]
    column = "total_charges" if task == "classification" else "price"
    broken[column] = [f"{value:,.2f}" for value in broken[column]]
    return drops


def generate(output_dir: Path, task: str) -> list[Path]:
    output_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in make_drops(task).items():
        path = output_dir / name
        frame.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--task", choices=sorted(FIRST_ID), required=True)
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR)
    args = parser.parse_args(argv)
    for path in generate(args.output_dir, args.task):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
