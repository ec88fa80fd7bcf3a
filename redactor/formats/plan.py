"""Which input files a command reads and where each output goes, under the path-safety rules.

``redact run``, ``redact reidentify`` and ``redact scan`` walk their input the same way
(:func:`~redactor.formats.walk.iter_input_files`) and sort what they meet the same way:
files of a supported format, files of other types (reported, never ignored silently) and what
the walk passed over. The rules for outputs are the same too: nothing is written inside a
folder INPUT, and a single INPUT file is never its own output.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from redactor.errors import InputError, OutputError
from redactor.formats.base import FileFormat
from redactor.formats.registry import format_for_path
from redactor.formats.walk import LinkedFile, SkippedFile, iter_input_files

UNSUPPORTED = "unsupported file type"


def is_within(child: Path, parent: Path) -> bool:
    """True when ``child`` is ``parent`` or lies under it (links resolved)."""
    try:
        child.resolve().relative_to(parent.resolve())
    except ValueError:
        return False
    return True


def names_a_file(target: Path, suffixes: Collection[str] | None = None) -> bool:
    """Whether an output path names a file rather than a folder: it is not a folder and has one
    of ``suffixes`` (lower case, with the dot; ``None``: any extension)."""
    if target.is_dir():
        return False
    suffix = target.suffix.lower()
    return suffix in suffixes if suffixes is not None else bool(suffix)


@dataclass(frozen=True)
class FileJob:
    """One input file, its path relative to INPUT, where its output goes, and its format."""

    source: Path
    rel: str
    target: Path
    format: FileFormat


@dataclass
class FilePlan:
    """The files to process and what is not processed, in walk order (filled by
    :func:`find_files` and :func:`plan_files`)."""

    jobs: list[FileJob] = field(default_factory=list)
    unsupported: list[SkippedFile] = field(default_factory=list)  # files of no known format
    skipped: list[SkippedFile] = field(default_factory=list)  # what the walk passed over
    links: list[LinkedFile] = field(default_factory=list)  # every file link met

    def add(self, source: Path, rel: str, target: Path) -> None:
        """Plan ``source``: a job when its format is known, else an unsupported file."""
        try:
            self.jobs.append(FileJob(source, rel, target, format_for_path(source)))
        except InputError:
            self.unsupported.append(SkippedFile(source, rel, UNSUPPORTED))


def find_files(
    root: Path,
    target: Path | None = None,
    *,
    follow_symlinks: bool = False,
    exclude: Callable[[str], bool] | None = None,
) -> FilePlan:
    """Every file under ``root`` (a folder or a file), sorted into jobs and the rest.

    A job's output lies at ``target / rel`` (``target`` defaults to ``root``: for a command
    that writes nothing). Files whose relative path ``exclude`` accepts are left out silently.
    """
    plan = FilePlan()
    out = root if target is None else target
    for path, rel in iter_input_files(root, plan.skipped, follow_symlinks=follow_symlinks,
                                      links=plan.links):
        if exclude is None or not exclude(rel):
            plan.add(path, rel, out / rel)
    return plan


def plan_files(
    source: Path,
    target: Path,
    *,
    follow_symlinks: bool = False,
    exclude: Callable[[str], bool] | None = None,
    file_suffixes: Collection[str] | None = None,
) -> FilePlan:
    """The files to process from ``source`` (a folder or a file) into ``target``.

    Raises InputError when ``source`` does not exist and OutputError when the output would lie
    inside a folder ``source`` or be the ``source`` file itself. For a single file, ``target``
    is the output file when it names one (:func:`names_a_file` with ``file_suffixes``), else
    the folder the output goes in under the input's name; a single file of no known format is
    planned as unsupported, like one in a folder.
    """
    if not source.exists():
        raise InputError(f"input {str(source)!r} does not exist")
    if source.is_dir():
        if is_within(target, source):
            raise OutputError("OUTPUT lies inside INPUT; redactor never writes inside its input")
        return find_files(source, target, follow_symlinks=follow_symlinks, exclude=exclude)
    if not names_a_file(target, file_suffixes):
        target = target / source.name
    if target.resolve() == source.resolve():
        raise OutputError("OUTPUT is the INPUT file; redactor never modifies its input")
    plan = FilePlan()
    plan.add(source, source.name, target)
    return plan
