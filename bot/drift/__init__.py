"""Drift: the detector that keeps a check's changes, findings and their report, progress, and
the live comparison per type. Pure."""
