"""Model folders redactor can build and load offline (see ``rampart.py`` for the default one)."""
