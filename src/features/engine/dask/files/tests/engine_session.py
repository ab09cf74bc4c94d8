"""One Dask cluster for the whole test session, in this process (threads, small memory).

Every in-process job uses it as the default client (see ``DaskEngine.client``), so the tests
run the jobs on a real distributed scheduler without starting one per test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from distributed import Client, LocalCluster


@pytest.fixture(scope="session", autouse=True)
def dask_client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            memory_limit="1GiB",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
