"""Installed packages' folders, found without importing the packages."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_dir(name: str) -> Path | None:
    """The folder of the installed package ``name``, found without importing it (some run
    code at import: Philter's imports nltk, the drug list reads the home folder, spaCy's
    pipelines pull in spaCy); None when no such package is installed."""
    try:
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
