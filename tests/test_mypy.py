"""mypy over extractors/, as mypyc sees it: a type slip fails here with mypy's message, not later
as "extractors not compiled" (setup.py installs plain Python when mypyc refuses the code)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# setup.py gives mypycify --ignore-missing-imports; mypyc adds strict bytes (mypy.main.process_options(mypyc=True)).
MYPYC_FLAGS = ["--ignore-missing-imports", "--strict-bytes"]


def test_mypy_accepts_extractors(tmp_path: Path) -> None:
    # a fresh cache: a stale one from another checkout never hides an error (a cold run takes ~1 s)
    run = subprocess.run([sys.executable, "-m", "mypy", *MYPYC_FLAGS, "--cache-dir", str(tmp_path), "extractors"],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        pytest.fail(f"mypy refuses extractors/, so mypyc would not compile them:\n{run.stdout}{run.stderr}", pytrace=False)
