"""driftbot: catch AWS infrastructure drift from CloudTrail and IaC state."""

__version__ = "0.1.0"
