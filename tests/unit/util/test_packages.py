"""Installed packages' folders, found without importing them."""

from __future__ import annotations

import sys

from redactor.util.packages import package_dir


def test_an_installed_package_folder_without_importing_it() -> None:
    sys.modules.pop("philter_ucsf", None)
    folder = package_dir("philter_ucsf")
    assert folder is not None and (folder / "__init__.py").is_file()
    assert "philter_ucsf" not in sys.modules


def test_no_folder_for_what_is_not_an_installed_package() -> None:
    assert package_dir("no_such_package_xyz") is None
    assert package_dir("/tmp/some/folder") is None  # a path is no package name
    assert package_dir("redactor.util.accents") is None  # a module, not a package folder
