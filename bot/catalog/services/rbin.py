"""Recycle Bin retention rules, keyed by their server-made identifier."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

RBIN = "rbin.amazonaws.com"
RULE = "AWS::Rbin::Rule"

# awsdocs amazon-ec2-user-guide recycle-bin-ct records (every call below).
on(RBIN, "CreateRule", RULE, CREATE, "responseElements.identifier")
on(RBIN, ("UpdateRule", "LockRule", "UnlockRule"), RULE, UPDATE, "requestParameters.identifier")
on(RBIN, "DeleteRule", RULE, DELETE, "requestParameters.identifier")
on(RBIN, ("TagResource", "UntagResource"), RULE, UPDATE, "requestParameters.resourceArn")
