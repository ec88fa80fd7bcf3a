"""Synthetic people and documents for the dev set, audits, training and surrogates."""
