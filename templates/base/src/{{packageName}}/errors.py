"""Exception hierarchy shared by the CLI, the pipelines and the service.

Every error that is the user's fault (bad config, bad data, unknown model...) derives from
:class:`MLProjectError`, so entry points can turn it into one clear message instead of a
traceback.
"""


class MLProjectError(Exception):
    """Base class for expected, user-facing errors."""


class ConfigError(MLProjectError):
    """The configuration files or environment overrides are invalid."""


class DataError(MLProjectError):
    """Input data could not be read."""


class SchemaError(DataError):
    """Input data does not match the expected schema."""


class ModelConfigError(MLProjectError):
    """Unknown model name, unsupported task or invalid hyperparameters."""


class ArtifactError(MLProjectError):
    """A model artifact is missing or unreadable."""
