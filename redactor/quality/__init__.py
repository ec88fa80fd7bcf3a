"""Compliance and bias audits: a seeded synthetic test set, group metrics, gates and reports."""
