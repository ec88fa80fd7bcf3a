"""Synthetic people and documents for the dev set, audits, training and surrogates.

- :mod:`~redactor.synthetic.seeding`: a seeded RNG and one seeded Faker per locale.
- :mod:`~redactor.synthetic.people`: the shared :class:`~redactor.synthetic.people.Person`
  shape (name parts, origin, gender, name order), Cyrillic transliteration.
- :mod:`~redactor.synthetic.values`: per-entity generators with check digits from
  :mod:`redactor.detect.checksums`; ``GENERATORS[label](rng, faker)``.
- :mod:`~redactor.synthetic.dates`: written date forms, by name.
- :mod:`~redactor.synthetic.fields`: the template field language (``{role.attr}``,
  ``{key:style}``, ``{~a|b}``, optional ``?`` lines).

Each consumer (``benchmarks/devset``, :mod:`redactor.quality.synth`,
:mod:`redactor.training.synth`, :mod:`redactor.transform.surrogates`) keeps its own templates
and name data, so their sets stay independent; they draw through this package.
"""
