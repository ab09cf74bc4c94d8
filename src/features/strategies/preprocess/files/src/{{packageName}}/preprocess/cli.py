"""The ``precompute`` and ``lookup`` commands of ``run.py`` (pre-process strategy)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from ..config import Settings
from ..data_loaders.data_loader import DEFAULT_CHUNK_SIZE
from ..errors import DataError
from .lookup import LookupTable
from .precompute import precompute

Command = Callable[[Settings, argparse.Namespace], dict[str, Any]]


def _chunk_size(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return int(text)


def add_commands(
    add_parser: Callable[..., argparse.ArgumentParser], common: Sequence[argparse.ArgumentParser]
) -> None:
    """Declare the commands with ``add_parser`` (the ``add_parser`` of run.py's subparsers)."""
    precompute_parser = add_parser(
        "precompute", parents=common, help="score every key into the lookup table"
    )
    precompute_parser.add_argument(
        "--model", default="latest", metavar="PATH_OR_latest", help="model to use"
    )
    precompute_parser.add_argument(
        "--input", metavar="FILE", help="rows to score (default: preprocess.keys_path)"
    )
    precompute_parser.add_argument(
        "--output", metavar="FILE", help="SQLite table (default: preprocess.table_path)"
    )
    precompute_parser.add_argument(
        "--chunk-size", type=_chunk_size, default=DEFAULT_CHUNK_SIZE, help="rows per batch"
    )
    lookup_parser = add_parser("lookup", parents=common, help="read a precomputed prediction")
    lookup_parser.add_argument("key", help="the key (data.id_column value)")
    lookup_parser.add_argument(
        "--table", metavar="FILE", help="SQLite table (default: preprocess.table_path)"
    )


def _run_precompute(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    result = precompute(settings, args.model, args.input, args.output, args.chunk_size)
    return {
        "table": str(result.table_path),
        "rows": result.rows,
        "model_version": result.model_version,
    }


def _run_lookup(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    with LookupTable(args.table or settings.preprocess.table_path) as table:
        found = table.get(args.key)
    if found is None:
        raise DataError(f"key {args.key!r} was not precomputed")
    return found


COMMANDS: dict[str, Command] = {"precompute": _run_precompute, "lookup": _run_lookup}
