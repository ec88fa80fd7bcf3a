"""Documents written here in the held-out sets' styles: recall and precision per set and style.

These are NOT real text: documents that this project's sessions and their helpers wrote by
hand in the styles of the hidden sets, to find shapes, then measured on: ICU nursing notes in
shorthand (in capitals, mixed and lower case), i2b2-style dictated discharge summaries
(tokenised, with their headers and signatures) and other clinical documents, judgments of
the European Court of Human Rights and of Indian, British, Irish and American courts, news,
biographies, travel writing and academic prose, and posts (``benchmarks/data/written.jsonl``:
``set`` w1-w31, ``style``). The names in them are invented, of many origins.

How each set was used (read a change's effect on a set that was not fixed on, and judge every
detection change on the real corpora of ``eval_real.py`` first):

* ``w1``, ``w2``: written first; the detector was then fixed on them.
* ``w3``: written after those fixes and measured before the next ones, then fixed on.
* ``w4``: written last at the 29th stop and never fixed on.
* ``w5`` (176 documents, nursing notes at a real density of about one identifier a note),
  ``w6`` (102), ``w7`` (152), ``w8`` (70 nursing notes): each written at the 30th stop by
  helpers that saw neither the code nor the other sets, measured before the changes it led
  to, then fixed on (w7 only on its nursing notes). Their figures before those changes are
  in the README and in that stop's closing note.
* ``w9`` (136 documents, all styles): written last at the 30th stop by two more such helpers
  and never fixed on there; fixed on at the 31st.
* ``w10`` (218 documents: 120 nursing notes of ICU and other units, summaries, judgments,
  news, posts) and ``w11`` (70 nursing notes, 14 i2b2-style documents): written at the 31st
  stop by helpers that saw neither the code nor the other sets, measured at the stop's first
  commit (5c2c586), then fixed on.
* ``w12`` (152 documents: 80 nursing notes of ICU, NICU and other units, judgments, news,
  posts): written at the 31st stop by two more such helpers, measured at its first commit
  and at its last, never fixed on since: held out.
* ``w13`` (264 documents: 120 nursing notes of ICU, NICU, CCU, case management, social
  work, respiratory therapy and nutrition; 18 i2b2-style summaries and other dictated
  reports; 16 judgments of eleven jurisdictions; 90 posts; 20 GUM-like web documents):
  written at the 32nd stop by four such helpers, measured at the stop's first commit
  (76018e4), then fixed on, all but its web documents (style ``news``: ``w13.news``), which
  were never fixed on: held out with w12. Its writers marked months alone as dates; those
  marks were taken out to keep this file's convention (below). They marked holidays that
  date an event ("since New Year's") as dates, as i2b2 does.
* ``w14`` (348 documents: 120 nursing notes of ICU, NICU, case management, social work,
  respiratory therapy and nutrition; 18 i2b2-style and other clinical reports; 16 judgments
  of thirteen jurisdictions; 90 tweets; 80 lower-case posts; 24 GUM-like web documents):
  written at the 33rd stop by six such helpers, measured at the stop's first commit
  (2f651a4); its odd-numbered documents were then fixed on, its even-numbered ones never
  (``held_out``). One month alone marked as a date was unmarked.
* ``w15`` (140 ICU, CCU, CSRU, SICU and NICU nursing notes at a real note's density): written
  late at the 33rd stop by two such helpers, measured at its first commit and at the last
  detection commit before it; its odd-numbered notes were then fixed on, its even-numbered
  ones never (``held_out``).
* ``w16`` (390 documents: 70 ICU and 70 other nursing notes, 30 i2b2-style summaries with 10
  clinic letters and 10 radiology, pathology and operative reports, 110 tweets, 90
  lower-case posts): written at the 34th stop by five such helpers, measured at the stop's
  first commit (28b9adb) and after its first detection commit; odd-numbered documents fixed
  on, even-numbered ones never (``held_out``). Four months alone marked as dates were
  unmarked.
* ``w17`` (270 documents: 80 ICU notes at a real note's density, a third with no identifier;
  70 nursing notes of wards, community, midwifery, mental health and dialysis in the US, UK,
  Ireland and Australia; 60 tweets and 60 posts): written later at the 34th stop by three
  such helpers, measured at the stop's first commit and at the detection commit of the time
  (941bf92); odd-numbered documents fixed on, even-numbered ones never (``held_out``).
* ``w18`` (280 documents: 80 ICU notes, a quarter with no identifier; 70 ward, home-health,
  hospice, case-management, therapy, psychiatric and ED notes of the US, UK, Canada,
  Australia and New Zealand; 70 tweets and 60 posts): written at the 35th stop by three such
  helpers, measured at the stop's first commit (e8f6f68); odd-numbered documents fixed on,
  even-numbered ones never (``held_out``).
* ``w19`` (280 documents, 714 identifiers: 80 ICU notes, a quarter with no identifier; 70
  ward, home-health, hospice, case-management, social-work, psychiatric, ED, dialysis,
  midwifery and district-nursing notes of the US, UK, Ireland, Canada, Australia and New
  Zealand; 70 tweets and 60 posts): written at the 36th stop by four such helpers, measured
  at the stop's first commit (4392a6e); odd-numbered documents fixed on, even-numbered ones
  never (``held_out``). Links to t.co that its writers marked were unmarked.
* ``w20`` (280 documents, 862 identifiers: 80 ICU notes, half in capitals, a quarter with no
  identifier; 70 ward, home-health, hospice, case-management, social-work, psychiatric, ED,
  dialysis, maternity, district, school and occupational-health notes of the US, UK, Ireland,
  Canada, Australia, New Zealand and South Africa; 70 tweets and 60 posts) and ``w21`` (280
  documents, 787 identifiers: 80 ICU notes in the style of MIMIC's nursing notes, 60 ICU notes
  in capitals from hospitals across the US, 80 tweets in the Broad Twitter Corpus's style and
  60 posts mostly in lower case): written at the 37th stop by four helpers each, measured at
  the stop's first commit (68ab4fb); odd-numbered documents fixed on, even-numbered ones never
  (``held_out``). Their writers' guide named no organisation as an example (one facility,
  "Valley View Post-Acute", which none of their documents holds).
* ``w22`` (300 documents, 566 identifiers: 80 ICU notes in the style of MIMIC's nursing
  notes, a third with no identifier; 70 ward, ED, psychiatric, hospice, home-health,
  case-management, social-work, district, dialysis and maternity notes of the US, UK,
  Ireland, Canada and Australia; 80 tweets in the style of the Broad Twitter Corpus and
  WNUT-17 and 70 other posts): written at the 41st stop by four helpers that saw neither the
  code nor the other sets, from a guide that names no organisation; measured at the stop's
  first commit (b9e214d); odd-numbered documents fixed on, even-numbered ones never
  (``held_out``).
* ``w23`` (190 documents, 343 identifiers: 50 ICU notes, half in capitals, 40 other nursing
  notes of five countries, 60 tweets in the Broad Twitter Corpus's style and 40 other posts):
  written late at the 41st stop by two more such helpers, measured at the stop's first
  commit (b9e214d) and at its last detection commit, never fixed on: held out whole.
* ``w24`` (270 documents, 742 identifiers: 70 ICU notes in MIMIC's style, half in capitals, a
  quarter with no identifier; 60 ward, ED, psychiatric, hospice, home-health,
  case-management, district, midwifery and dialysis notes of seven countries; 80 tweets in
  the Broad Twitter Corpus's style and 60 other posts, some in Nigerian, Indian, Filipino
  and South African English): written at the 42nd stop by four such helpers, measured at the
  stop's first commit (62eb039); odd-numbered documents fixed on, even-numbered ones never
  (``held_out``).
* ``w25`` (200 documents, 561 identifiers: 60 ICU notes, half in capitals; 40 other nursing
  and allied-health notes of nine countries; 60 tweets and 40 other posts): written later at
  the 42nd stop by three more such helpers, measured at the stop's first commit and at its
  last detection commit, never fixed on: held out whole.
* ``w26`` (290 documents, 1,323 identifiers: 60 ICU notes in MIMIC's style, half in capitals;
  50 nursing and allied-health notes of eleven countries; 70 tweets and 50 other posts, some
  in Nigerian, Indian, Filipino, South African, Caribbean, Scottish and Australian English;
  60 web documents of twelve genres, style ``news``: interviews, biographies, travel and how-to
  guides, academic introductions, fiction, vlog and podcast transcripts, speeches, letters,
  essays, textbooks, chat transcripts): written at the 43rd stop by four such helpers,
  measured at the stop's first commit (85422ad); odd-numbered documents fixed on,
  even-numbered ones never (``held_out``).
* ``w27`` (218 documents, 893 identifiers: 40 ICU notes, half in capitals, and 30 other
  nursing notes of six countries; 60 tweets and 40 other posts; 48 web documents of twelve
  genres): written at the same time by three more such helpers, never fixed on: held out
  whole.
* ``w28`` (270 documents, 2,194 identifiers: 40 ICU notes in MIMIC's style, half in capitals;
  40 ICU, step-down, respiratory, social-work and case-management notes; 40 nursing and
  allied-health notes of ten countries; 50 tweets and 40 other posts; 60 web documents of
  twenty genres, style ``news``): written at the 44th stop by seven such helpers, measured at
  the stop's first commit (a2424d5); odd-numbered documents fixed on, even-numbered ones never
  (``held_out``).
* ``w29`` (270 documents, 2,224 identifiers: 40 ICU notes in MIMIC's style, half in capitals;
  40 step-down, respiratory, social-work, case-management and chaplaincy notes; 40 nursing and
  allied-health notes of twelve countries; 50 tweets and 40 other posts; 60 web documents of
  twenty genres, style ``news``): written at the 45th stop by seven such helpers, measured at
  the stop's first commit (3bfb657); odd-numbered documents fixed on, even-numbered ones never
  (``held_out``).
* ``w30`` (270 documents, 2,315 identifiers: 40 ICU notes in MIMIC's style, half in capitals;
  40 home-health, hospice, dialysis, psychiatric, respiratory, social-work, case-management,
  therapy and chaplaincy notes; 40 nursing and allied-health notes of twelve countries; 50
  tweets and 40 other posts; 60 web documents of twenty genres, style ``news``): written at the
  46th stop by seven such helpers, measured at the stop's first commit (47bffc9); odd-numbered
  documents fixed on, even-numbered ones never (``held_out``).
* ``w31`` (270 documents, 2,079 identifiers: 40 ICU notes in MIMIC's style, half in capitals;
  40 ED, PACU, labour, paediatric, infusion, pharmacy, dietetic, telephone-triage, therapy and
  school-nurse notes; 40 nursing and allied-health notes of twenty countries; 50 tweets and 40
  other posts; 60 web documents of thirty genres, style ``news``): written at the 47th stop by
  seven such helpers, measured at the stop's first commit (0d65209); odd-numbered documents
  fixed on, even-numbered ones never (``held_out``).

The documents never fixed on carry ``"held_out": true`` (w12, w13's web documents, the
even-numbered documents of w14-w22, w24, w26, w28-w31, w23, w25, w27) and are reported
together as ``held-out``. Since the 38th stop the others also train the bundled transformer
(``benchmarks/distill.py --written``), so only the held-out figures measure what carries to new
text.

Scoring is eval_real's: type-blind, a gold span found when half of it is covered, a redaction
right when half of it is gold, only spans the policy changes count. Years alone, months alone,
nationalities, wards, role nouns ("the Court") and @handles and links in posts are not marked;
ages are marked only over 89.

Usage::

    python benchmarks/eval_written.py                   # hipaa
    python benchmarks/eval_written.py --systems hipaa,hipaa-fast --json out.json
    PYTHONPATH=/path/to/other/checkout python benchmarks/eval_written.py   # before / after
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_real import Scores, ours, score_doc  # noqa: E402

from redactor.quality.evaluate import GoldDoc, load_gold_jsonl  # noqa: E402

DATA = HERE / "data" / "written.jsonl"


def groups(docs: Sequence[GoldDoc]) -> dict[str, list[int]]:
    """Document indices per reported group: all, each set, each style, each set and style, and
    the documents held out (``held_out``: never fixed on) and each style of them."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        written, style = doc.meta["set"], doc.meta["style"]
        keys = ["all", written, style, f"{written}.{style}"]
        if doc.meta.get("held_out"):
            keys += ["held-out", f"held-out.{style}"]
        for key in keys:
            out[key].append(i)
    return dict(out)


def _order(item: tuple[str, list[int]]) -> tuple[int, str]:
    """All first, then the sets, the styles, and each set's styles."""
    key = item[0]
    return (0 if key == "all" else 3 if "." in key else 1 if key[1:].isdigit() else 2, key)


def main(argv: Sequence[str] | None = None) -> int:
    """Print recall and precision per group for each system; optionally write ``--json``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="hipaa")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    docs = load_gold_jsonl(DATA)
    results: dict[str, dict[str, dict]] = {}
    for system in (s for s in args.systems.split(",") if s):
        preds = ours(system)([d.text for d in docs])
        rows = {}
        for key, members in sorted(groups(docs).items(), key=_order):
            acc = Scores()
            for i in members:
                score_doc(acc, docs[i], preds[i])
            row = acc.row(clinical=False)
            rows[key] = {k: row[k] for k in ("recall", "precision", "gold", "pred")}
            print(f"{system:10s} {key:16s} R {row['recall']:.3f}  P {row['precision']:.3f}  "
                  f"gold {row['gold']:5d}  redactions {row['pred']:5d}")
        results[system] = rows
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
