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
# A project with the service also releases the serving image (the Dockerfile's serve target).
SERVES = "AS serve" in (REPO_ROOT / "cicd" / "release" / "docker" / "Dockerfile").read_text()


def _copies(stderr: str, image: str = IMAGE) -> list[str]:
    """The skopeo copies of one image (not those of another image named after it)."""
    return [
        line
        for line in stderr.splitlines()
        if line.startswith(f"+ skopeo copy --quiet --all --preserve-digests docker://{image}@")
    ]


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
    copies = _copies(done.stderr)
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
        copies = _copies(done.stderr)
        assert copies[-1].endswith(f"docker://{IMAGE}:{environment}")
        assert all(f"docker://{IMAGE}@sha256:" in line for line in copies)
        assert f"+ deploy-hook {IMAGE}@sha256:" in done.stderr


@pytest.mark.skipif(not SERVES, reason="no service: no serving image")
def test_the_serving_image_is_pushed_promoted_and_deployed_alongside() -> None:
    serving = f"{IMAGE}-serve"
    pushed = _release("--version", "1.2.3-SNAPSHOT", "--environment", "integration")
    assert pushed.returncode == 0, pushed.stderr
    assert "--target serve --tag app-serve:1.2.3-SNAPSHOT" in pushed.stderr
    assert "--target release --tag app:1.2.3-SNAPSHOT" in pushed.stderr
    assert f"+ docker push {serving}:1.2.3-SNAPSHOT" in pushed.stderr
    promoted = _release("--version", "1.2.3", "--environment", "production", "--promote")
    assert promoted.returncode == 0, promoted.stderr
    targets = [line.split()[-1] for line in _copies(promoted.stderr, serving)]
    assert targets == [f"docker://{serving}:1.2.3", f"docker://{serving}:production"]
    # The hook gets both digests: the release image's, then the serving image's.
    hook = next(line for line in promoted.stderr.splitlines() if line.startswith("+ deploy-hook"))
    argv = hook.split()[2:]
    assert argv[0].startswith(f"{IMAGE}@sha256:")
    assert argv[1] == "production"
    assert argv[2].startswith(f"{serving}@sha256:")


def test_promote_needs_an_environment() -> None:
    done = _release("--version", "1.2.3", "--promote")
    assert done.returncode == 1
    assert "--promote needs --environment" in done.stderr
