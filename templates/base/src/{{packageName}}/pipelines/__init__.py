"""Batch pipelines: process, train, predict and evaluate."""

from .evaluate import EvaluationResult, evaluate
from .predict import PredictResult, predict
from .process import ProcessResult, process
from .train import TrainResult, build_pipeline, train

__all__ = [
    "EvaluationResult",
    "PredictResult",
    "ProcessResult",
    "TrainResult",
    "build_pipeline",
    "evaluate",
    "predict",
    "process",
    "train",
]
