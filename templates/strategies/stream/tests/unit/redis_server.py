"""A throwaway Redis server for tests, from the distribution's ``redis-server`` when installed.

It listens on a free loopback port, keeps nothing on disk (``--save ''``, no append-only
file) and is stopped when the tests end.
"""

from __future__ import annotations

import shutil
import socket
import subprocess  # nosec B404 - fixed command, no shell
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis


def unavailable_reason() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (Debian: apt-get install redis-server)"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def redis_server(timeout_s: float = 10.0) -> Iterator[str]:
    """Start a server and yield its URL; stop it afterwards."""
    binary = shutil.which("redis-server")
    assert binary is not None
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="redis-test-") as workdir:
        command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
        command += ["--appendonly", "no", "--dir", workdir, "--loglevel", "warning"]
        process = subprocess.Popen(  # noqa: S603  # nosec B603
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        url = f"redis://127.0.0.1:{port}/0"
        try:
            _wait_until_ready(url, process, timeout_s)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=timeout_s)


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on {url}") from None
                time.sleep(0.05)
    finally:
        client.close()
