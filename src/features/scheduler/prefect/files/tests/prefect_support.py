"""A throwaway Prefect API for the flow tests: on 127.0.0.1, its own database, no analytics."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.testing.utilities import prefect_test_harness


@contextmanager
def throwaway_prefect() -> Iterator[None]:
    previous = os.environ.get("PREFECT_SERVER_ANALYTICS_ENABLED")
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    try:
        with prefect_test_harness(server_startup_timeout=120):
            yield
    finally:
        if previous is None:
            os.environ.pop("PREFECT_SERVER_ANALYTICS_ENABLED", None)
        else:
            os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = previous
