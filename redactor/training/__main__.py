"""``python -m redactor.training --out train.jsonl --count N --seed S [--wnut FILE]``."""

import sys

from redactor.training.generate import main

sys.exit(main())
