"""The project's tests (see conftest.py)."""

import os

# OpenMP estimators (HistGradientBoosting) start one spinning thread per core; on a small or busy
# CI machine those threads wait on each other: one 0.4 s fit took 68 s on a loaded 2-core box.
# Set here, before anything imports sklearn; subprocesses of the tests inherit it.
os.environ.setdefault("OMP_NUM_THREADS", "1")
