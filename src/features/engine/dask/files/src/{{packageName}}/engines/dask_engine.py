"""Dask dataframes on a distributed cluster: partitions are read and scored in parallel."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
from dask.base import compute
from distributed import Client, LocalCluster, default_client

from ..config import EngineSettings
from ..data_loaders.data_loader import DataLoader
from ..errors import DataError
from .base import NATIVE_FORMATS, BatchEngine, LabelledRows, ScoredRows, Scorer, check_file
from .pandas_engine import PandasEngine
from .parquet_parts import parquet_parts_to_csv, parts_dir_for, remove_parts


def _score_partition(partition: pd.DataFrame, score: Scorer, empty: pd.DataFrame) -> pd.DataFrame:
    # An empty partition (e.g. after a filter) has nothing to score; models reject 0 rows.
    return score(partition) if len(partition) else empty


def _current_client() -> Client | None:
    try:
        current: Client = default_client()
    except ValueError:  # none in this process
        return None
    return current


def _part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"  # zero-padded: name order is partition order


class DaskEngine(BatchEngine):
    """Connects to ``scheduler_address``, else uses this process's client (e.g. a notebook's
    or the tests'), else starts a local cluster for the job (and closes it after)."""

    name = "dask"

    def __init__(self, settings: EngineSettings) -> None:
        self.settings = settings
        self._client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._pandas = PandasEngine()  # for sources Dask does not read (SQL)

    def client(self) -> Client:
        if self._client is None:
            address = self.settings.scheduler_address
            shared = None if address else _current_client()
            if shared is not None:
                return shared  # not ours: left open
            if address:
                self._client = Client(address)
            else:
                self._cluster = LocalCluster(
                    n_workers=self.settings.workers,
                    threads_per_worker=self.settings.threads_per_worker,
                    processes=self.settings.processes,
                    memory_limit=self.settings.memory_limit,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def read(self, loader: DataLoader, numeric: Sequence[str]) -> dd.DataFrame:
        """A lazy frame of the loader's file, its columns checked, numeric columns as floats."""
        check_file(loader)
        path = str(loader.path)
        try:
            if loader.name == "parquet":
                frame = dd.read_parquet(path)
            else:
                compressed = path.lower().endswith(".gz")  # gzip cannot be split into blocks
                frame = dd.read_csv(
                    path,
                    blocksize=None if compressed else self.settings.blocksize,
                    compression="gzip" if compressed else None,
                    dtype=dict.fromkeys(numeric, "float64"),
                )
        except (OSError, ValueError) as exc:  # Dask reads a sample of the file here
            raise DataError(f"cannot read {loader.path}: {exc}") from None
        loader.check_schema(pd.DataFrame(columns=list(frame.columns)))
        lazy: dd.DataFrame = frame
        return lazy

    def labelled_rows(
        self, loader: DataLoader, target: str, numeric: Sequence[str] = ()
    ) -> LabelledRows:
        if loader.name not in NATIVE_FORMATS:
            return self._pandas.labelled_rows(loader, target, numeric)
        frame = self.read(loader, numeric)
        has_label = ~frame[target].isna()
        self.client()
        try:
            labelled, dropped = compute(frame[has_label], (~has_label).sum())
        except (OSError, ValueError) as exc:
            raise DataError(f"cannot read {loader.path}: {exc}") from None
        return LabelledRows(labelled.reset_index(drop=True), int(dropped))

    def write_predictions(
        self,
        loader: DataLoader,
        score: Scorer,
        destination: Path,
        chunk_size: int,
        numeric: Sequence[str] = (),
    ) -> ScoredRows:
        if loader.name not in NATIVE_FORMATS:
            return self._pandas.write_predictions(loader, score, destination, chunk_size)
        frame = self.read(loader, numeric)
        columns = list(frame.columns)
        self.client()
        parts = parts_dir_for(destination)
        remove_parts(parts)
        try:
            sample = frame.head(1)  # the first partition gives the output's column types
            if sample.empty:
                return ScoredRows(0, columns)
            meta = score(sample).iloc[:0]
            scorer = partial(_score_partition, score=score, empty=meta)
            scored = frame.map_partitions(scorer, meta=meta)
            scored.to_parquet(parts, write_index=False, name_function=_part_name)
            rows = parquet_parts_to_csv(parts, destination, chunk_size)
        except (OSError, ValueError) as exc:
            raise DataError(f"cannot read {loader.path}: {exc}") from None
        finally:
            remove_parts(parts)
        return ScoredRows(rows, columns)
