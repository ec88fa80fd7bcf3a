"""``python -m redactor.cli``."""

from redactor.cli.root import main

main()
