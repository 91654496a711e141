"""Drift: findings and their report, progress, and the live comparison per type. Pure."""
