"""The application's model registry.

Each model family registers itself in ONE contiguous three-line block below (comment,
import, call). To drop a family, delete its block, its package next to this file (e.g.
``ensemble/boosting/``) and its test module ``tests/unit/models/test_<family>.py``.
"""

from .common.registry import ModelRegistry

MODEL_REGISTRY = ModelRegistry()
DEFAULT_MODEL = "random_forest"

# fmt: off
# family: rule_based
from .rule_based import register as register_rule_based
register_rule_based(MODEL_REGISTRY)

# family: regression
from .regression import register as register_regression
register_regression(MODEL_REGISTRY)

# family: random_forests
from .ensemble.random_forests import register as register_random_forests
register_random_forests(MODEL_REGISTRY)

# family: boosting
from .ensemble.boosting import register as register_boosting
register_boosting(MODEL_REGISTRY)
# fmt: on

__all__ = ["DEFAULT_MODEL", "MODEL_REGISTRY"]
