"""The pseudonym vault: what re-identification and erasure need, encrypted."""
