"""Explanations of decisions and the review loop: explain, review queue, corrections."""
