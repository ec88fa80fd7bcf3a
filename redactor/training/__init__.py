"""Training data and the pieces ``redact train`` builds on.

- :mod:`redactor.training.generate`: the synthetic + real training-set generator
  (``python -m redactor.training`` / ``redact train-data``);
- :mod:`redactor.training.origins`, :mod:`~redactor.training.values`,
  :mod:`~redactor.training.templates`, :mod:`~redactor.training.synth`: its names, values,
  templates and template filling;
- :mod:`redactor.training.realtext`: WNUT-17 posts as they are and with entities swapped;
- :mod:`redactor.training.encode`: BIO labels over word-aligned sub-word tokens, chunking,
  and decoding predictions back to character spans (used by :mod:`redactor.training.trainer`).

Nothing here imports torch or transformers at import time.
"""
