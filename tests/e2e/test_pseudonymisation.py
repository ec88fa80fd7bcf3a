"""End to end: consistent surrogates, date shifting, Safe Harbor generalisation, and the vault
(`redact reidentify`, `redact forget`), through the command line with fast detectors."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from redactor.cli.root import main
from redactor.transform.dates import parse_date

HERE = Path(__file__).parent
PSEUDO_KEY = "pseudonym-key-0123456789abcdef"
VAULT_KEY = "vault-key-0123456789abcdef0123"

# Everything reversible: reidentify(redact(x)) must give x back byte for byte.
REVERSIBLE = {
    "name": "reversible",
    "detectors": {"patterns": True, "names": True},
    "entities": {
        "PERSON": {"action": "pseudonymize", "surrogate_locale": "match"},
        "EMAIL_ADDRESS": {"action": "pseudonymize"},
        "PHONE_NUMBER": {"action": "pseudonymize"},
        "MEDICAL_RECORD_NUMBER": {"action": "pseudonymize"},
        "DATE": {"action": "date_shift", "max_days": 60},
        "US_SSN": {"action": "hash"},
        "NRP": {"action": "keep"},
        "ORGANIZATION": {"action": "keep"},
    },
    "default": {"action": "pseudonymize"},
}

NOTE = """Patient: Maria Gonzalez          MRN: 5820193
Seen by Dr. Amara Diallo on March 3, 2021; follow-up on 2021-03-17.
Ms. Gonzalez reports improvement. Dr. Diallo will call (312) 555-0176.
Email maria.gonzalez@gmail.com with questions.
"""
OTHER = "Referred to Dr. Amara Diallo on 04/01/2021 by Dr. Wei Zhang.\n"
VISITS = (
    "id,patient_id,note\n"
    '1,P1,"Seen by Dr. Amara Diallo on 03/14/2021"\n'
    '2,P1,"Follow-up by Dr. Amara Diallo on 04/01/2021"\n'
    '3,P2,"Seen by Dr. Wei Zhang on 03/14/2021"\n'
)
EVENTS = '{"patient": {"id": "P1"}, "note": "Seen by Dr. Amara Diallo on 03/14/2021"}\n'


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("REDACTOR_KEY", PSEUDO_KEY)
    monkeypatch.setenv("REDACTOR_VAULT_KEY", VAULT_KEY)
    policy = tmp_path / "reversible.yaml"
    policy.write_text(yaml.safe_dump(REVERSIBLE))
    src = tmp_path / "in"
    (src / "notes").mkdir(parents=True)
    (src / "notes" / "a.txt").write_text(NOTE)
    (src / "notes" / "b.txt").write_text(OTHER)
    (src / "visits.csv").write_text(VISITS)
    (src / "events.jsonl").write_text(EVENTS)
    return tmp_path, policy, src


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def redact(policy, src, out, *extra):
    result = invoke("run", "--policy", str(policy), "-q", *extra, str(src), str(out))
    assert result.exit_code == 0, result.output
    return out


def test_same_value_same_surrogate_across_files_and_runs(env, monkeypatch):
    tmp, policy, src = env
    one = redact(policy, src, tmp / "one")
    two = redact(policy, src, tmp / "two")
    a, b = (one / "notes" / "a.txt").read_text(), (one / "notes" / "b.txt").read_text()
    doctor = re.search(r"Seen by Dr\. (\S+ \S+) on", a).group(1)
    assert doctor != "Amara Diallo" and f"Dr. {doctor} on" in b
    assert doctor in (one / "visits.csv").read_text()
    assert (two / "notes" / "a.txt").read_text() == a  # another run, the same key
    assert "Amara" not in a + b and "Gonzalez" not in a and "5820193" not in a
    family = doctor.split(" ")[-1]
    assert f"Dr. {family} will call" in a  # "Dr. Diallo" follows "Dr. Amara Diallo"
    patient = re.search(r"Patient: (\S+ \S+)", a).group(1)
    assert f"Ms. {patient.split(' ')[-1]} reports" in a
    monkeypatch.setenv("REDACTOR_KEY", "another-key-0123456789abcdef")
    three = redact(policy, src, tmp / "three")
    assert f"Dr. {doctor}" not in (three / "notes" / "a.txt").read_text()


def _dates(text):
    return [parse_date(m) for m in re.findall(r"\d\d/\d\d/\d{4}", text)]


def test_date_shift_per_subject_column_keeps_intervals(env):
    tmp, policy, src = env
    out = redact(policy, src, tmp / "out", "--subject-column", "patient_id")
    rows = (out / "visits.csv").read_text().splitlines()
    d1, d2, d3 = (_dates(row)[0] for row in rows[1:])
    assert (d2.anchor() - d1.anchor()).days == 18  # 03/14 -> 04/01 for patient P1
    assert d1.anchor() != parse_date("03/14/2021").anchor()
    assert d1.render(d1.anchor()) == rows[1].split(" on ")[1].rstrip('"')  # format kept
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert run["options"]["subject_field"] == "patient_id"
    # Without a subject column each row is its own subject (and the P2 row differs anyway).
    plain = redact(policy, src, tmp / "plain")
    assert (plain / "visits.csv").read_text() != (out / "visits.csv").read_text() or d3


def test_subject_field_across_formats_gives_one_offset(env):
    tmp, policy, src = env
    (src / "visits.csv").write_text(VISITS.replace("patient_id", "patient.id"))
    out = redact(policy, src, tmp / "out", "--subject-field", "patient.id")
    csv_first = _dates((out / "visits.csv").read_text().splitlines()[1])[0]
    jsonl_first = _dates((out / "events.jsonl").read_text())[0]
    assert csv_first.anchor() == jsonl_first.anchor()  # P1's 03/14/2021 in CSV and JSONL


@pytest.mark.parametrize("workers", ["1", "2"])
def test_vault_round_trip_restores_the_input_exactly(env, workers):
    tmp, policy, src = env
    keys = tmp / "keys"
    keys.mkdir()
    (keys / "vault.key").write_text(VAULT_KEY)
    vault = tmp / "vaults" / "study.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault), "--vault-key-file",
                 str(keys / "vault.key"), "--workers", workers)  # 2: files redacted in workers
    assert "Gonzalez" not in (out / "notes" / "a.txt").read_text()
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert run["vault"]["vault_id"] and "Gonzalez" not in json.dumps(run)
    result = invoke("reidentify", "--vault", str(vault), "--vault-key-file",
                    str(keys / "vault.key"), str(out), str(tmp / "back"))
    assert result.exit_code == 0, result.output
    for path in src.rglob("*"):
        if path.is_file():
            assert (tmp / "back" / path.relative_to(src)).read_text() == path.read_text(), path
    assert not (tmp / "back" / "_audit").exists()
    events = [json.loads(x)["event"] for x in vault.with_name("study.vault.log").read_text()
              .splitlines()]
    assert events == ["created", "run", "reidentify"]


def test_forget_makes_a_person_irreversible(env):
    tmp, policy, src = env
    vault = tmp / "vaults" / "v.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault))
    result = invoke("forget", "--vault", str(vault), "Amara Diallo")
    assert result.exit_code == 0 and re.search(r"erased [1-9]\d* span", result.output)
    assert "Amara" not in result.output
    back = tmp / "back"
    assert invoke("reidentify", "--vault", str(vault), str(out), str(back)).exit_code == 0
    restored = (back / "notes" / "a.txt").read_text()
    assert "Maria Gonzalez" in restored and "Amara" not in restored and "Diallo" not in restored
    assert "Amara" not in (back / "visits.csv").read_text()
    log = vault.with_name("v.vault.log").read_text()
    assert '"erasure"' in log and "Amara" not in log and "Diallo" not in log
    # A subject, given on stdin.
    gone = CliRunner().invoke(main, ["forget", "--vault", str(vault), "-"], input="notes/b.txt\n")
    assert gone.exit_code == 0 and "erased" in gone.output
    nothing = invoke("forget", "--vault", str(vault), "--dry-run", "Nobody Atall")
    assert "nothing in the vault matched" in nothing.output


def test_forget_a_subject_given_by_subject_column(env):
    tmp, policy, src = env
    vault = tmp / "vaults" / "v.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault), "--subject-column",
                 "patient_id")
    gone = invoke("forget", "--vault", str(vault), "--subject", "P1")
    assert gone.exit_code == 0 and "erased 4 span(s) in 2 document(s)" in gone.output
    back = tmp / "back"
    assert invoke("reidentify", "--vault", str(vault), str(out), str(back)).exit_code == 0
    rows = (back / "visits.csv").read_text().splitlines()
    assert "Amara Diallo" not in rows[1] + rows[2] and "03/14/2021" not in rows[1]
    assert rows[3] == VISITS.splitlines()[3]  # patient P2 is restored


PEOPLE = (
    '{"patient": "P1", "note": "Hi, I\'m Maria Gonzalez. Mail maria.g@mail.com, '
    'SSN 078-05-1120."}\n'
    '{"patient": "P1", "note": "Patient: GONZALEZ, MARIA seen on 03/14/2021."}\n'
    '{"patient": "P2", "note": "Patient: Wei Zhang, mail wei.zhang@mail.com."}\n'
)


def _people(tmp, policy):
    src = tmp / "people"
    src.mkdir()
    (src / "p.jsonl").write_text(PEOPLE)
    vault = tmp / "vaults" / "p.vault"
    out = redact(policy, src, tmp / "people-out", "--vault", str(vault), "--subject-field",
                 "patient", "--text-field", "note")
    return vault, out


def _restored(vault, out, back):
    result = invoke("reidentify", "--vault", str(vault), str(out), str(back))
    assert result.exit_code == 0, result.output
    return (back / "p.jsonl").read_text()


def test_forget_a_value_erases_every_span_that_contains_it(env):
    """Issue 11: after `forget "Maria Gonzalez"` no spelling of her name is restorable."""
    tmp, policy, _ = env
    vault, out = _people(tmp, policy)
    assert "078-05-1120" not in (out / "p.jsonl").read_text()
    result = invoke("forget", "--vault", str(vault), "Maria Gonzalez")
    assert result.exit_code == 0 and "Gonzalez" not in result.output
    back = _restored(vault, out, tmp / "back")
    assert "gonzalez" not in back.lower() and "Wei Zhang" in back


def test_forget_a_subject_erases_all_of_that_person(env):
    """Issue 13: `forget --subject` leaves no name, e-mail, SSN or date of the subject."""
    tmp, policy, _ = env
    vault, out = _people(tmp, policy)
    result = invoke("forget", "--vault", str(vault), "--subject", "P1")
    assert result.exit_code == 0 and "erased" in result.output and "P1" not in result.output
    back = _restored(vault, out, tmp / "back").splitlines()
    assert not any(v in "".join(back[:2]) for v in ("Maria", "GONZALEZ", "maria.g@", "078-05",
                                                    "03/14/2021"))
    assert back[2] == PEOPLE.splitlines()[2]  # P2 is restored
    again = invoke("forget", "--vault", str(vault), "--subject", "P1")
    assert again.exit_code == 1 and "nothing in the vault matched" in again.output
    both = invoke("forget", "--vault", str(vault), "--subject", "P2", "Wei Zhang")
    assert both.exit_code == 2 and "either" in both.output


def _truncated(tmp, policy, cut=5):
    vault, out = _people(tmp, policy)
    vault.write_bytes(vault.read_bytes()[:-cut])
    return vault, out


def test_a_truncated_vault_stops_reidentify_with_nothing_written(env):
    tmp, policy, _ = env
    vault, out = _truncated(tmp, policy)
    result = invoke("reidentify", "--vault", str(vault), str(out), str(tmp / "back"))
    assert result.exit_code == 2 and "damaged" in result.output and "--partial" in result.output
    assert not (tmp / "back").exists()


def test_partial_reidentify_counts_what_it_could_not_restore(env):
    tmp, policy, _ = env
    vault, out = _truncated(tmp, policy)
    result = invoke("reidentify", "--vault", str(vault), "--partial", "-q", "--text-field",
                    "note", str(out), str(tmp / "back"))  # the lost entry held the options
    assert result.exit_code == 5, result.output
    assert "PARTLY restored" in result.output and "3 document(s) without a vault entry" in (
        result.output)
    assert (tmp / "back" / "p.jsonl").read_text() == (out / "p.jsonl").read_text()
    assert "Gonzalez" not in result.output


def test_a_changed_entry_is_skipped_only_with_partial(env):
    tmp, policy, src = env
    vault = tmp / "vaults" / "v.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault))
    data = bytearray(vault.read_bytes())
    data[-3] ^= 0x20  # the last entry (one output file) is changed
    vault.write_bytes(bytes(data))
    strict = invoke("reidentify", "--vault", str(vault), str(out), str(tmp / "back"))
    assert strict.exit_code == 2 and "fails authentication" in strict.output
    assert not (tmp / "back").exists()
    partial = invoke("reidentify", "--vault", str(vault), "--partial", str(out),
                     str(tmp / "back"))
    assert partial.exit_code == 5 and "entry 4 fails authentication" in partial.output
    restored = [p for p in src.rglob("*") if p.is_file()
                and (tmp / "back" / p.relative_to(src)).read_text() == p.read_text()]
    assert len(restored) == 3  # the other three files are back exactly


def test_vault_files_are_private_and_open_keys_are_reported(env, caplog):
    tmp, policy, src = env
    vault = tmp / "vaults" / "v.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault))
    for path in (vault, vault.with_name("v.vault.log"), vault.with_name("v.vault.lock")):
        assert path.stat().st_mode & 0o777 == 0o600, path
    keys = tmp / "keys"
    keys.mkdir()
    (keys / "vault.key").write_text(VAULT_KEY)
    (keys / "vault.key").chmod(0o644)
    vault.chmod(0o644)
    result = invoke("reidentify", "--vault", str(vault), "--vault-key-file",
                    str(keys / "vault.key"), str(out), str(tmp / "back"))
    assert result.exit_code == 0
    warned = [r.getMessage() for r in caplog.records if "read by others" in r.getMessage()]
    assert any("vault key file" in w for w in warned) and any("vault " in w for w in warned)
    inside = vault.with_name("vault.key")
    inside.write_text(VAULT_KEY)
    refused = invoke("reidentify", "--vault", str(vault), "--vault-key-file", str(inside),
                     str(out), str(tmp / "back2"))
    assert refused.exit_code == 2 and "beside the vault" in refused.output
    assert not (tmp / "back2").exists()


def test_wrong_key_and_tampering_stop_with_exit_2(env, monkeypatch):
    tmp, policy, src = env
    vault = tmp / "vaults" / "v.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault))
    monkeypatch.setenv("REDACTOR_VAULT_KEY", "not-the-vault-key-0123456789")
    wrong = invoke("reidentify", "--vault", str(vault), str(out), str(tmp / "back"))
    assert wrong.exit_code == 2 and "wrong vault key" in wrong.output
    again = invoke("run", "--policy", str(policy), "--vault", str(vault), str(src),
                   str(tmp / "out2"))
    assert again.exit_code == 2 and not (tmp / "out2").exists()  # nothing written
    monkeypatch.setenv("REDACTOR_VAULT_KEY", VAULT_KEY)
    data = bytearray(vault.read_bytes())
    data[-3] ^= 0x20
    vault.write_bytes(bytes(data))
    tampered = invoke("forget", "--vault", str(vault), "Maria Gonzalez")
    assert tampered.exit_code == 2 and "fails authentication" in tampered.output


def test_vault_misuse_is_refused(env, monkeypatch):
    tmp, policy, src = env
    inside = invoke("run", "--policy", str(policy), "--vault", str(tmp / "out" / "v.vault"),
                    str(src), str(tmp / "out"))
    assert inside.exit_code == 2 and "keep it apart from the data" in inside.output
    (tmp / "vaults").mkdir()
    (tmp / "vaults" / "k").write_text(VAULT_KEY)
    beside = invoke("run", "--policy", str(policy), "--vault", str(tmp / "vaults" / "v.vault"),
                    "--vault-key-file", str(tmp / "vaults" / "k"), str(src), str(tmp / "o2"))
    assert beside.exit_code == 2 and "beside the vault" in beside.output
    monkeypatch.setenv("REDACTOR_VAULT_KEY", PSEUDO_KEY)
    same = invoke("run", "--policy", str(policy), "--vault", str(tmp / "v3.vault"), str(src),
                  str(tmp / "o3"))
    assert same.exit_code == 2 and "key of its own" in same.output
    monkeypatch.delenv("REDACTOR_VAULT_KEY")
    none = invoke("run", "--policy", str(policy), "--vault", str(tmp / "v4.vault"), str(src),
                  str(tmp / "o4"))
    assert none.exit_code == 2 and "REDACTOR_VAULT_KEY" in none.output


def fast_copy(name: str, tmp: Path) -> Path:
    """A bundled policy with the fast detectors (no spaCy), for behaviour tests."""
    data = yaml.safe_load((HERE.parents[1] / "policies" / f"{name}.yaml").read_text())
    data["detectors"] = {"patterns": True, "names": True}
    path = tmp / f"{name}-fast.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


SAFE_HARBOR_NOTE = """Patient: Maria Gonzalez
DOB: 07/22/1971
Seen on March 3, 2021. Address: 12 Main Street, Boston, MA 02115
A 92-year-old woman; her husband is 89 years old. Lives near Tok, AK 99780 and ZIP 03601.
Father born 01/02/1930.
"""


def test_hipaa_generalises_zip_dates_and_ages(env):
    tmp, _, _ = env
    src = tmp / "sh"
    src.mkdir()
    (src / "n.txt").write_text(SAFE_HARBOR_NOTE)
    out = redact(fast_copy("hipaa", tmp), src, tmp / "sh-out")
    text = (out / "n.txt").read_text()
    assert "DOB: 1971" in text and "Seen on 2021." in text
    assert "MA 021**" in text and "ZIP 000**" in text and "997**" in text
    assert "90+-year-old" in text and "89 years old" in text
    assert "born [DATE 90+]" in text
    assert "Gonzalez" not in text and "Main Street" not in text


def test_limited_data_set_keeps_dates_and_zip(env):
    tmp, _, _ = env
    src = tmp / "lds"
    src.mkdir()
    (src / "n.txt").write_text(SAFE_HARBOR_NOTE)
    out = redact(fast_copy("hipaa-limited", tmp), src, tmp / "lds-out")
    text = (out / "n.txt").read_text()
    assert "DOB: 07/22/1971" in text and "March 3, 2021" in text and "02115" in text
    assert "92-year-old" in text and "Gonzalez" not in text and "Main Street" not in text


def test_pseudonymised_json_keys_are_restored_too(env):
    """With redact_keys, a name used as a JSON key is pseudonymised and comes back exactly."""
    tmp, policy, src = env
    (src / "keyed.jsonl").write_text('{"Dr. Amara Diallo": "seen on 03/14/2021"}\n')
    keys = tmp / "keys"
    keys.mkdir()
    (keys / "vault.key").write_text(VAULT_KEY)
    vault = tmp / "vaults" / "study.vault"
    out = redact(policy, src, tmp / "out", "--redact-keys", "--vault", str(vault),
                 "--vault-key-file", str(keys / "vault.key"))
    assert "Diallo" not in (out / "keyed.jsonl").read_text()
    result = invoke("reidentify", "--vault", str(vault), "--vault-key-file",
                    str(keys / "vault.key"), str(out), str(tmp / "back"))
    assert result.exit_code == 0, result.output
    assert (tmp / "back" / "keyed.jsonl").read_text() == (src / "keyed.jsonl").read_text()


def _with_old_ids(vault_path: Path) -> None:
    """Rewrite a vault as runs before positional ids wrote it: JSON and CSV document ids name
    the field or header cell (``visits.csv:1:note``, ``events.jsonl:1:note``), and the segment
    options have no ``redact_keys``."""
    from redactor.vault.store import Segment, Vault, load_vault_key

    old_field = {"/1": "note", "3": "note"}  # EVENTS' and VISITS' "note" fields
    vault = Vault.open(vault_path, load_vault_key(None))
    segments = []
    for segment in vault.segments():
        docs = []
        for doc in segment.documents:
            head, _, last = doc.doc_id.rpartition(":")
            old_id = f"{head}:{old_field[last]}" if head else doc.doc_id
            docs.append(replace(doc, doc_id=old_id))
        options = {k: v for k, v in segment.options.items() if k != "redact_keys"}
        segments.append(Segment(docs, options, segment.written))
    with vault._lock(exclusive=True):
        vault._rewrite(segments)
    assert {d.doc_id for d in vault.documents()} >= {"visits.csv:2:note", "events.jsonl:1:note"}


def test_a_vault_with_old_document_ids_restores_unedited_output_by_content(env):
    tmp, policy, src = env
    vault = tmp / "vaults" / "old.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault))
    _with_old_ids(vault)
    result = invoke("reidentify", "--vault", str(vault), str(out), str(tmp / "back"))
    assert result.exit_code == 0, result.output
    for path in src.rglob("*"):
        if path.is_file():
            assert (tmp / "back" / path.relative_to(src)).read_text() == path.read_text(), path


def test_old_id_entries_that_match_nothing_are_counted_unresolved_not_skipped(env, caplog):
    """An output cell edited since an old run: its entry cannot be found by id or content, so
    its spans are counted as unresolved (exit 1) and said so, instead of a quiet exit 0."""
    tmp, policy, src = env
    vault = tmp / "vaults" / "old.vault"
    out = redact(policy, src, tmp / "out", "--vault", str(vault))
    _with_old_ids(vault)
    lines = (out / "visits.csv").read_text().splitlines(keepends=True)
    lines[2] = lines[2].replace('"Follow-up by', '"Follow up by')  # row 2's note edited
    (out / "visits.csv").write_text("".join(lines))
    result = invoke("reidentify", "--vault", str(vault), str(out), str(tmp / "back"))
    assert result.exit_code == 1, result.output
    assert "1 vault entr(ies) from a run before positional document ids" in caplog.text
    assert "Diallo" not in caplog.text  # counts only
    back = (tmp / "back" / "visits.csv").read_text().splitlines()
    assert back[1] == VISITS.splitlines()[1] and back[3] == VISITS.splitlines()[3]
    assert "Amara Diallo" not in back[2]  # not guessed at
    assert (tmp / "back" / "events.jsonl").read_text() == EVENTS
    log = [json.loads(x) for x in vault.with_name("old.vault.log").read_text().splitlines()]
    assert log[-1]["old_id_entries_unmatched"] == 1 and log[-1]["spans_unresolved"] >= 2
