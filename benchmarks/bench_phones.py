"""Speed of phone-number detection: validation by digit count vs by country (phonenumbers).

Times :class:`redactor.detect.patterns.PatternRecognizer` on a phone-heavy text (international
numbers of many countries, North American numbers, a few that are no valid number of their
country) with the bundled pattern table, and with the same table whose international phone
patterns check digit counts only (the validation before ``phonenumbers`` was used). Also times
the surrogates of those numbers (``transform.surrogates.phone``), and what each pattern table
finds.

CPU time, best of ``--repeat`` runs; the validity cache is cleared before each run, so every
number is validated afresh (a long run validates each distinct number once).

Usage::

    python benchmarks/bench_phones.py                  # 2,000 lines
    python benchmarks/bench_phones.py --lines 20000 --repeat 3
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import time

NUMBERS = [
    "+34 612 345 678", "+44 20 7946 0958", "+44 (0)20 7946 0958", "+49 30 901820",
    "+33 6 12 34 56 78", "+91 98765 43210", "+234 803 123 4567", "+61 2 9876 5432",
    "+55 11 91234-5678", "+7 495 123-45-67", "+86 10 1234 5678", "+81 3-1234-5678",
    "+1 617 555 0143", "+1 (212) 555-0199", "+442079460958", "+34 230 339 785",
    "+44 20 9263 2384", "+39 06 1234 5678", "+31 6 12345678", "+46 8 123 456 78",
]
LINES = ["Call {n} after 5pm.", "Patient's daughter: {n} (mobile).", "Fax: {n}",
         "Reached at {n} ext. 12 on Monday.", "Seen 03/04/2021, phone {n}, MRN 4471923."]


def phone_text(lines: int, seed: int = 7) -> str:
    """A text of ``lines`` lines, one international or North American number in each."""
    rng = random.Random(seed)
    out = []
    for i in range(lines):
        number = rng.choice(NUMBERS)
        # vary the last digits so that most lines hold a distinct number (no cache luck)
        tail = f"{i % 10000:04d}"
        digits = [m.start() for m in re.finditer(r"\d", number)]
        chars = list(number)
        for pos, d in zip(digits[-4:], tail, strict=True):
            chars[pos] = d
        out.append(rng.choice(LINES).format(n="".join(chars)))
    return "\n".join(out)


def digit_count_table():
    """The pattern table with the international phone patterns checking digit counts only."""
    from redactor.detect import patterns

    table = []
    for p in patterns.PATTERNS:
        if p.name.startswith("phone_international"):
            if "doubtful" in p.name:
                continue  # before: one pattern took every length-plausible number
            p = dataclasses.replace(p, validate=patterns.phone_digits_valid)
        table.append(p)
    return tuple(table)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from redactor.detect import validity
    from redactor.detect.patterns import PATTERNS, PatternRecognizer
    from redactor.transform import surrogates
    from redactor.transform.surrogates import phone

    text = phone_text(args.lines)
    by_country = PatternRecognizer(PATTERNS)
    by_digits = PatternRecognizer(digit_count_table())
    start = time.perf_counter()
    validity.phone_status("+34 612 345 678")  # import phonenumbers once, outside the timing
    first = time.perf_counter() - start

    def run_country() -> list:
        validity.phone_status.cache_clear()
        return by_country.find(text)

    t_digits = best(lambda: by_digits.find(text), args.repeat)
    t_country = best(run_country, args.repeat)
    phones_d = [s for s in by_digits.find(text) if s.label in ("PHONE_NUMBER", "FAX_NUMBER")]
    phones_c = [s for s in run_country() if s.label in ("PHONE_NUMBER", "FAX_NUMBER")]
    values = [text[s.start : s.end] for s in phones_c]
    rng = random.Random(1)
    t_surrogates = best(lambda: [phone(v, rng) for v in values], args.repeat)
    real = surrogates.valid_national_digits
    surrogates.valid_national_digits = lambda original, rng: None  # the format only (before)
    try:
        t_shape = best(lambda: [phone(v, rng) for v in values], args.repeat)
    finally:
        surrogates.valid_national_digits = real
    kept = sum(_valid(phone(v, rng)) for v in values if v.startswith("+") and _valid(v))
    valid_in = sum(1 for v in values if v.startswith("+") and _valid(v))

    kchars = len(text) / 1000
    print(f"text: {args.lines} lines, {len(text):,} characters, "
          f"{len(phones_c)} phone/fax spans found by country ({len(phones_d)} by digit count)")
    print(f"first phonenumbers call (import + metadata): {first * 1000:.0f} ms")
    print(f"all patterns, digit count : {t_digits:.3f} s  ({t_digits / kchars * 1000:.2f} ms "
          "per 1,000 characters)")
    print(f"all patterns, by country  : {t_country:.3f} s  ({t_country / kchars * 1000:.2f} ms "
          f"per 1,000 characters, {t_country / t_digits:.2f}x)")
    per = (t_country - t_digits) / max(len(phones_c), 1) * 1e6
    print(f"cost per international number validated: {per:.0f} us")
    above = (sum(s.score >= 0.5 for s in phones_d), sum(s.score >= 0.5 for s in phones_c))
    print(f"phone/fax spans scoring 0.5 or more (without context words): {above[0]} by digit "
          f"count, {above[1]} by country")
    print(f"surrogates for {len(values)} numbers: format only {t_shape:.3f} s "
          f"({t_shape / max(len(values), 1) * 1e6:.0f} us each); valid by country "
          f"{t_surrogates:.3f} s ({t_surrogates / max(len(values), 1) * 1e6:.0f} us each); "
          f"valid originals whose surrogate is valid: {kept} of {valid_in}")


def _valid(value: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False


if __name__ == "__main__":
    main()
