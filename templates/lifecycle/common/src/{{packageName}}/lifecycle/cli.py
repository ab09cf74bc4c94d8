"""The lifecycle's ``run.py`` subcommands: ingest, drift, retrain, promote, rollback, registry.

Each returns the JSON summary ``run.py`` prints; a refusal raises :class:`LifecycleRefusalError`,
which ``run.py`` turns into exit code 1 and one ``error:`` line with the reason.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from ..config import Settings
from . import LifecycleRefusalError
from .backend import open_registry
from .drift import drift_report
from .ingest import ingest
from .promotion import evaluate_challenger, retrain

Handler = Callable[[Settings, argparse.Namespace], dict[str, Any]]


def add_lifecycle_parsers(subparsers: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add the subcommands to ``run.py``'s parser (their handlers: ``LIFECYCLE_COMMANDS``)."""
    ingest_parser = subparsers.add_parser(
        "ingest",
        parents=list(parents),
        help="merge update drops into full_data (quarantine bad rows)",
    )
    ingest_parser.add_argument("--drop", metavar="FILE", help="one drop (default: every pending)")
    drift_parser = subparsers.add_parser(
        "drift", parents=list(parents), help="drift and decay report of the newest drop"
    )
    drift_parser.add_argument("--current", metavar="FILE", help="data to check (default: newest)")
    drift_parser.add_argument("--reference", metavar="FILE", help="reference (default: initial)")
    drift_parser.add_argument("--output", metavar="DIR", help="report directory")
    subparsers.add_parser("retrain", parents=list(parents), help="train a challenger on full_data")
    promote_parser = subparsers.add_parser(
        "promote", parents=list(parents), help="champion/challenger evaluation; promote by rule"
    )
    promote_parser.add_argument("--challenger", metavar="VERSION", help="default: newest candidate")
    promote_parser.add_argument("--data", metavar="FILE", help="default: the recent rows")
    subparsers.add_parser("rollback", parents=list(parents), help="restore the previous champion")
    subparsers.add_parser(
        "registry", parents=list(parents), help="list registered models and stages"
    )


def _run_ingest(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    results = ingest(settings, args.drop)
    return {"drops": [asdict(result) for result in results]}


def _run_drift(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    result = drift_report(settings, args.current, args.reference, args.output)
    return {
        "report": str(result.json_path),
        "markdown": str(result.markdown_path),
        "drifted_features": result.report["drifted_features"],
        "retraining_recommended": result.report["retraining_recommended"],
        "reasons": result.report["reasons"],
    }


def _run_retrain(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    result = retrain(settings)
    return {**asdict(result), "stage": "candidate"}


def _run_promote(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    result = evaluate_challenger(settings, args.challenger, args.data)
    if not result.promoted:
        raise LifecycleRefusalError(f"{result.reason}; report: {result.report_path}")
    return {
        "decision": result.decision,
        "champion": result.challenger,
        "previous_champion": result.champion,
        "reason": result.reason,
        "report": str(result.report_path),
    }


def _run_rollback(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    restored = open_registry(settings).rollback()
    return {"champion": restored.version}


def _run_registry(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    models = open_registry(settings).models()
    return {
        "models": [
            {
                "version": m.version,
                "stage": m.stage,
                "promotable": m.gate.get("passed"),  # the evaluation gate at registration
                "metrics": m.metrics,
            }
            for m in models
        ]
    }


LIFECYCLE_COMMANDS: dict[str, Handler] = {
    "ingest": _run_ingest,
    "drift": _run_drift,
    "retrain": _run_retrain,
    "promote": _run_promote,
    "rollback": _run_rollback,
    "registry": _run_registry,
}
