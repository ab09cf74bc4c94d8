"""Feature preprocessing and input schema."""

from .preprocessing import build_preprocessor, build_preprocessor_from_settings
from .schema import ColumnSpec, DataSchema, infer_schema, validate_columns
from .transformers import ColumnCaster

__all__ = [
    "ColumnCaster",
    "ColumnSpec",
    "DataSchema",
    "build_preprocessor",
    "build_preprocessor_from_settings",
    "infer_schema",
    "validate_columns",
]
