"""Linear models: OLS for regression, logistic regression for classification."""

from ..common.registry import ModelRegistry
from .logistic_regression import make_logistic_regression
from .ols_regressor import make_ols_regressor


def register(registry: ModelRegistry) -> None:
    registry.register(
        "linear_regression",
        make_ols_regressor,
        tasks=("regression",),
        description="Ordinary least squares",
    )
    registry.register(
        "logistic_regression",
        make_logistic_regression,
        tasks=("classification",),
        description="L2-regularised logistic regression",
    )


__all__ = ["make_logistic_regression", "make_ols_regressor", "register"]
