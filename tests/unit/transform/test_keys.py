import pytest

from redactor.errors import KeyMissingError
from redactor.transform.keys import (
    SecretKey,
    load_key,
    long_enough,
    read_key_file,
    require_key,
)


def test_key_from_env(key_env):
    key = load_key()
    assert key is not None and key.material == key_env.encode() and not key.ephemeral


def test_key_file_wins_over_env(tmp_path, key_env):
    path = tmp_path / "k"
    path.write_text("file-key-0123456789abcdef\n")
    assert load_key(path).material == b"file-key-0123456789abcdef"


def test_no_key(no_key_env):
    assert load_key() is None
    with pytest.raises(KeyMissingError, match="--ephemeral-key"):
        require_key(None, "gdpr")


def test_ephemeral_keys_are_random(no_key_env):
    a, b = load_key(ephemeral=True), load_key(ephemeral=True)
    assert a.ephemeral and a.material != b.material


def test_short_key_rejected(tmp_path):
    path = tmp_path / "k"
    path.write_text("short")
    with pytest.raises(KeyMissingError, match="shorter"):
        load_key(path)


def test_missing_key_file(tmp_path):
    with pytest.raises(KeyMissingError, match="cannot read key file"):
        load_key(tmp_path / "none")


def test_repr_hides_material():
    key = SecretKey(b"super-secret-material-123")
    assert "super-secret" not in repr(key) and key.key_id in repr(key)
    assert SecretKey(b"x" * 16).key_id != SecretKey(b"y" * 16).key_id


@pytest.mark.parametrize(("mode", "warned"), [(0o600, False), (0o400, False), (0o640, True),
                                              (0o644, True), (0o604, True)])
def test_key_file_readable_by_others_is_warned(tmp_path, caplog, mode, warned):
    path = tmp_path / "k"
    path.write_text("file-key-0123456789abcdef\n")
    path.chmod(mode)
    with caplog.at_level("WARNING", logger="redactor"):
        assert load_key(path).material == b"file-key-0123456789abcdef"
    messages = [r.getMessage() for r in caplog.records]
    assert bool([m for m in messages if "chmod 600" in m]) is warned
    assert not any("file-key" in m for m in messages)  # never the key itself


def test_read_key_file_strips_and_names_what_it_reads(tmp_path):
    path = tmp_path / "k"
    path.write_bytes(b"  secret-bytes-0123456789\r\n")
    assert read_key_file(path, "vault key file") == b"secret-bytes-0123456789"
    with pytest.raises(KeyMissingError, match=r"cannot read vault key file .*missing: "):
        read_key_file(tmp_path / "missing", "vault key file")


def test_long_enough_is_a_bound_on_length():
    assert long_enough(b"x" * 16, "$K", 16) == b"x" * 16
    with pytest.raises(KeyMissingError, match=r"\$K is shorter than 17 bytes; use a longer key$"):
        long_enough(b"x" * 16, "$K", 17)
