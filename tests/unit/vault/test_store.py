import json
import multiprocessing
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactor.errors import KeyMissingError
from redactor.policy import Policy
from redactor.span import Span
from redactor.transform.keys import SecretKey
from redactor.transform.operators import REVERSIBLE_ACTIONS
from redactor.transform.pseudonyms import PseudonymContext
from redactor.transform.replace import apply
from redactor.vault.reidentify import VaultIndex, restore_text
from redactor.vault.store import (
    MAGIC,
    Vault,
    VaultDocument,
    VaultError,
    VaultKey,
    VaultSpan,
    check_key_placement,
    document_entry,
    load_vault_key,
    text_digest,
)

KEY = VaultKey(b"vault-key-0123456789abcdef")
CTX = PseudonymContext(SecretKey(b"p" * 32), today=date(2025, 6, 1))
POLICY = Policy.from_mapping({"name": "v", "entities": {
    "PERSON": {"action": "pseudonymize"},
    "EMAIL_ADDRESS": {"action": "pseudonymize"},
    "PHONE_NUMBER": {"action": "pseudonymize"},
    "MEDICAL_RECORD_NUMBER": {"action": "pseudonymize"},
    "DATE": {"action": "date_shift", "max_days": 90},
    "US_SSN": {"action": "hash"},
    "ZIP_CODE": {"action": "generalize", "to": "zip3"},
    "LOCATION": {"action": "redact"},
}})


def doc(doc_id="a.txt", subject="s1", spans=(("Jane Roe", "Ann Lee"),)):
    text_spans = []
    cursor = 0
    for original, surrogate in spans:
        text_spans.append(VaultSpan(cursor, cursor + len(surrogate), "PERSON", "pseudonymize",
                                    surrogate, original))
        cursor += len(surrogate) + 1
    redacted = " ".join(s for _, s in spans)
    return VaultDocument(doc_id, text_digest(redacted), subject, doc_id.split(":")[0],
                         tuple(text_spans)), redacted


# ------------------------------------------------------------------------------ keys


def test_vault_key_from_env_and_file(tmp_path, monkeypatch):
    monkeypatch.setenv("REDACTOR_VAULT_KEY", "env-vault-key-0123456789")
    assert load_vault_key().material == b"env-vault-key-0123456789"
    path = tmp_path / "k"
    path.write_text("file-vault-key-0123456789\n")
    assert load_vault_key(path).material == b"file-vault-key-0123456789"
    monkeypatch.delenv("REDACTOR_VAULT_KEY")
    with pytest.raises(KeyMissingError, match="REDACTOR_VAULT_KEY"):
        load_vault_key()
    path.write_text("short")
    with pytest.raises(KeyMissingError, match="shorter"):
        load_vault_key(path)
    with pytest.raises(KeyMissingError, match="cannot read"):
        load_vault_key(tmp_path / "missing")
    assert "0123" not in repr(KEY) and KEY.key_id in repr(KEY)
    assert len(KEY.aes_key()) == 32


def test_key_file_must_not_sit_beside_the_vault_or_the_data(tmp_path):
    (tmp_path / "vaults").mkdir()
    (tmp_path / "keys").mkdir()
    (tmp_path / "out").mkdir()
    vault = tmp_path / "vaults" / "v.vault"
    check_key_placement(tmp_path / "keys" / "k", vault, tmp_path / "out")
    check_key_placement(None, vault)
    with pytest.raises(VaultError, match="beside the vault"):
        check_key_placement(tmp_path / "vaults" / "k", vault)
    with pytest.raises(VaultError):
        check_key_placement(tmp_path / "out" / "sub" / "k", vault, tmp_path / "out")


# ------------------------------------------------------------------------------ storage


def test_round_trip_and_latest_entry_wins(tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    first, text = doc()
    vault.append([first], {"columns": ["note"]})
    second, _ = doc(spans=(("John Roe", "Ann Lee"),))
    vault.append([second])
    again = Vault.open(path, KEY)
    assert again.vault_id == vault.vault_id and len(again.vault_id) == 32
    assert again.documents() == [first, second]
    assert again.file_options() == {"a.txt": {}}
    found, exact = VaultIndex.build(again.documents()).find("a.txt", text)
    assert exact and found == second
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and b"Jane" not in raw and b"Ann Lee" not in raw
    log = [json.loads(line) for line in vault.log_path.read_text().splitlines()]
    assert [e["event"] for e in log] == ["created"] and "Jane" not in vault.log_path.read_text()


def test_missing_vault_without_create(tmp_path):
    with pytest.raises(VaultError, match="does not exist"):
        Vault.open(tmp_path / "none.vault", KEY)


def test_wrong_key_is_reported(tmp_path):
    path = tmp_path / "v.vault"
    Vault.open(path, KEY, create=True).append([doc()[0]])
    with pytest.raises(VaultError, match="wrong vault key") as info:
        Vault.open(path, VaultKey(b"another-key-0123456789"))
    assert info.value.exit_code == 2 and info.value.code == "R600"


@pytest.mark.parametrize("where", ["segment", "header", "length"])
def test_tampering_is_detected(tmp_path, where):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    vault.append([doc()[0]])
    vault.append([doc("b.txt")[0]])
    data = bytearray(path.read_bytes())
    if where == "segment":
        data[-5] ^= 0x01
    elif where == "header":
        data[data.index(b'"created":"') + 12] ^= 0x01  # change the creation time
    else:
        data[len(data) - 40] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(VaultError, match=r"authentication|damaged|malformed|incomplete"):
        Vault.open(path, KEY).documents()


def test_swapped_segments_are_detected(tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    vault.append([doc("a.txt")[0]])
    size_one = path.stat().st_size
    vault.append([doc("b.txt")[0]])
    data = path.read_bytes()
    head_end = data.index(b"}") + 1
    first, second = data[head_end:size_one], data[size_one:]
    path.write_bytes(data[:head_end] + second + first)
    with pytest.raises(VaultError, match="authentication"):
        Vault.open(path, KEY)


def test_a_crash_mid_append_leaves_a_readable_vault(tmp_path, caplog):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    kept, _ = doc("a.txt")
    vault.append([kept])
    whole = path.stat().st_size
    vault.append([doc("b.txt")[0]])
    with open(path, "r+b") as handle:  # the second append was cut short by a crash
        handle.truncate(whole + 30)
    again = Vault.open(path, KEY)
    assert again.documents() == [kept] and again.torn_tail
    assert "incomplete entry" in caplog.text
    later, _ = doc("c.txt")
    again.append([later])  # the next writer cuts the torn entry off
    final = Vault.open(path, KEY)
    assert final.documents() == [kept, later] and not final.torn_tail


def test_partial_skips_a_changed_entry_and_reads_the_rest(tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    first, second, third = doc("a.txt")[0], doc("b.txt")[0], doc("c.txt")[0]
    vault.append([first])
    end_one = path.stat().st_size
    vault.append([second])
    vault.append([third])
    data = bytearray(path.read_bytes())
    data[end_one + 20] ^= 0x01  # inside the second entry's ciphertext
    path.write_bytes(bytes(data))
    with pytest.raises(VaultError, match="entry 2"):
        Vault.open(path, KEY)
    partial = Vault.open(path, KEY, partial=True)
    assert partial.documents() == [first, third]  # later entries keep their position
    assert partial.damage == ["entry 2 fails authentication"]
    with pytest.raises(VaultError, match=r"damaged .*--partial"):
        partial.require_intact()
    assert "Jane" not in str(partial.damage)


def test_torn_tail_is_damage_for_readers(tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    vault.append([doc()[0]])
    path.write_bytes(path.read_bytes()[:-3])
    opened = Vault.open(path, KEY)  # writers may still open it (the next append cuts it off)
    assert opened.damaged and opened.documents() == []
    with pytest.raises(VaultError, match="incomplete entry"):
        opened.require_intact()


def test_vault_log_and_lock_are_created_private(tmp_path, caplog):
    path = tmp_path / "v.vault"
    Vault.open(path, KEY, create=True).append([doc()[0]])
    for made in (path, path.with_name("v.vault.log"), path.with_name("v.vault.lock")):
        assert made.stat().st_mode & 0o777 == 0o600
    Vault.open(path, KEY).forget("Jane Roe")  # the rewrite stays private too
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o640)
    key = tmp_path / "k"
    key.write_text(KEY.material.decode())
    key.chmod(0o604)
    Vault.open(path, load_vault_key(key))
    assert "vault key file" in caplog.text and "mode 604" in caplog.text
    assert "mode 640" in caplog.text and KEY.material.decode() not in caplog.text


def _append_many(path: str, worker: int) -> None:
    vault = Vault.open(path, KEY, create=True)
    for i in range(5):
        entry, _ = doc(f"w{worker}-{i}.txt")
        vault.append([entry])


def test_concurrent_runs_do_not_lose_entries(tmp_path):
    path = str(tmp_path / "v.vault")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(path, w)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert all(w.exitcode == 0 for w in workers)
    ids = sorted(d.doc_id for d in Vault.open(path, KEY).documents())
    assert ids == sorted(f"w{w}-{i}.txt" for w in range(4) for i in range(5))


# ------------------------------------------------------------------------------ erasure


def test_forget_a_value_a_variant_and_a_subject(tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    one, _ = doc("a.txt", "s1", (("Maria Gonzalez", "Lucy Brown"), ("Ms. Gonzalez", "Ms. Brown"),
                                 ("Jane Roe", "Ann Lee")))
    two, _ = doc("b.txt", "s2", (("Ms. Gonzalez", "Ms. Brown"),))  # not named in full here
    three, _ = doc("c.txt", "patient-9", (("Bob Stone", "Tim Fox"),))
    vault.append([one, two, three])
    assert vault.forget("maria gonzalez", dry_run=True).spans == 2
    assert len(Vault.open(path, KEY).documents()[0].spans) == 3  # a dry run changes nothing
    result = vault.forget("Maria Gonzalez")
    assert (result.spans, result.documents) == (2, 1)
    left = {d.doc_id: [s.original for s in d.spans] for d in Vault.open(path, KEY).documents()}
    assert left == {"a.txt": ["Jane Roe"], "b.txt": ["Ms. Gonzalez"], "c.txt": ["Bob Stone"]}
    assert vault.forget("patient-9") == type(result)(1, 1)
    assert vault.forget("Tim Fox").spans == 0  # already gone
    assert vault.forget("Ann Lee").spans == 1  # by surrogate
    raw = path.read_bytes()
    assert b"Maria" not in raw
    log = vault.log_path.read_text()
    assert "Gonzalez" not in log and "patient-9" not in log
    events = [json.loads(line) for line in log.splitlines()]
    erasures = [e for e in events if e["event"] == "erasure"]
    assert [e["spans_removed"] for e in erasures] == [2, 1, 0, 1]
    with pytest.raises(VaultError):
        vault.forget("   ")


@pytest.mark.parametrize("original", [
    "I'm Maria Gonzalez", "Maria Gonzalez,", "GONZALEZ, MARIA", "Gonzalez,Maria",
    "maria   gonzalez", "Customer Maria\nGonzalez", "Dr. María González", "maria.gonzalez@x.org",
])
def test_forget_a_value_whatever_the_span_edges(tmp_path, original):
    """Issue 11: an entry whose original CONTAINS the name goes, whatever the span's edges."""
    vault = Vault.open(tmp_path / "v.vault", KEY, create=True)
    entry, redacted = doc("a.txt", "s1", ((original, "Lucy Brown"), ("Jane Roe", "Ann Lee")))
    vault.append([entry])
    assert vault.forget("Maria Gonzalez") == type(vault.forget("x", dry_run=True))(1, 1)
    (left,) = Vault.open(tmp_path / "v.vault", KEY).documents()
    assert [s.original for s in left.spans] == ["Jane Roe"]
    restored, count, _ = restore_text(redacted, left, exact=False)
    assert count == 1 and "aria" not in restored.lower()


@pytest.mark.parametrize("original", ["Mariana Gonzalez", "Maria Gonzalezova", "Gonzalez",
                                      "Maria Lopez"])
def test_forget_a_value_keeps_other_words(tmp_path, original):
    vault = Vault.open(tmp_path / "v.vault", KEY, create=True)
    vault.append([doc("a.txt", "s1", ((original, "Lucy Brown"),))[0]])
    assert vault.forget("Maria Gonzalez").spans == 0


def test_forget_a_subject_removes_every_entry_of_that_person(tmp_path):
    """Issue 13: `forget --subject` erases e-mail, SSN and every other entry of the subject."""
    vault = Vault.open(tmp_path / "v.vault", KEY, create=True)
    mine = [VaultDocument(f"p.csv:{row}:note", "0" * 64, "subject:P-7", "p.csv", (
        VaultSpan(0, 9, "EMAIL_ADDRESS", "pseudonymize", "a@b.org", "maria@x.org"),
        VaultSpan(10, 21, "US_SSN", "hash", "<US_SSN:ab>", "078-05-1120"))) for row in (1, 2)]
    other, _ = doc("p.csv:3:note", "subject:P-8", (("Maria Gonzalez", "Lucy Brown"),))
    vault.append([*mine, other])
    assert vault.forget(subject="p-7 ", dry_run=True) == type(vault.forget("x", dry_run=True))(
        4, 2)
    assert vault.forget(subject="P-7").spans == 4
    assert [d.doc_id for d in Vault.open(tmp_path / "v.vault", KEY).documents()] == [
        "p.csv:3:note"]  # a subject erasure is no value erasure
    assert b"078-05" not in (tmp_path / "v.vault").read_bytes()
    events = [json.loads(x) for x in vault.log_path.read_text().splitlines()]
    assert events[-1]["of"] == "subject" and "P-7" not in vault.log_path.read_text()
    with pytest.raises(VaultError, match="not both"):
        vault.forget("Maria Gonzalez", subject="P-8")
    with pytest.raises(VaultError, match="needs"):
        vault.forget(subject=" ")
    with pytest.raises(VaultError, match="needs"):
        vault.forget("...")


# ------------------------------------------------------------------------------ reidentify

_GIVEN = ["Maria", "John", "Aisha", "Wei", "Ingrid", "Kwame", "Lucía", "Jonas"]
_FAMILY = ["Gonzalez", "Smith", "Bello", "Zhang", "Halvorsen", "Mensah", "Fernández", "Becker"]
_piece = st.one_of(
    st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY)).map(
        lambda p: (f"{p[0]} {p[1]}", "PERSON")),
    st.sampled_from(_FAMILY).map(lambda f: (f"Ms. {f}", "PERSON")),
    st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY)).map(
        lambda p: (f"{p[1].upper()}, {p[0].upper()}", "PERSON")),
    st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY)).map(
        lambda p: (f"{p[0].lower()}.{p[1].lower()}@mail.com", "EMAIL_ADDRESS")),
    st.integers(200, 999).map(lambda n: (f"({n}) 555-{n:04d}", "PHONE_NUMBER")),
    st.integers(1000000, 9999999).map(lambda n: (f"MRN-{n}", "MEDICAL_RECORD_NUMBER")),
    st.dates(date(1950, 1, 1), date(2024, 12, 31)).map(lambda d: (d.strftime("%m/%d/%Y"), "DATE")),
    st.dates(date(1950, 1, 1), date(2024, 12, 31)).map(lambda d: (d.strftime("%B %d, %Y"), "DATE")),
    st.integers(100, 899).map(lambda n: (f"{n}-45-6789", "US_SSN")),
    st.integers(10000, 99999).map(lambda n: (f"{n}", "ZIP_CODE")),
    st.sampled_from(["Chicago", "Lagos"]).map(lambda c: (c, "LOCATION")),
)
_filler = st.text(alphabet="abc xyz.,;:\n", max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_filler, _piece), min_size=1, max_size=8), _filler)
def test_reidentify_restores_every_pseudonymised_span(pieces, tail):
    """reidentify(redact(x)) puts back every pseudonymised (and date-shifted, hashed) span
    exactly; what was generalised or redacted stays as it was redacted."""
    text, spans = "", []
    for filler, (value, label) in pieces:
        text += filler + " "
        spans.append(Span(len(text), len(text) + len(value), label))
        text += value
    text += tail
    redacted, done = apply(text, spans, POLICY, CTX, subject="s")
    entry = document_entry("d", "s", "f", text, redacted, done, REVERSIBLE_ACTIONS)
    restored, count, unresolved = restore_text(redacted, entry, exact=True) if entry else (
        redacted, 0, 0)
    assert unresolved == 0 and count == sum(r.action in REVERSIBLE_ACTIONS for r in done)
    # Every reversible span is back; the others keep their redacted form.
    expected, cursor = [], 0
    for r in done:
        original = text[r.start : r.end]
        expected.append(redacted[cursor : r.out_start])
        expected.append(original if r.action in REVERSIBLE_ACTIONS else redacted[
            r.out_start : r.out_end])
        cursor = r.out_end
    expected.append(redacted[cursor:])
    assert restored == "".join(expected)
    if all(r.action in REVERSIBLE_ACTIONS for r in done):
        assert restored == text


def test_edited_documents_fall_back_to_unique_surrogates():
    entry, redacted = doc(spans=(("Jane Roe", "Ann Lee"), ("Bob Stone", "Tim Fox")))
    edited = "Note: " + redacted
    index = VaultIndex.build([entry])
    found, exact = index.find("a.txt", edited)
    assert found == entry and not exact
    restored, count, unresolved = restore_text(edited, found, exact)
    assert restored == "Note: Jane Roe Bob Stone" and (count, unresolved) == (2, 0)
    doubled = redacted + " Ann Lee"
    _, count, unresolved = restore_text(doubled, entry, exact=False)
    assert (count, unresolved) == (1, 1)  # "Ann Lee" is no longer unique
    renamed, exact = index.find("renamed.txt", redacted)
    assert renamed == entry and exact
    assert index.find("other.txt", "nothing") == (None, False)


def test_forget_makes_reidentification_impossible(tmp_path):
    text = "Maria Gonzalez (maria.gonzalez@mail.com) met John Smith."
    spans = [Span(text.index(v), text.index(v) + len(v), label) for v, label in (
        ("Maria Gonzalez", "PERSON"), ("maria.gonzalez@mail.com", "EMAIL_ADDRESS"),
        ("John Smith", "PERSON"))]
    redacted, done = apply(text, spans, POLICY, CTX)
    vault = Vault.open(tmp_path / "v.vault", KEY, create=True)
    vault.append([document_entry("n.txt", "n.txt", "n.txt", text, redacted, done,
                                 REVERSIBLE_ACTIONS)])
    vault.forget("Maria Gonzalez")
    vault.forget("maria.gonzalez@mail.com")
    entry, exact = VaultIndex.build(Vault.open(tmp_path / "v.vault", KEY).documents()).find(
        "n.txt", redacted)
    restored, count, _ = restore_text(redacted, entry, exact)
    assert count == 1 and restored.endswith("met John Smith.")
    assert "Maria" not in restored and "maria" not in restored
    assert restored.startswith(redacted[: done[0].out_end])
    everything = json.dumps([d.to_dict() for d in Vault.open(tmp_path / "v.vault", KEY)
                             .documents()])
    assert "Maria" not in everything and "maria" not in everything
    assert os.path.getsize(tmp_path / "v.vault") > len(MAGIC)


def test_entries_cut_at_an_entry_boundary_are_missed_by_their_log(tmp_path):
    """A copy cut exactly between entries looks whole; the log's entry count tells."""
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    vault.append([doc("a.txt")[0]])
    whole = path.stat().st_size
    vault.append([doc("b.txt")[0]])
    vault.log_event("run", files=2)
    assert json.loads(vault.log_path.read_text().splitlines()[-1])["entries"] == 2
    assert not Vault.open(path, KEY).damaged
    path.write_bytes(path.read_bytes()[:whole])
    cut = Vault.open(path, KEY)  # a reader may open it ...
    assert cut.missing_entries == 1 and "log records 2" in cut.damage[0]
    with pytest.raises(VaultError, match="entries are missing"):
        cut.require_intact()  # ... and reidentify stops unless --partial
    with pytest.raises(VaultError, match="restore it from a backup"):
        Vault.open(path, KEY, create=True)  # a run must not hide the loss by adding to it
    vault.log_path.write_text(vault.log_path.read_text().replace(vault.vault_id, "0" * 32))
    assert not Vault.open(path, KEY).damaged  # the log of another vault of that name


def test_erasure_records_the_entries_left(tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.open(path, KEY, create=True)
    vault.append([doc("a.txt")[0]])
    vault.append([doc("b.txt", spans=(("Bob Stone", "Tim Fox"),))[0]])
    vault.forget("Jane Roe")  # the first entry is left empty and dropped
    assert json.loads(vault.log_path.read_text().splitlines()[-1])["entries"] == 1
    assert not Vault.open(path, KEY).damaged
