"""The entity types redactor knows, with the HIPAA Safe Harbor category each falls under.

A policy may only name types listed here; recognizers only emit them. Keeping the catalogue
in one place is what lets a policy be validated completely when it loads.
"""

from __future__ import annotations

from types import MappingProxyType

#: label -> (description, HIPAA Safe Harbor identifier number or None)
ENTITY_TYPES: MappingProxyType[str, tuple[str, int | None]] = MappingProxyType(
    {
        "PERSON": ("names of people, incl. initials and user ids", 1),
        "STREET_ADDRESS": ("street address, with or without city and ZIP", 2),
        "LOCATION": ("city, county, region, facility, hospital, country", 2),
        "ZIP_CODE": ("postal / ZIP code", 2),
        "DATE": ("date or part of a date more precise than a year", 3),
        "AGE": ("age of a person", 3),
        "PHONE_NUMBER": ("telephone number", 4),
        "FAX_NUMBER": ("fax number", 5),
        "EMAIL_ADDRESS": ("e-mail address", 6),
        "US_SSN": ("US social security number", 7),
        "MEDICAL_RECORD_NUMBER": ("medical record number", 8),
        "HEALTH_PLAN_ID": ("health plan beneficiary / member number", 9),
        "ACCOUNT_NUMBER": ("account number", 10),
        "CREDIT_CARD": ("payment card number (Luhn valid)", 10),
        "IBAN_CODE": ("international bank account number (mod-97 valid)", 10),
        "LICENSE_NUMBER": ("certificate or licence number, incl. DEA", 11),
        "VEHICLE_ID": ("vehicle identifier: VIN, licence plate", 12),
        "DEVICE_ID": ("device identifier or serial number", 13),
        "MAC_ADDRESS": ("network hardware address", 13),
        "URL": ("web address", 14),
        "IP_ADDRESS": ("IPv4 or IPv6 address", 15),
        "BIOMETRIC_ID": ("biometric identifier reference", 16),
        "US_NPI": ("US national provider identifier (check digit valid)", 18),
        "US_ITIN": ("US individual taxpayer identification number", 18),
        "ID_NUMBER": ("other unique identifying number or code", 18),
        "ORGANIZATION": ("company, institution, employer", None),
        "NRP": ("nationality, religious or political group (GDPR Art. 9)", None),
    }
)


def is_known(label: str) -> bool:
    """True when ``label`` is an entity type of the catalogue."""
    return label in ENTITY_TYPES
