"""``GET /lookup/{key}``: predictions precomputed by the ``precompute`` command."""

from __future__ import annotations

from threading import Lock
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from ..errors import MLProjectError
from ..preprocess.lookup import LookupTable

lookup_router = APIRouter()
_open_lock = Lock()


def _table(request: Request) -> LookupTable:
    """The lookup table, opened on first use (it may be written after the service starts)."""
    with _open_lock:
        table: LookupTable | None = getattr(request.app.state, "lookup_table", None)
        if table is None:
            state = getattr(request.app.state, "service", None)
            if state is None:
                raise HTTPException(status_code=503, detail="starting")
            try:
                table = LookupTable(state.settings.preprocess.table_path)
            except MLProjectError as exc:
                raise HTTPException(status_code=503, detail=str(exc)) from None
            request.app.state.lookup_table = table
        return table


@lookup_router.get("/lookup/{key}", responses={404: {}, 503: {}})
def lookup(key: str, request: Request) -> dict[str, Any]:
    """The precomputed prediction of ``key`` (404 when it was not precomputed)."""
    found = _table(request).get(key)
    if found is None:
        raise HTTPException(status_code=404, detail=f"key {key!r} was not precomputed")
    return found
