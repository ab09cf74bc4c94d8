"""Tests for build.py at the repository root (versioning rules, Docker checks, --dry-run)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _load_build_script() -> ModuleType:
    # build.py is a script, not a package module, and `import build` would find the PyPA
    # `build` package: load the file under a distinct name instead.
    spec = importlib.util.spec_from_file_location("build_script", REPO_ROOT / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_script = _load_build_script()

VALID_VERSIONS = [
    "0.0.4",
    "1.2.3",
    "10.20.30",
    "1.0.0-alpha",
    "1.0.0-alpha.1",
    "1.0.0-alpha.beta.1",
    "1.0.0-0A.is.legal",
    "1.0.0-rc.1+build.1",
    "1.1.2-prerelease+meta",
    "2.0.0+build.1848",
    "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
    "1.2.3-SNAPSHOT",
    "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
    "999999999999999999.999999999999999.99999999999999999",
]

INVALID_VERSIONS = [
    "",
    "1",
    "1.2",
    "1.2.3.4",
    "v1.2.3",
    "01.1.1",
    "1.01.1",
    "1.1.01",
    "1.2.3-0123",
    "1.2.3-",
    "1.2.3+",
    "1.2.3-alpha..1",
    "1.2.3-alpha_beta",
    "1.2.3+build+meta",
    "+invalid",
    " 1.2.3",
    "1.2.3 ",
    "1.2.3\n",
    "1.2.3-SNAPSHOT-é",
]


def _options(**overrides: object) -> object:
    values: dict[str, object] = {
        "version": None,
        "deploy": False,
        "skip_docker": False,
        "skip_wheel": False,
        "skip_tests": False,
        "dry_run": False,
    }
    values.update(overrides)
    return build_script.Options(**values)


def _project(tmp_path: Path, version: str = "0.4.2") -> Path:
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "demo"\nversion = "{version}"\n', encoding="utf-8"
    )
    return tmp_path


def _fake_docker(directory: Path, exit_code: int) -> None:
    docker = directory / "docker"
    docker.write_text(f"#!/bin/sh\nexit {exit_code}\n", encoding="utf-8")
    docker.chmod(docker.stat().st_mode | stat.S_IXUSR)


@pytest.mark.parametrize("version", VALID_VERSIONS)
def test_accepts_semantic_versions(version: str) -> None:
    assert build_script.is_semver(version)
    assert build_script.validate_version(version) == version


@pytest.mark.parametrize("version", INVALID_VERSIONS)
def test_rejects_invalid_versions(version: str) -> None:
    assert not build_script.is_semver(version)
    with pytest.raises(build_script.UsageError, match="invalid version"):
        build_script.validate_version(version)


def test_bad_version_exits_2_with_one_line_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_script.main(["--deploy", "--version", "1.2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: invalid version '1.2': expected MAJOR.MINOR.PATCH")


def test_deploy_requires_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_script.main(["--deploy"]) == 2
    assert "--deploy requires --version" in capsys.readouterr().err


def test_deploy_cannot_skip_docker(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_script.main(["--deploy", "--version", "1.2.3", "--skip-docker"]) == 2
    assert "--skip-docker" in capsys.readouterr().err


def test_development_builds_get_a_snapshot_version(tmp_path: Path) -> None:
    root = _project(tmp_path, "0.4.2")
    assert build_script.read_project_version(root) == "0.4.2"
    assert build_script.resolve_version(None, root) == "0.4.2-SNAPSHOT"
    assert build_script.snapshot_version("1.0.0+local") == "1.0.0-SNAPSHOT"


def test_explicit_version_wins_over_snapshot(tmp_path: Path) -> None:
    root = _project(tmp_path, "0.4.2")
    assert build_script.resolve_version("0.4.2-rc.1", root) == "0.4.2-rc.1"


PYPROJECT_WITH_OTHER_TABLES = """\
# version = "9.9.9" in a comment does not count
[build-system]
requires = ["hatchling"]

[tool.other]
version = "8.8.8"

[ project ]  # spaces and a comment
name = "demo"
description = "the [project] table"
classifiers = [
    "Programming Language :: Python :: 3",
]
  version   =   '1.2.3-rc.1'   # single quotes, spaces and a comment

[[tool.mypy.overrides]]
version = "7.7.7"
"""


def test_project_version_is_read_from_the_project_table_only() -> None:
    assert build_script.parse_project_version(PYPROJECT_WITH_OTHER_TABLES) == "1.2.3-rc.1"
    assert build_script.parse_project_version('[tool.x]\nversion = "1.0.0"\n') is None
    assert build_script.parse_project_version('[project]\ndynamic = ["version"]\n') is None


def test_repository_version_matches_the_package_metadata() -> None:
    version = build_script.read_project_version(REPO_ROOT)
    assert build_script.is_semver(version)
    assert version == importlib.metadata.version(build_script.PROJECT)


@pytest.mark.skipif(os.name == "nt", reason="runs the bash helpers of cicd/")
def test_shell_helpers_read_the_same_version() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    common = REPO_ROOT / "cicd" / "build" / "utils" / "common.sh"
    completed = subprocess.run(  # noqa: S603 - fixed argv
        [bash, "-c", 'source "$1" && snapshot_version', "bash", str(common)],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = build_script.snapshot_version(build_script.read_project_version(REPO_ROOT))
    assert completed.stdout.strip() == expected


def test_missing_project_version_is_a_build_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(build_script.BuildError, match=r"no static \[project\]\.version"):
        build_script.read_project_version(tmp_path)


def test_docker_tag_replaces_build_metadata_separator() -> None:
    assert build_script.docker_tag("1.2.3-rc.1+build.7") == "1.2.3-rc.1_build.7"
    assert build_script.docker_tag("1.2.3-SNAPSHOT") == "1.2.3-SNAPSHOT"


def test_docker_missing_from_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert build_script.docker_problem() == build_script.DOCKER_MISSING


@pytest.mark.skipif(os.name == "nt", reason="uses a POSIX shell script as a fake docker")
def test_docker_client_without_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_docker(tmp_path, exit_code=1)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert build_script.docker_problem() == build_script.DOCKER_ENGINE_DOWN


@pytest.mark.skipif(os.name == "nt", reason="uses a POSIX shell script as a fake docker")
def test_docker_client_with_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_docker(tmp_path, exit_code=0)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert build_script.docker_problem() is None


def test_missing_docker_stops_a_valid_deploy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert build_script.main(["--deploy", "--version", "1.2.3-rc.1"]) == 1
    err = capsys.readouterr().err
    assert "error: docker not found: install Docker or run with --skip-docker" in err
    assert "invalid version" not in err


def test_deploy_needs_a_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCKER_REGISTRY", raising=False)
    options = _options(version="1.2.3", deploy=True)
    with pytest.raises(build_script.BuildError, match="DOCKER_REGISTRY is not set"):
        build_script.build(options, root=_project(tmp_path, "1.2.3"), docker_check=lambda: None)


def test_dry_run_prints_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no docker: a dry run must not need it

    def unexpected_run(argv: Sequence[str]) -> int:
        raise AssertionError(f"dry run executed {argv}")

    root = _project(tmp_path, "0.4.2")
    rc = build_script.build(_options(dry_run=True), root=root, run=unexpected_run)

    assert rc == 0
    out = capsys.readouterr().out
    assert "development build 0.4.2-SNAPSHOT" in out
    assert "pyproject-build --wheel --outdir" in out
    assert "cicd/build/build.sh --version 0.4.2-SNAPSHOT" in out
    assert "cicd/release/release.sh --version 0.4.2-SNAPSHOT" in out
    assert "--push" not in out


def test_dry_run_of_a_deploy_pushes_the_release_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_script.main(["--dry-run", "--deploy", "--version", "2.0.0+build.5"]) == 0
    out = capsys.readouterr().out
    assert "release build 2.0.0+build.5 (image tag 2.0.0_build.5)" in out
    assert "cicd/release/release.sh --version 2.0.0+build.5 --push" in out


def test_build_runs_each_step_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_REGISTRY", "registry.example.com/team")
    calls: list[Sequence[str]] = []

    def record(argv: Sequence[str]) -> int:
        calls.append(argv)
        return 0

    root = _project(tmp_path, "1.2.3")
    options = _options(version="1.2.3", deploy=True, skip_tests=True)
    assert build_script.build(options, root=root, docker_check=lambda: None, run=record) == 0

    assert [Path(call[0]).stem for call in calls] == ["pyproject-build", "bash", "bash"]
    assert [Path(call[1]).name for call in calls[1:]] == ["build.sh", "release.sh"]
    assert calls[1][-1] == "--no-test"
    assert calls[2][-1] == "--push"


def test_skip_docker_builds_only_the_wheel(tmp_path: Path) -> None:
    calls: list[Sequence[str]] = []

    def record(argv: Sequence[str]) -> int:
        calls.append(argv)
        return 0

    def no_docker_check() -> str | None:
        raise AssertionError("--skip-docker must not look for docker")

    options = _options(skip_docker=True)
    root = _project(tmp_path)
    assert build_script.build(options, root=root, docker_check=no_docker_check, run=record) == 0
    assert len(calls) == 1
    assert Path(calls[0][0]).stem == "pyproject-build"
    assert calls[0][1:] == ("--wheel", "--outdir", str(root / "dist"), str(root))


def test_the_wheel_is_built_with_pyproject_build(tmp_path: Path) -> None:
    # Never `python -m build` from the repository root: it would import build.py itself.
    options = _options(skip_docker=True)
    steps = build_script.plan(options, "1.0.0", tmp_path, pyproject_build="/venv/pyproject-build")
    assert steps[0].argv[0] == "/venv/pyproject-build"
    assert "-m" not in steps[0].argv


def test_missing_pyproject_build_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_script, "find_pyproject_build", lambda which: None)
    with pytest.raises(build_script.BuildError, match="pyproject-build not found"):
        build_script.build(_options(skip_docker=True), root=_project(tmp_path), run=lambda a: 0)


def test_failing_step_is_reported(tmp_path: Path) -> None:
    options = _options(skip_docker=True)
    with pytest.raises(build_script.BuildError, match="build the wheel failed with exit code 3"):
        build_script.build(options, root=_project(tmp_path), run=lambda argv: 3)


def test_help_mentions_snapshot(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        build_script.main(["--help"])
    assert excinfo.value.code == 0
    assert "SNAPSHOT" in capsys.readouterr().out
