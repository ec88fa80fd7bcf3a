"""A worker process caps the thread pools of numpy, BLAS and torch (``_limit_threads``: the
environment, read when those libraries load) after it has imported the executor module and,
through it, the engine and its rule modules. A rule module that pulled numpy in (the name
rules once imported spaCy's module for one word list) started each worker's BLAS with every
core: on 2 cores the fast stack's whole command on 2,000 files took 15.5 s instead of 12.3."""

from __future__ import annotations

import subprocess
import sys

#: What a worker imports before it limits its threads.
EARLY = ("redactor.distributed.executors", "redactor.detect.engine", "redactor.detect.names",
         "redactor.detect.evidence", "redactor.detect.patterns", "redactor.detect.address_blocks",
         "redactor.detect.lexicon")


def test_what_a_worker_imports_first_loads_no_numerical_library() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in EARLY)
            + "print(sorted(m for m in ('numpy', 'torch', 'thinc', 'spacy', 'blis') "
              "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
