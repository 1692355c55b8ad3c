"""What tests need from the operating system that root would otherwise bypass or lack."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def unprivileged(command: list[str]) -> list[str]:
    """`command` without the capabilities that let root read or write any file (setpriv, as the probe ran it)."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permission bits cannot be made to count")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all", *command]


@contextmanager
def mounted_tmpfs(point: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted on the folder `point` (made if missing), where one may mount it."""
    point.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True).returncode:
        pytest.skip("cannot mount a file system here (needs root)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True)
