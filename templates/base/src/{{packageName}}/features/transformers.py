"""Custom, picklable sklearn transformers used inside the model artifact."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin


class ColumnCaster(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Select the configured feature columns and give them stable dtypes.

    Numeric columns become ``float64`` (unparseable values become NaN); categorical columns
    become ``object`` holding ``str`` or ``np.nan``. Running this first makes training data
    (read from files) and serving data (JSON records) look identical to later steps.
    """

    def __init__(self, numeric: Sequence[str] = (), categorical: Sequence[str] = ()) -> None:
        self.numeric = numeric
        self.categorical = categorical

    def fit(self, X: pd.DataFrame, y: Any = None) -> ColumnCaster:
        self._check_columns(X)
        self.feature_names_in_ = np.asarray([*self.numeric, *self.categorical], dtype=object)
        self.n_features_in_ = len(self.feature_names_in_)
        return self

    def _check_columns(self, X: pd.DataFrame) -> None:
        if not isinstance(X, pd.DataFrame):
            raise TypeError("ColumnCaster expects a pandas DataFrame")
        missing = [c for c in [*self.numeric, *self.categorical] if c not in X.columns]
        if missing:
            raise ValueError(f"missing feature columns: {missing}")

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        self._check_columns(X)
        out = pd.DataFrame(index=X.index)
        for column in self.numeric:
            out[column] = pd.to_numeric(X[column], errors="coerce").astype("float64")
        for column in self.categorical:
            values = X[column].astype(object)
            # str() of every value in one vectorised call (a per-value map was a third of the
            # batch job's time); missing values of any kind become np.nan.
            out[column] = values.astype(str).astype(object).where(values.notna(), np.nan)
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray[Any, Any]:
        return np.asarray([*self.numeric, *self.categorical], dtype=object)
