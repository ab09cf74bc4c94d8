"""Request/response models. Request models are generated from the model's input schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..features.schema import ColumnSpec, DataSchema

Label = bool | int | float | str


def build_record_model(schema: DataSchema) -> type[BaseModel]:
    """A pydantic model for one input record: every feature is required (``null`` allowed,
    it is imputed), numeric features must be numbers, unknown fields are rejected."""
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
        "Record", __config__=ConfigDict(extra="forbid"), **fields
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
