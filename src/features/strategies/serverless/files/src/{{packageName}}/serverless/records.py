"""Validation of incoming records against the model's input schema (no web framework)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ..features.schema import DataSchema


def record_model(schema: DataSchema) -> type[BaseModel]:
    """A pydantic model of one record: every feature required (``null`` is imputed), numeric
    features are numbers, the id column is optional and unknown fields are rejected."""
    fields: dict[str, Any] = {}
    for index, spec in enumerate(schema.features):
        annotation: Any = float | None if spec.kind == "numeric" else str | None
        fields[f"feature_{index}"] = (annotation, Field(..., alias=spec.name))
    if schema.id_column:
        fields["record_id"] = (int | str | None, Field(default=None, alias=schema.id_column))
    model: type[BaseModel] = create_model(
        "ServerlessRecord", __config__=ConfigDict(extra="forbid"), **fields
    )
    return model


def validation_errors(exc: ValidationError, index: int) -> list[dict[str, Any]]:
    """JSON-ready errors located as ``["records", index, field]``."""
    return [
        {"loc": ["records", index, *error["loc"]], "msg": error["msg"], "type": error["type"]}
        for error in exc.errors(include_url=False)
    ]
