"""Request/response models. Request models are generated from the model's input schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import models_json_schema

from ..features.schema import ColumnSpec, DataSchema

Label = bool | int | float | str


def build_record_model(schema: DataSchema) -> type[BaseModel]:
    """A pydantic model for one input record: every feature is required (``null`` allowed,
    it is imputed), numeric features must be finite JSON numbers and categorical ones strings
    (strict: ``"5"`` is not a number), unknown fields are rejected. Exactly what the OpenAPI
    schema documents."""
    fields: dict[str, Any] = {}
    for index, spec in enumerate(schema.features):
        annotation: Any = float | None if spec.kind == "numeric" else str | None
        fields[f"feature_{index}"] = (
            annotation,
            Field(..., alias=spec.name, description=f"{spec.kind} feature ({spec.dtype})"),
        )
    if schema.id_column:
        fields["record_id"] = (
            int | str | None,
            Field(default=None, alias=schema.id_column, description="optional record id"),
        )
    record_model: type[BaseModel] = create_model(
        "Record", __config__=ConfigDict(extra="forbid", strict=True, allow_inf_nan=False), **fields
    )
    return record_model


def build_batch_model(record_model: type[BaseModel], max_batch_size: int) -> type[BaseModel]:
    """``{"records": [...]}`` with between 1 and ``max_batch_size`` records."""
    batch_model: type[BaseModel] = create_model(
        "BatchRequest",
        __config__=ConfigDict(extra="forbid"),
        records=(list[record_model], Field(..., min_length=1, max_length=max_batch_size)),  # type: ignore[valid-type]
    )
    return batch_model


def document_predict_body(
    document: dict[str, Any], record_model: type[BaseModel], batch_model: type[BaseModel]
) -> dict[str, Any]:
    """Put the request body of ``POST /predict`` (one record or a batch, both generated from
    the loaded model's schema) into an OpenAPI ``document``; returns the document."""
    refs, definitions = models_json_schema(
        [(record_model, "validation"), (batch_model, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    document.setdefault("components", {}).setdefault("schemas", {}).update(
        definitions.get("$defs", {})
    )
    body = document["paths"]["/predict"]["post"]["requestBody"]
    body["content"]["application/json"]["schema"] = {
        "anyOf": [refs[(record_model, "validation")], refs[(batch_model, "validation")]]
    }
    return document


class ErrorResponse(BaseModel):
    """Every error answer: a message, or pydantic's list of validation errors (422)."""

    detail: str | list[dict[str, Any]]


class Prediction(BaseModel):
    id: int | str | None = None
    prediction: Label
    probabilities: dict[str, float] | None = None


class PredictResponse(BaseModel):
    model_version: str
    task: str
    predictions: list[Prediction]


class ModelInfo(BaseModel):
    version: str
    task: str
    model_name: str
    created_at: str | None = None
    metrics: dict[str, Any]
    features: list[ColumnSpec]
    classes: list[Label] | None = None


class Status(BaseModel):
    status: str
    model_version: str | None = None
    detail: str | None = None
