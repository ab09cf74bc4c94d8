"""Pick a data loader by explicit format name or by file extension.

Loaders register themselves when their module is imported. To remove a format, delete its
module and its ONE line in the `from . import (...)` below.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import DataError
from . import (
    csv_data_loader,  # loader: csv
    parquet_data_loader,  # loader: parquet
)
from .data_loader import LOADERS, DataLoader


def supported_formats() -> list[str]:
    return sorted(LOADERS)


def get_loader(
    path: str | Path, fmt: str = "auto", required_columns: Sequence[str] = ()
) -> DataLoader:
    """Return a loader for ``path``.

    Args:
        path: the file to read.
        fmt: a registered format name (``csv``, ``parquet``...) or ``auto`` to use the
            file extension.
        required_columns: columns that must be present.
    """
    path = Path(path)
    if fmt != "auto":
        try:
            return LOADERS[fmt](path, required_columns)
        except KeyError:
            raise DataError(
                f"unsupported data format {fmt!r} (supported: {supported_formats()})"
            ) from None
    name = path.name.lower()
    for loader_cls in LOADERS.values():
        if any(name.endswith(extension) for extension in loader_cls.extensions):
            return loader_cls(path, required_columns)
    raise DataError(
        f"cannot infer data format of {path} from its extension (supported: {supported_formats()})"
    )


def load_data(
    path: str | Path, fmt: str = "auto", required_columns: Sequence[str] = ()
) -> pd.DataFrame:
    """Load ``path`` with the matching loader."""
    return get_loader(path, fmt, required_columns).load()


def write_data(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as Parquet (``.parquet``/``.pq``) or CSV (anything else)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in {".parquet", ".pq"}:
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return path
