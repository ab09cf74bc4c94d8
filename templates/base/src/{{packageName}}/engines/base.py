"""The one interface the batch jobs run on: read rows, score them, write predictions."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pandas as pd

from ..data_loaders.data_loader import DataLoader, missing_data_hint
from ..errors import DataError

# A pure function from a frame of input rows to a frame of predictions, applied per chunk or
# partition. It must be picklable: distributed engines ship it to their workers.
Scorer = Callable[[pd.DataFrame], pd.DataFrame]

# Loaders whose files distributed engines read natively; other sources (SQL) are streamed
# through the loader itself.
NATIVE_FORMATS = frozenset({"csv", "parquet"})


@dataclass(frozen=True)
class ScoredRows:
    """What :meth:`BatchEngine.write_predictions` wrote."""

    rows: int
    input_columns: list[str]


@dataclass(frozen=True)
class LabelledRows:
    """The rows of a source that have a label, and how many did not."""

    frame: pd.DataFrame
    dropped: int


class BatchEngine(ABC):
    """Runs the processing and inference jobs on one engine (pandas, Dask or Spark)."""

    name: ClassVar[str]

    @abstractmethod
    def labelled_rows(
        self, loader: DataLoader, target: str, numeric: Sequence[str] = ()
    ) -> LabelledRows:
        """Read ``loader``'s rows, check its columns and keep the rows with a ``target`` value.

        ``numeric`` names the columns that must hold numbers (distributed engines read them as
        floats, so every partition agrees on their type).

        The result is one pandas frame: scikit-learn trains in memory, so the training data
        must fit in memory whatever the engine.
        """

    @abstractmethod
    def write_predictions(
        self,
        loader: DataLoader,
        score: Scorer,
        destination: Path,
        chunk_size: int,
        numeric: Sequence[str] = (),
    ) -> ScoredRows:
        """Score every row of ``loader`` and write them as one CSV file ``destination``.

        ``destination`` is a scratch file: the caller renames it into place, so a failed run
        never leaves a half-written output behind. Rows keep the input order, so the same input
        and model give the same file.
        """

    @abstractmethod
    def close(self) -> None:
        """Release what the engine started (a cluster, a session)."""

    def __enter__(self) -> BatchEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def check_file(loader: DataLoader) -> None:
    """Raise :class:`DataError` when the loader's file is missing (engines read it directly)."""
    if not Path(loader.path).is_file():
        raise DataError(f"data file not found: {loader.path}{missing_data_hint(loader.path)}")
