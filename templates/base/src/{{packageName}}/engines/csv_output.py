"""The predictions CSV, built with pyarrow compute kernels: the same bytes from every engine.

pandas' ``to_csv`` formats each number in Python, which was most of a 1M-row batch job's time
(3.2 s of 6.3 s); these kernels write the same rows in a sixth of that. The text is pandas'
except for numbers, written in their shortest round-trip form (``100``, not ``100.0``), and
dates, in Arrow's ISO form. A value is quoted only when it holds a comma, a quote or a line
break, whatever its column's type (an id read as text by one engine and as a number by another
gives the same line), and missing values (NaN too) are empty. pyarrow's own CSV writer quotes
every string instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import pandas as pd

from ..jobs_extra import jobs_module

NEEDS_QUOTES = r'[",\r\n]'


def header_line(columns: Sequence[str]) -> bytes:
    """The header row, quoted only where a name needs it (as pandas writes it)."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(columns)
    return text.getvalue().encode("utf-8")


class CsvOutput:
    """Append frames (or Arrow record batches) to one CSV file, created by the first write (so
    an input with no rows leaves no file), which also writes the header."""

    def __init__(self, destination: Path) -> None:
        self._pa = jobs_module("pyarrow")
        self._pc = jobs_module("pyarrow.compute")
        text = self._pa.large_string()
        self._quote, self._empty = self._pa.scalar('"', text), self._pa.scalar("", text)
        self._comma, self._newline = self._pa.scalar(",", text), self._pa.scalar("\n", text)
        self._destination = destination
        self._file: io.BufferedWriter | None = None
        self.rows = 0

    def write_frame(self, frame: pd.DataFrame) -> None:
        for batch in self._pa.Table.from_pandas(frame, preserve_index=False).to_batches():
            self.write_batch(batch)

    def write_batch(self, batch: Any) -> None:
        """Write a pyarrow RecordBatch."""
        if self._file is None:
            self._file = self._destination.open("wb")
            self._file.write(header_line(batch.schema.names))
        if batch.num_rows:
            self._file.write(self._text(batch))
            self.rows += batch.num_rows

    def _text(self, batch: Any) -> memoryview:
        """The batch's lines: each column as text, joined by commas, a line break after each."""
        pc = self._pc
        fields = [pc.fill_null(self._field(column), self._empty) for column in batch.columns]
        fields[-1] = pc.binary_join_element_wise(fields[-1], self._newline, self._empty)
        lines = pc.binary_join_element_wise(*fields, self._comma) if len(fields) > 1 else fields[0]
        # The lines lie end to end in the array's data buffer: write that span, no copy.
        offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)
        start, end = offsets[lines.offset], offsets[lines.offset + len(lines)]
        return memoryview(lines.buffers()[2])[start:end]

    def _field(self, column: Any) -> Any:
        pa, pc = self._pa, self._pc
        kind = column.type
        if pa.types.is_floating(kind) and pc.any(pc.is_nan(column)).as_py():
            column = pc.if_else(pc.is_nan(column), pa.scalar(None, kind), column)
        if pa.types.is_boolean(kind):  # pandas' True/False, not Arrow's true/false
            text = pc.if_else(column, pa.scalar("True", pa.large_string()), pa.scalar("False"))
        else:
            text = pc.cast(column, pa.large_string())
        needs_quotes = pc.match_substring_regex(text, NEEDS_QUOTES)
        if not pc.any(needs_quotes).as_py():
            return text
        doubled = pc.replace_substring(text, '"', '""')
        quoted = pc.binary_join_element_wise(self._quote, doubled, self._quote, self._empty)
        return pc.if_else(needs_quotes, quoted, text)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> CsvOutput:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
