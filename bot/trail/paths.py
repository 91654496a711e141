"""What a CloudTrail log file's path says about it, so files out of scope are never opened.

CloudTrail writes `[PREFIX/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/` and names
each object `ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz`, where the time is when
the file was delivered: every record in it is from before that time. Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.trail.filter import GLOBAL_EVENTS_REGION

_DIR = re.compile(
    r"AWSLogs/(?:o-[a-z0-9]+/)?(?P<account>\d{12})/CloudTrail/(?P<region>[a-z0-9-]+)"
    r"(?:/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2}))?(?:/|$)"
)
_NAME = re.compile(
    r"(?P<account>\d{12})_CloudTrail_(?P<region>[a-z0-9-]+)_(?P<stamp>\d{8}T\d{4}Z)_"
)
# Delivery is "typically about 5 minutes" after the call and not guaranteed; a file delivered
# this long after the window's end is assumed to hold nothing from inside it.
DELIVERY_SLACK = timedelta(days=1)
# Digest and Insights files share the tree but hold no API calls.
NOT_LOGS = ("CloudTrail-Digest", "CloudTrail-Insight")


@dataclass(frozen=True)
class LogPath:
    """Scope information read off a path; None where the path does not say."""

    account: str | None = None
    region: str | None = None
    day: date | None = None
    delivered: datetime | None = None


def parse_log_path(path: str) -> LogPath:
    """Account, region, day and delivery time from a (relative or absolute) log path."""
    path = path.replace("\\", "/")
    account = region = None
    day: date | None = None
    delivered: datetime | None = None
    m = _DIR.search(path)
    if m:
        account, region = m["account"], m["region"]
        if m["y"]:
            try:
                day = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                day = None
    n = _NAME.search(path.rsplit("/", 1)[-1])
    if n:
        account, region = account or n["account"], region or n["region"]
        try:
            delivered = datetime.strptime(n["stamp"], "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
        except ValueError:
            delivered = None
    return LogPath(account, region, day, delivered)


def log_prefix(prefix: str, organization_id: str | None) -> str:
    """`[PREFIX/]AWSLogs/[o-ORGID/]`: where a trail's account folders start in its bucket."""
    path = prefix.strip("/")
    org = f"{organization_id}/" if organization_id else ""
    return (f"{path}/" if path else "") + "AWSLogs/" + org


def is_not_a_log(path: str) -> bool:
    """Digest and Insights files: part of a CloudTrail tree, never API calls."""
    return any(marker in path for marker in NOT_LOGS)


@dataclass(frozen=True)
class PathScope:
    """The environment and window, as far as a path can tell."""

    start: datetime
    end: datetime
    accounts: frozenset[str] | None = None
    regions: frozenset[str] | None = None

    def allows(self, info: LogPath) -> bool:
        """False only when the path proves the file holds nothing in scope."""
        if self.accounts is not None and info.account and info.account not in self.accounts:
            return False
        # us-east-1 files also carry the global services' events (IAM, CloudFront, Route 53).
        if (
            self.regions is not None
            and info.region
            and info.region not in self.regions
            and info.region != GLOBAL_EVENTS_REGION
        ):
            return False
        if info.delivered is not None:
            return self.start <= info.delivered <= self.end + DELIVERY_SLACK
        if info.day is not None:
            return self.start.date() <= info.day <= (self.end + DELIVERY_SLACK).date()
        return True
