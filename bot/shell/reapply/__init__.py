"""Reapply targets: what a Reapply triggers once approved."""
