from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pandas as pd

from tests.conftest import REPO_ROOT


def _load_script() -> ModuleType:
    path = REPO_ROOT / "scripts" / "make_dummy_data.py"
    spec = importlib.util.spec_from_file_location("make_dummy_data", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generation_is_deterministic(tmp_path: Path) -> None:
    script = _load_script()
    assert script.main(["--output-dir", str(tmp_path / "a")]) == 0
    script.generate(tmp_path / "b")
    for name in ("classification.csv", "regression.csv"):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes()
        frame = pd.read_csv(tmp_path / "a" / name)
        assert frame["id"].is_unique
        assert 300 <= len(frame) <= 1000
        assert frame.isna().any().any()


def test_committed_dataset_matches_generator_shape(tmp_path: Path, raw_data_path: Path) -> None:
    script = _load_script()
    script.generate(tmp_path)
    generated = pd.read_csv(tmp_path / raw_data_path.name)
    committed = pd.read_csv(raw_data_path)
    assert list(generated.columns) == list(committed.columns)
    assert len(generated) == len(committed)
