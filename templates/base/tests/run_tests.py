"""Run the test suites.

    python tests/run_tests.py --type unit|integration|all [extra pytest args]

``unit`` and ``integration`` select tests by marker (markers are set from the folder in
tests/conftest.py). Coverage is always reported; the ``fail_under`` threshold of
tests/.coveragerc is enforced for ``unit`` and ``all`` only, because the integration suite
alone is not meant to cover every branch. Exits with pytest's exit code.

The tests run on every core (pytest-xdist), a file per worker so that a module's fixtures (a
throwaway server) start once; ``-n 0`` as an extra argument runs them in this process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
SUITES = {
    "unit": ["-m", "unit"],
    "integration": ["-m", "integration", "--cov-fail-under=0"],
    "all": [],
}


PARALLEL = ["--numprocesses", "auto", "--dist", "loadfile"]


def build_args(suite: str, extra: list[str]) -> list[str]:
    return [str(TESTS_DIR), *SUITES[suite], *PARALLEL, *extra]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the unit and/or integration tests.")
    parser.add_argument("--type", choices=sorted(SUITES), default="all", help="suite to run")
    args, extra = parser.parse_known_args(argv)
    return int(pytest.main(build_args(args.type, extra)))


if __name__ == "__main__":
    sys.exit(main())
