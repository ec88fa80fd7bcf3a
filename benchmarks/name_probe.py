"""Names of the audit's 31 origins in sentence shapes that no audit template writes.

The audit (``redact audit``) fills our own templates, and what a detector is tuned on it
learns. This probe writes each origin's names into 35 other short shapes (headers in capitals,
bed lines in lower case, chat, dictation and signature lines, news appositives, "Last, First"
lists, CSV rows) and prints person-name recall by origin and by shape, with the misses. A name
is found when at least half of its characters are covered by any span (type-blind, as the
held-out probe is scored). Shapes that showed misses here went into the audit as templates
(``synth.v3``); the rest stay here, so the probe keeps measuring shapes nobody tuned for.

Usage::

    python benchmarks/name_probe.py            # seed 1, 4 names per origin and shape
    python benchmarks/name_probe.py --seed 2 --per 8
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import argparse
import random
from collections import Counter, defaultdict
from collections.abc import Sequence

#: ``{F}``/``{L}`` given and family name; ``{f}``/``{l}`` lower case; ``{FU}``/``{LU}``
#: capitals; ``{F0}`` the initial; ``{T}`` Mr or Ms.
SHAPES = {
    "hdr_caps": "PATIENT: {LU}, {FU}    MRN: 4451209\nADMIT DATE: 03/04/2021",
    "pt_seen": "Pt {F} {L} seen in clinic today for f/u of HTN, BP 142/88.",
    "lower_bed": "bed 7 - {l}: still confused overnight, pulled at IV x2, sitter ordered.",
    "chat_texted": "omg {f} just texted me lol",
    "chat_thanks": "thanks {f}!! see u tmrw",
    "dictated": "Dictated by: {F} {L}, MD\nD: 05/11/2021 T: 05/12/2021",
    "list_last_first": "Attendees: {L}, {F}; Brown, Alice; Chen, Wei",
    "csv": "id,first,last,dob,sex\n10293,{F},{L},1984-03-02,F",
    "dateline": "LAGOS, March 3 (Reuters) - {F} {L}, a spokesman for the ministry, said on "
                "Tuesday",
    "daughter": "Spoke with pt's daughter {f} re: discharge plan, she agrees.",
    "caps_intro": "{FU} {LU} IS A 67 YO M ADMITTED WITH CHEST PAIN.",
    "cc": "cc: Dr. {L}\nFollow up in 2 weeks.",
    "attending": "Attending: {L}\nResident: Patel",
    "ward_round": "{T} {L} was reviewed on the ward round this morning.",
    "interview": "We spoke to {F} {L}, 34, a nurse who has worked nights for ten years.",
    "esign": "Electronically signed by {F} {L} on 03/04/2021 14:22",
    "from_header": "From: {F} {L} <{f}.{l}@gmail.com>\nSubject: appointment",
    "judge": "Judge {L} dismissed the appeal on all grounds.",
    "applicant": "The applicant, {T} {F} {L}, was born in 1965 and lives in Ankara.",
    "case_manager": "case manager: {f} {l}, ext 4471",
    "family_first_caps": "NAME: {LU} {FU}\nDOB: 1950-02-01",
    "my_name": "my name is {f} and im 17 lol",
    "nurse": "Nurse {F} gave meds at 2200, pt tolerated well.",
    "and_i": "{F} and I went to the beach today, best day ever",
    "rn_signature": "-- {F0}. {L}, RN",
    "witness": "Witness statement of {F} {L}",
    "dob": "{F} {L} (DOB 01/02/1950) presented with cough.",
    "per": "Per {L}, no changes to plan overnight.",
    "bed_dash": "Bed 12 {L} -- for CT head in am, NBM from midnight.",
    "lower_talked": "talked to {f} {l} today, she said the results are fine",
    "caps_signature": "{FU} {LU}, RN\n03/04/21 0700",
    "aged": "{L}, 54, was arrested on Friday.",
    "said": '"We are very pleased," said {F} {L}.',
    "possessive": "{F}'s mother called the unit twice.",
    "message_left": "Message left for {F} at 555-201-3344.",
}
TITLES = {"female": "Ms", "male": "Mr"}


def fill(shape: str, first: str, last: str, gender: str) -> str:
    """The shape with the name written in."""
    return (SHAPES[shape].replace("{FU}", first.upper()).replace("{LU}", last.upper())
            .replace("{F0}", first[0]).replace("{F}", first).replace("{L}", last)
            .replace("{f}", first.lower()).replace("{l}", last.lower())
            .replace("{T}", TITLES[gender]))


def gold(text: str, first: str, last: str, initial: bool) -> list[tuple[int, int]]:
    """Where the name's words stand in ``text`` as whole words (outside an e-mail address's
    angle brackets), the longest where one holds another."""
    forms = {first, last, first.upper(), last.upper(), first.lower(), last.lower()}
    if initial:
        forms.add(first[0] + ".")
    spans = set()
    for form in forms:
        i = 0
        while (i := text.find(form, i)) >= 0:
            end = i + len(form)
            inside = (i > 0 and text[i - 1].isalpha()) or (end < len(text)
                                                           and text[end].isalpha())
            bracketed = text.rfind("<", 0, i) > text.rfind(">", 0, i)
            if not inside and not bracketed:
                spans.add((i, end))
            i += 1
    return sorted(s for s in spans
                  if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per", type=int, default=4, help="names per origin and shape")
    ap.add_argument("--policy", default="hipaa")
    ap.add_argument("--misses", type=int, default=12, help="misses shown per shape")
    args = ap.parse_args(argv)

    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.quality.origins import ORIGINS, fold

    rng = random.Random(args.seed)
    engine = Engine.from_policy(load_policy(args.policy)).load()
    docs = []
    for origin in ORIGINS:
        for shape in SHAPES:
            for _ in range(args.per):
                gender = rng.choice(("female", "male"))
                first = rng.choice(origin.female if gender == "female" else origin.male)
                last = rng.choice(origin.family)
                if rng.random() < origin.fold_rate:
                    first, last = fold(first), fold(last)
                text = fill(shape, first, last, gender)
                docs.append((origin.key, shape, text,
                             gold(text, first, last, initial=shape == "rn_signature")))
    found, total = Counter(), Counter()
    shape_found, shape_total = Counter(), Counter()
    misses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (key, shape, text, spans), pred in zip(docs, engine.analyze([d[2] for d in docs]),
                                               strict=True):
        covered = bytearray(len(text))
        for s in pred:
            covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        for start, end in spans:
            hit = sum(covered[start:end]) * 2 >= end - start
            total[key] += 1
            shape_total[shape] += 1
            found[key] += hit
            shape_found[shape] += hit
            if not hit:
                misses[shape].append((key, text[start:end]))
    print(f"seed {args.seed}, {len(docs)} sentences, policy {args.policy}")
    print(f"overall recall {sum(found.values()) / sum(total.values()):.3f}")
    print("by origin (lowest first):")
    for key in sorted(total, key=lambda k: found[k] / total[k]):
        print(f"  {key:13} {found[key] / total[key]:.3f}  ({total[key] - found[key]} missed "
              f"of {total[key]})")
    print("by shape (lowest first):")
    for shape in sorted(shape_total, key=lambda k: shape_found[k] / shape_total[k]):
        shown = misses[shape][: args.misses]
        print(f"  {shape:18} {shape_found[shape] / shape_total[shape]:.3f}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
