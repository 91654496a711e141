"""Macie: the account's Macie session (Macie v2, and the classic eventSource)."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SESSION = "AWS::Macie::Session"

# panther-analysis aws_macie_evasion records (UpdateMacieSession under both sources);
# Macie API reference (EnableMacie, DisableMacie).
for source in ("macie2.amazonaws.com", "macie.amazonaws.com"):
    on(source, "EnableMacie", SESSION, CREATE, "recipientAccountId")
    on(source, "UpdateMacieSession", SESSION, UPDATE, "recipientAccountId")
    on(source, "DisableMacie", SESSION, DELETE, "recipientAccountId")
