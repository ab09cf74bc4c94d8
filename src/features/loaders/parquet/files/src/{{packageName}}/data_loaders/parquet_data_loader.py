"""Parquet files (``.parquet``, ``.pq``) read with pyarrow."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .data_loader import DataLoader, register_loader


@register_loader
class ParquetDataLoader(DataLoader):
    name = "parquet"
    extensions = (".parquet", ".pq")

    def _read(self) -> pd.DataFrame:
        try:
            table = pq.read_table(self.path)
        except pa.ArrowException as exc:
            raise ValueError(str(exc)) from None
        frame: pd.DataFrame = table.to_pandas()
        return frame

    def _iter_chunks(self, chunk_size: int) -> Iterator[pd.DataFrame]:
        try:
            parquet_file = pq.ParquetFile(self.path)
            for batch in parquet_file.iter_batches(batch_size=chunk_size):
                frame: pd.DataFrame = batch.to_pandas()
                yield frame
        except pa.ArrowException as exc:
            raise ValueError(str(exc)) from None
