"""AWS CloudShell: a person's browser shell. Its calls (an environment started, a session,
credentials handed to it) change no infrastructure, and botocore has no model of its API; the
names are those CloudShell's user guide lists as logged to CloudTrail."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.service import Service

CLOUDSHELL = "cloudshell.amazonaws.com"

OPERATIONAL = [
    ops(
        CLOUDSHELL,
        "a person's shell: its environment, sessions, credentials, heartbeats and file "
        "transfers, not infrastructure",
        """CreateEnvironment StartEnvironment StopEnvironment DeleteEnvironment UpdateEnvironment
        CreateSession DeleteSession PutCredentials SendHeartBeat RedeemCode GetFileDownloadUrls
        GetFileUploadUrls""",
    ),
]

SERVICE = Service(operational=OPERATIONAL)
