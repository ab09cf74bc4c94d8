"""Request/response models. Request models are generated from the model's input schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import models_json_schema

from ..features.schema import ColumnSpec, DataSchema
from .settings import InputSettings

Label = bool | int | float | str


def build_record_model(schema: DataSchema, inputs: InputSettings | None = None) -> type[BaseModel]:
    """A pydantic model for one input record: every feature is required (``null`` allowed,
    it is imputed), numeric features must be finite JSON numbers and categorical ones strings
    (strict: ``"5"`` is not a number), unknown fields are rejected. Exactly what the OpenAPI
    schema documents.

    With ``inputs``, values are also checked against the training schema: numbers within the
    training range widened by ``range_tolerance``, and, under the ``reject`` policy,
    categories among those seen in training. A failed check is a 422 naming the field.
    """
    fields: dict[str, Any] = {}
    for index, spec in enumerate(schema.features):
        annotation: Any = float | None if spec.kind == "numeric" else str | None
        low, high = None, None
        if spec.kind == "numeric" and inputs is not None:
            low, high = numeric_limits(spec, inputs.range_tolerance)
        elif inputs is not None and inputs.unknown_category == "reject" and spec.categories:
            annotation = Literal[tuple(spec.categories)] | None
        fields[f"feature_{index}"] = (
            annotation,
            Field(
                ...,
                alias=spec.name,
                description=f"{spec.kind} feature ({spec.dtype})",
                ge=low,
                le=high,
            ),
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


def numeric_limits(spec: ColumnSpec, tolerance: float | None) -> tuple[float | None, float | None]:
    """The accepted range: the training range widened by ``tolerance`` times its width."""
    if tolerance is None or spec.minimum is None or spec.maximum is None:
        return None, None
    width = spec.maximum - spec.minimum or max(abs(spec.maximum), 1.0)
    return spec.minimum - tolerance * width, spec.maximum + tolerance * width


def map_unknown_categories(
    rows: list[dict[str, Any]], schema: DataSchema, replacement: str | None
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """``rows`` with categories never seen in training replaced by ``replacement`` (``None``:
    a missing value), and how many were replaced per feature. ``rows`` is left as received."""
    known = {
        spec.name: set(spec.categories)
        for spec in schema.features
        if spec.kind == "categorical" and spec.categories
    }
    mapped: dict[str, int] = {}
    out = []
    for row in rows:
        copy = dict(row)
        for name, levels in known.items():
            value = copy.get(name)
            if value is not None and value not in levels:
                copy[name] = replacement
                mapped[name] = mapped.get(name, 0) + 1
        out.append(copy)
    return out, mapped


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
