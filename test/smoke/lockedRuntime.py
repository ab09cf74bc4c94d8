"""The run-time set a generated project's lock pins, as JSON {name: version}, for Linux x86_64.

Usage: python lockedRuntime.py uv|poetry|pip|conda PROJECT_ROOT [PYTHON_VERSION]
uv: `uv export` of the lock without extras; poetry: poetry.lock's non-optional packages;
pip and conda: requirements/default.txt. Markers are evaluated for the image's platform.
"""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

manager, root = sys.argv[1], Path(sys.argv[2])
python = sys.argv[3] if len(sys.argv) > 3 else "3.11"
env = {"python_version": python, "python_full_version": f"{python}.0", "sys_platform": "linux",
       "platform_system": "Linux", "platform_machine": "x86_64", "os_name": "posix",
       "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}


def applies(marker: str | None) -> bool:
    return not marker or Marker(marker).evaluate(env)


def pins(text: str) -> dict[str, str]:
    found = {}
    for line in text.replace("\\\n", " ").splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^\s;]+)\s*(?:;\s*([^\\#]*?))?\s*(?:--hash|#|$)", line)
        if match and applies(match.group(3)):
            found[canonicalize_name(match.group(1))] = match.group(2)
    return found


if manager == "uv":
    text = subprocess.run(["uv", "export", "--frozen", "--no-emit-project", "--no-hashes", "--no-header",
                           "--no-annotate", "--format", "requirements.txt"], cwd=root, check=True,
                          capture_output=True, text=True).stdout
    result = pins(text)
elif manager == "poetry":
    lock = tomllib.loads((root / "poetry.lock").read_text())
    result = {}
    for package in lock["package"]:
        markers = package.get("markers")
        marker = markers.get("main") if isinstance(markers, dict) else markers
        if not package.get("optional", False) and "main" in package.get("groups", ["main"]) and applies(marker):
            result[canonicalize_name(package["name"])] = package["version"]
else:
    result = pins((root / "requirements" / "default.txt").read_text())
print(json.dumps(result, sort_keys=True))
