"""Feature preprocessing built from the config.

The returned object is fitted together with the model and saved inside the same artifact,
so training, batch prediction and the service apply exactly the same transformation.
"""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ..config import FeatureSettings
from .transformers import ColumnCaster


def numeric_steps() -> Pipeline:
    """Median imputation followed by standard scaling."""
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]
    )


def categorical_steps() -> Pipeline:
    """Most-frequent imputation followed by one-hot encoding (unknown levels ignored)."""
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("one_hot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )


def build_preprocessor(numeric: Sequence[str], categorical: Sequence[str]) -> Pipeline:
    """Cast columns, then impute/scale numeric and impute/one-hot categorical features."""
    transformers = []
    if numeric:
        transformers.append(("numeric", numeric_steps(), list(numeric)))
    if categorical:
        transformers.append(("categorical", categorical_steps(), list(categorical)))
    if not transformers:
        raise ValueError("at least one feature is required")
    return Pipeline(
        [
            ("cast", ColumnCaster(numeric=list(numeric), categorical=list(categorical))),
            ("columns", ColumnTransformer(transformers, remainder="drop")),
        ]
    )


def build_preprocessor_from_settings(features: FeatureSettings) -> Pipeline:
    return build_preprocessor(features.numeric, features.categorical)
