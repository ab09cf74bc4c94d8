"""One local Spark session for the whole test session (the JVM starts once).

Every in-process job uses it as the active session (see ``SparkEngine.session``). Without
Java, Spark cannot start: the tests are skipped with that reason instead of failing.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

import pytest
from pyspark.sql import SparkSession

NO_JAVA = "Java is not installed: the Spark engine needs a JVM (e.g. apt-get install default-jre)"


@pytest.fixture(scope="session", autouse=True)
def spark() -> Iterator[SparkSession]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip(NO_JAVA)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
