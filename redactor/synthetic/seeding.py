"""Seeded randomness for the synthetic-data generators (dev set, audits, training data).

Each generator owns its state: a ``random.Random`` and one Faker per locale, seeded from the
generator's seed and the locale name. Never Faker's global seed, so what one generator draws
never depends on what ran before it.
"""

from __future__ import annotations

import random
import zlib

from faker import Faker


class SeededFakers:
    """A seeded RNG and a lazily built, seeded Faker per locale."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self._fakers: dict[str, Faker] = {}

    def faker(self, locale: str) -> Faker:
        """The Faker for ``locale``, seeded from the generator seed and the locale name."""
        if locale not in self._fakers:
            fk = Faker(locale)
            fk.seed_instance(self.seed * 7919 + zlib.crc32(locale.encode()))
            self._fakers[locale] = fk
        return self._fakers[locale]
