"""cicd/release/release.sh: an image is built and tested once, then promoted by digest.

The integration run pushes the image it built and smoke-tested (``--no-build``); staging and
production only move tags to that digest inside the registry (``--promote``, with skopeo) and
never build. ``--dry-run`` prints the commands instead of running them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
RELEASE = REPO_ROOT / "cicd" / "release" / "release.sh"
REGISTRY = "registry.example/team"
IMAGE = f"{REGISTRY}/app"


def _release(*args: str) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    env = {key: value for key, value in os.environ.items() if not key.startswith("REGISTRY_")}
    env.update({"DOCKER_REGISTRY": REGISTRY, "IMAGE_NAME": "app", "DEPLOY_HOOK": "deploy-hook"})
    env.pop("DRY_RUN", None)
    return subprocess.run(  # noqa: S603 - fixed argv
        [bash, str(RELEASE), "--dry-run", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=REPO_ROOT,
    )


def test_integration_pushes_the_image_it_tested_without_building_it_again() -> None:
    done = _release("--version", "1.2.3-SNAPSHOT", "--environment", "integration", "--no-build")
    assert done.returncode == 0, done.stderr
    assert "docker build" not in done.stderr
    assert f"+ docker push {IMAGE}:1.2.3-SNAPSHOT" in done.stderr
    copies = [line for line in done.stderr.splitlines() if line.startswith("+ skopeo copy")]
    # The pushed digest is tagged as the image of this source (for main to promote) and as
    # the environment's, then deployed by digest.
    targets = [line.split()[-1].split(":")[-1] for line in copies]
    assert [target.split("-")[0] for target in targets] == ["src", "integration"]
    assert all(f"docker://{IMAGE}@sha256:" in line for line in copies)
    assert f"+ deploy-hook {IMAGE}@sha256:" in done.stderr


def test_staging_and_production_promote_a_digest_and_never_build() -> None:
    for environment in ("staging", "production"):
        done = _release("--version", "1.2.3", "--environment", environment, "--promote")
        assert done.returncode == 0, done.stderr
        assert "docker build" not in done.stderr
        assert "docker push" not in done.stderr
        copies = [line for line in done.stderr.splitlines() if line.startswith("+ skopeo copy")]
        assert copies[-1].endswith(f"docker://{IMAGE}:{environment}")
        assert all(f"docker://{IMAGE}@sha256:" in line for line in copies)
        assert f"+ deploy-hook {IMAGE}@sha256:" in done.stderr


def test_promote_needs_an_environment() -> None:
    done = _release("--version", "1.2.3", "--promote")
    assert done.returncode == 1
    assert "--promote needs --environment" in done.stderr
