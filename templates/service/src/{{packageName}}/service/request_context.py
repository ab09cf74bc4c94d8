"""The id of the request being served, on every log line written while serving it.

The id comes from the ``X-Request-ID`` header (a caller's or a proxy's), or is generated; the
answer carries it back. :func:`install_log_record_factory` stamps ``request_id`` on every log
record made during a request, whatever the logger (the service's, uvicorn's, a library's).
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar
from typing import Any

HEADER = "x-request-id"
# Accepted as given: short, printable, no spaces (it goes into logs and headers as is).
_VALID = re.compile(r"^[A-Za-z0-9._:/+=-]{1,128}$")
_current: ContextVar[str | None] = ContextVar("request_id", default=None)


def request_id_from(value: str | None) -> str:
    """The caller's id when it is a sane one, else a new random one."""
    if value and _VALID.match(value):
        return value
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return _current.get()


def bind_request_id(request_id: str) -> Any:
    """Make ``request_id`` the current one; returns the token for :func:`reset_request_id`."""
    return _current.set(request_id)


def reset_request_id(token: Any) -> None:
    _current.reset(token)


def install_log_record_factory() -> None:
    """Stamp the current request id on every log record (idempotent)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "stamps_request_id", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        request_id = _current.get()
        if request_id is not None:
            record.request_id = request_id
        return record

    factory.stamps_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
