"""Transform: the policy's actions applied to resolved spans.

Operators, pseudonyms and surrogates, person names, dates, Safe Harbor generalisation, typed
columns and the secret key.
"""
