"""Join the Parquet part files a distributed engine wrote into one CSV, in part order.

Workers write typed Parquet parts in parallel; the driver then streams their record batches
into the CSV with the writer the pandas engine uses, so the CSV text is the same on every
engine and the driver's memory holds one batch at a time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq

from .csv_output import CsvOutput


def parts_dir_for(destination: Path) -> Path:
    """The scratch folder of the parts, next to the output (same filesystem)."""
    return destination.with_name(destination.name + ".parts")


def remove_parts(parts: Path) -> None:
    shutil.rmtree(parts, ignore_errors=True)


def parquet_parts_to_csv(parts: Path, destination: Path, chunk_size: int) -> int:
    """Append every row of ``parts/*.parquet`` (sorted by name) to ``destination``."""
    with CsvOutput(destination) as output:
        for part in sorted(parts.glob("*.parquet")):
            for batch in pq.ParquetFile(part).iter_batches(batch_size=chunk_size):
                output.write_batch(batch)
    return output.rows
