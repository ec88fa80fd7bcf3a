import pytest

from redactor.detect.validity import plausible


@pytest.mark.parametrize(
    ("label", "text", "ok"),
    [
        ("PHONE_NUMBER", "1001", False),
        ("PHONE_NUMBER", "(617) 555-0143", True),
        ("EMAIL_ADDRESS", "maria", False),
        ("EMAIL_ADDRESS", "m@example.org", True),
        ("ZIP_CODE", "MA", False),
        ("ACCOUNT_NUMBER", "00123456789", True),
        ("ID_NUMBER", "Falcon", False),
        ("PERSON", "1001", True),  # no shape rule for names
    ],
)
def test_shapes(label, text, ok):
    assert plausible(label, text) is ok
