"""pandas, chunk by chunk: memory stays flat because one chunk is in memory at a time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..data_loaders.data_loader import DataLoader
from .base import BatchEngine, LabelledRows, ScoredRows, Scorer


class PandasEngine(BatchEngine):
    """The single-process engine; distributed engines use it for sources they cannot read."""

    name = "pandas"

    def close(self) -> None:
        """Nothing to release: pandas runs in this process."""

    def labelled_rows(
        self, loader: DataLoader, target: str, numeric: Sequence[str] = ()
    ) -> LabelledRows:
        del numeric  # pandas infers each column's type from the whole file
        frame = loader.load()
        labelled = frame[frame[target].notna()]
        return LabelledRows(labelled, len(frame) - len(labelled))

    def write_predictions(
        self,
        loader: DataLoader,
        score: Scorer,
        destination: Path,
        chunk_size: int,
        numeric: Sequence[str] = (),
    ) -> ScoredRows:
        del numeric  # the model's schema checks each chunk's numeric columns
        rows = 0
        columns: list[str] = []
        for chunk in loader.iter_chunks(chunk_size):
            columns = list(chunk.columns)
            if chunk.empty:
                continue
            predictions = score(chunk)
            predictions.to_csv(destination, mode="a" if rows else "w", header=not rows, index=False)
            rows += len(predictions)
        return ScoredRows(rows, columns)
