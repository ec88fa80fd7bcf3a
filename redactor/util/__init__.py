"""Small helpers shared across stages: file and folder digests, BIO tags, accent folding."""
