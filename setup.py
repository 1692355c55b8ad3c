"""Compiles the extractor modules with mypyc, keeping plain Python wherever that fails.

mypyc turns the type-annotated modules into C extensions: the same code, run with about a
quarter fewer instructions (benchmarks/bench.py). Everything else is in pyproject.toml. The
sources stay the only code anyone edits; extractors/compiled.py checks at import time that the
compiled modules were built from them (an edited source runs as Python until the next install).
Set FACTFLOW_PURE_PYTHON=1 to install without compiling.
"""
import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# extractors/compiled.py holds the list of modules; loaded alone, as the package's imports
# (regex, hyperscan) are not installed where a package is built.
_spec = importlib.util.spec_from_file_location("factflow_compiled", Path(__file__).parent / "extractors" / "compiled.py")
compiled = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compiled)

SOURCES = [f"extractors/{name}.py" for name in compiled.MODULES]


class OptionalBuildExt(build_ext):
    """Builds the compiled modules and records what they were built from; on a failure (no C
    compiler, a type error mypyc refuses) says so and leaves the plain Python modules."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # noqa: BLE001  any failure: install the sources as they are
            print(f"factflow: extractors not compiled ({error}); they run as plain Python", file=sys.stderr)
            return
        if self.extensions:
            target = Path(self.get_ext_fullpath("extractors.rules")).parent / compiled.RECORD
            target.write_text(compiled.source_digest(Path("extractors")) + "\n", encoding="utf-8")


def _extensions() -> list:
    if os.environ.get("FACTFLOW_PURE_PYTHON") == "1":
        return []
    try:
        from mypyc.build import mypycify
        return mypycify([*SOURCES, "--ignore-missing-imports"], opt_level="3")
    except (Exception, SystemExit) as error:  # noqa: BLE001  mypy missing, or it refuses the code
        print(f"factflow: extractors not compiled ({error}); they run as plain Python", file=sys.stderr)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
