"""Model folders redactor can build and load offline (see ``rampart.py`` for the default one)."""

from pathlib import Path

#: Where bundled model folders live: the repository's ``models/`` (built by ``make model``).
MODELS_DIR = Path(__file__).resolve().parents[2] / "models"

#: The transformer a bundled policy names by default.
DEFAULT_MODEL = "redactor-ner-small"


def resolve_model(name_or_path: str, base: Path | None = None) -> str:
    """A model folder for ``name_or_path``: a path (absolute, or relative to ``base`` and then
    to the working folder), else a bundled model by name (``rampart-bert``). Anything else is
    returned unchanged (a hub id, which loads only where the user has a network and a cache)."""
    candidates = [Path(name_or_path).expanduser()]
    if base is not None and not candidates[0].is_absolute():
        candidates.insert(0, base / name_or_path)
    candidates.append(MODELS_DIR / name_or_path)
    for candidate in candidates:
        if candidate.is_dir():
            return str(candidate.resolve())
    return name_or_path
