"""PySpark: partitions are read and scored in parallel with ``mapInPandas``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
from py4j.protocol import Py4JJavaError
from pyspark.errors import PySparkException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import (
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from ..config import EngineSettings
from ..data_loaders.data_loader import DataLoader
from ..errors import DataError
from .base import NATIVE_FORMATS, BatchEngine, LabelledRows, ScoredRows, Scorer, check_file
from .pandas_engine import PandasEngine
from .parquet_parts import parquet_parts_to_csv, parts_dir_for, remove_parts

SPARK_ERRORS = (Py4JJavaError, PySparkException)


def _score_batches(batches: Iterator[pd.DataFrame], score: Scorer) -> Iterator[pd.DataFrame]:
    for batch in batches:
        if len(batch):  # models reject 0 rows
            yield score(batch)


def spark_type(column: pd.Series[Any]) -> DataType:
    """The Spark type for a column of the predictions frame."""
    if pd.api.types.is_bool_dtype(column):
        return BooleanType()
    if pd.api.types.is_integer_dtype(column):
        return LongType()
    if pd.api.types.is_float_dtype(column):
        return DoubleType()
    return StringType()


def spark_schema(frame: pd.DataFrame) -> StructType:
    return StructType([StructField(str(name), spark_type(frame[name])) for name in frame.columns])


class SparkEngine(BatchEngine):
    """Uses the active Spark session, else starts one for the job (and stops it after)."""

    name = "spark"

    def __init__(self, settings: EngineSettings) -> None:
        self.settings = settings
        self._session: SparkSession | None = None
        self._owned = False
        self._pandas = PandasEngine()  # for sources read without a JDBC driver (SQL)

    def session(self) -> SparkSession:
        if self._session is None:
            active = SparkSession.getActiveSession()
            if active is None:
                # Python workers run this interpreter (the project's environment) unless
                # PYSPARK_PYTHON names another, e.g. the workers' Python on a cluster.
                os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
                builder = SparkSession.builder.master(self.settings.master)
                active = (
                    builder.appName(self.settings.app_name)
                    .config("spark.sql.shuffle.partitions", str(self.settings.shuffle_partitions))
                    .config("spark.sql.files.maxPartitionBytes", self.settings.max_partition_bytes)
                    .config("spark.driver.memory", self.settings.driver_memory)
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .getOrCreate()
                )
                active.sparkContext.setLogLevel("ERROR")  # our logs are JSON lines on stderr
                self._owned = True
            self._session = active
        return self._session

    def close(self) -> None:
        if self._owned and self._session is not None:
            self._session.stop()
        self._session, self._owned = None, False

    def read(self, loader: DataLoader, numeric: Sequence[str]) -> DataFrame:
        """The loader's file, its columns checked; CSV numeric columns as doubles, the rest as
        text, and a value that is not a number fails the read (FAILFAST)."""
        check_file(loader)
        reader = self.session().read
        path = str(Path(loader.path).resolve())  # the JVM has its own working directory
        if loader.name == "parquet":
            frame = reader.parquet(path)
            loader.check_schema(pd.DataFrame(columns=frame.columns))
            return frame
        header = reader.option("header", "true").csv(path).columns
        loader.check_schema(pd.DataFrame(columns=header))
        wanted = set(numeric)
        schema = StructType(
            [StructField(name, DoubleType() if name in wanted else StringType()) for name in header]
        )
        return reader.schema(schema).options(header="true", mode="FAILFAST").csv(path)

    def labelled_rows(
        self, loader: DataLoader, target: str, numeric: Sequence[str] = ()
    ) -> LabelledRows:
        if loader.name not in NATIVE_FORMATS:
            return self._pandas.labelled_rows(loader, target, numeric)
        try:
            frame = self.read(loader, numeric)
            labelled = frame.where(frame[target].isNotNull())
            total = frame.count()
            rows = labelled.toPandas()
        except SPARK_ERRORS as exc:
            raise DataError(f"cannot read {loader.path}: {_first_line(exc)}") from None
        return LabelledRows(rows, total - len(rows))

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
        parts = parts_dir_for(destination)
        remove_parts(parts)
        try:
            frame = self.read(loader, numeric)
            sample = frame.limit(1).toPandas()  # gives the output's column types
            if sample.empty:
                return ScoredRows(0, list(frame.columns))
            schema = spark_schema(score(sample))
            self.session().conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", chunk_size)
            scored = frame.mapInPandas(partial(_score_batches, score=score), schema=schema)
            scored.write.mode("overwrite").parquet(str(parts.resolve()))
            rows = parquet_parts_to_csv(parts, destination, chunk_size)
        except SPARK_ERRORS as exc:
            raise DataError(f"cannot read {loader.path}: {_first_line(exc)}") from None
        finally:
            remove_parts(parts)
        return ScoredRows(rows, list(frame.columns))


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
