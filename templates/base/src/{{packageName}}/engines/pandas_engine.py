"""pandas, chunk by chunk: memory stays flat because one chunk is in memory at a time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..data_loaders.data_loader import DataLoader
from .base import BatchEngine, LabelledRows, ScoredRows, Scorer
from .csv_output import CsvOutput


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
        columns: list[str] = []
        with CsvOutput(destination) as output:
            for chunk in loader.iter_chunks(chunk_size):
                columns = list(chunk.columns)
                if not chunk.empty:
                    output.write_frame(score(chunk))
        return ScoredRows(output.rows, columns)
