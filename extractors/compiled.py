"""Whether the extractor modules run compiled (mypyc), and the fallback to their sources.

`pip install` compiles MODULES with mypyc (setup.py). In an editable install the extension
modules sit beside the sources, and Python imports an extension before a .py file of the same
name: a source edited after the build would silently not run. So the build records a digest
of the sources (RECORD), and when the sources differ from it, or FACTFLOW_PURE_PYTHON=1 is set,
`prefer_sources()` makes every module of MODULES load from its .py file (with a warning when
stale). Compiled and plain modules give the same mentions (tests/test_compiled.py).

In MODULES, a module-level constant is annotated `Final`: mypyc then reads it from a C static,
where any other module-level name is looked up in the module's dict at each use (~700 lookups
a news document, 5% of its extraction instructions). Names that tests replace stay plain.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

# The modules compiled by setup.py, as paths below extractors/ without ".py": all of them but
# the packages' __init__ files and this one.
DATE_MODULES = ("calendar_dates", "context", "dateline", "dispatch", "fiscal", "focus", "holidays", "matches",
                "patterns", "periods", "relative_dates", "reporting", "resolve", "rules", "scan", "starts", "truecase",
                "year_parts")
LINK_MODULES = ("frames", "linker", "phrases", "scope", "sentences", "tables", "vocabulary", "words")
MODULES = ("amounts", "calendar_words", "currencies", "engines", "fastscan", "mentions", "money_scan",
           "not_facts", "numbers", "percent_scan", "percentages", "rules", *(f"dates/{name}" for name in DATE_MODULES),
           *(f"links/{name}" for name in LINK_MODULES))
RECORD = "compiled-from.sha256"  # written beside the compiled modules by setup.py
_HERE = Path(__file__).parent


def source_digest(folder: Path) -> str:
    """SHA-256 over the sources of MODULES in `folder`."""
    digest = hashlib.sha256()
    for name in MODULES:
        digest.update((folder / f"{name}.py").read_bytes())
    return digest.hexdigest()


def _compiled_modules_present() -> bool:
    return any((_HERE / f"rules{suffix}").exists() for suffix in importlib.machinery.EXTENSION_SUFFIXES)


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the modules of MODULES as their .py files, ahead of the compiled ones."""

    def find_spec(self, fullname, path, target=None):
        package, _, name = fullname.partition(".")
        module = name.replace(".", "/")
        if package == __package__ and module in MODULES:
            return importlib.util.spec_from_file_location(fullname, _HERE / f"{module}.py")
        return None


def prefer_sources() -> None:
    """Load MODULES from their sources when the compiled ones are stale or not wanted."""
    if not _compiled_modules_present():
        return  # nothing compiled: the sources load anyway
    if os.environ.get("FACTFLOW_PURE_PYTHON") != "1":
        record = _HERE / RECORD
        built_from = record.read_text(encoding="utf-8").strip() if record.exists() else None
        if built_from == source_digest(_HERE):
            return
        warnings.warn(
            "extractors/*.py changed since they were compiled: running them as plain Python "
            "(slower) until `pip install -e .` compiles them again", stacklevel=2)
    sys.meta_path.insert(0, _SourceFinder())


def is_compiled(module) -> bool:
    """Whether `module` was loaded from a compiled extension rather than from its source."""
    return not (module.__file__ or "").endswith(".py")
