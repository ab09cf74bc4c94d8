"""A throwaway PostgreSQL server for tests, from the distribution's packages when installed.

Debian's ``postgresql`` package puts ``initdb`` and ``pg_ctl`` under
``/usr/lib/postgresql/<version>/bin``. The cluster lives in a temporary directory, listens on
a free loopback port with trust authentication, and is removed when the tests end. PostgreSQL
refuses to run as root, so under root the commands run as the ``postgres`` system user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess  # nosec B404 - fixed commands, no shell
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The newest PostgreSQL bin directory with initdb and pg_ctl, if any."""
    found = [Path(path) for path in glob.glob("/usr/lib/postgresql/*/bin")]
    for bin_dir in sorted(found, key=_major_version, reverse=True):
        if (bin_dir / "initdb").is_file() and (bin_dir / "pg_ctl").is_file():
            return bin_dir
    return None


def _major_version(bin_dir: Path) -> int:
    version = bin_dir.parent.name.split(".")[0]
    return int(version) if version.isdigit() else 0


def unavailable_reason() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    if find_bin_dir() is None:
        return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to run the server"
        if shutil.which("runuser") is None:
            return "running as root without runuser"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server and yield its SQLAlchemy URL; stop it and delete its files afterwards."""
    bin_dir = find_bin_dir()
    assert bin_dir is not None
    prefix: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="pg-test-"))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        assert runuser is not None
        prefix = [runuser, "-u", "postgres", "--"]
        shutil.chown(workdir, user="postgres")
    data_dir, port = workdir / "data", _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {workdir}"
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-w"]
    try:
        subprocess.run(  # noqa: S603  # nosec B603
            [*prefix, str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "test", "-A", "trust"],
            check=True,
            capture_output=True,
        )
        subprocess.run(  # noqa: S603  # nosec B603
            [*pg_ctl, "-o", options, "-l", str(workdir / "server.log"), "start"],
            check=True,
            capture_output=True,
        )
        try:
            yield f"postgresql+psycopg://test@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(  # noqa: S603  # nosec B603
                [*pg_ctl, "-m", "fast", "stop"], check=False, capture_output=True
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
