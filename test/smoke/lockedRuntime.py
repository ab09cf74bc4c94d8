"""The run-time set a generated project's lock pins, as JSON {name: version}, for Linux x86_64.

Usage: python lockedRuntime.py uv|poetry|pip|conda PROJECT_ROOT [PYTHON_VERSION] [EXTRA]
uv: `uv export` of the lock without extras; poetry: poetry.lock's non-optional packages;
pip and conda: requirements/default.txt. With EXTRA (jobs: the release image's set), its
packages too: uv --extra; poetry the closure of the lock's [extras] entry; pip
requirements/EXTRA.txt. Markers are evaluated for the image's platform.
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
extra = sys.argv[4] if len(sys.argv) > 4 else ""
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
                           "--no-annotate", "--format", "requirements.txt",
                           *(["--extra", extra] if extra else [])], cwd=root, check=True,
                          capture_output=True, text=True).stdout
    result = pins(text)
elif manager == "poetry":
    lock = tomllib.loads((root / "poetry.lock").read_text())
    result = {}
    # A package may be locked at several versions, each for its own Python versions (markers):
    # the extra's closure takes the one whose markers apply to the image's Python and the extra.
    packages = {}
    for package in lock["package"]:
        markers = package.get("markers")
        marker = markers.get("main") if isinstance(markers, dict) else markers
        if not marker or Marker(marker).evaluate({**env, "extra": extra}):
            packages.setdefault(canonicalize_name(package["name"]), package)
    for package in lock["package"]:
        markers = package.get("markers")
        marker = markers.get("main") if isinstance(markers, dict) else markers
        if not package.get("optional", False) and "main" in package.get("groups", ["main"]) and applies(marker):
            result[canonicalize_name(package["name"])] = package["version"]
    # The extra's packages and, through their non-optional dependencies, everything they pull in.
    todo = [canonicalize_name(re.split(r"[\s\[(<>=;]", name)[0]) for name in lock.get("extras", {}).get(extra, [])]
    while todo:
        name = todo.pop()
        if name in result or name not in packages:
            continue
        result[name] = packages[name]["version"]
        for dep, spec in packages[name].get("dependencies", {}).items():
            specs = spec if isinstance(spec, list) else [spec]
            if any(not (isinstance(s, dict) and s.get("optional")) and applies(s.get("markers") if isinstance(s, dict) else None)
                   for s in specs):
                todo.append(canonicalize_name(dep))
else:
    result = pins((root / "requirements" / f"{extra or 'default'}.txt").read_text())
print(json.dumps(result, sort_keys=True))
