"""CSV files (``.csv``, ``.csv.gz``)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from .data_loader import DataLoader, register_loader


@register_loader
class CsvDataLoader(DataLoader):
    name = "csv"
    extensions = (".csv", ".csv.gz")

    def _read(self) -> pd.DataFrame:
        return pd.read_csv(self.path)

    def _iter_chunks(self, chunk_size: int) -> Iterator[pd.DataFrame]:
        with pd.read_csv(self.path, chunksize=chunk_size) as reader:
            yield from reader
