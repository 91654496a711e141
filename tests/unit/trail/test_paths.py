"""What log paths say, and which files a check opens (trail_paths)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.trail.paths import LogPath, PathScope, is_not_a_log, parse_log_path

NAME = "111122223333_CloudTrail_eu-west-1_20261123T0915Z_AbCdEfGh12345678.json.gz"


def test_account_trail_layout():
    """Account, region, day and delivery time come from the folder and the object name."""
    info = parse_log_path(f"bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/23/{NAME}")

    assert info == LogPath(
        "111122223333", "eu-west-1", date(2026, 11, 23), datetime(2026, 11, 23, 9, 15, tzinfo=UTC)
    )


def test_organization_trail_layout():
    """Organization trails add `o-ORGID/` after AWSLogs/."""
    info = parse_log_path("AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/us-east-1/2026/11/23/x.gz")

    assert (info.account, info.region, info.day) == (
        "444455556666",
        "us-east-1",
        date(2026, 11, 23),
    )


def test_flat_folder_and_unknown_names_say_nothing():
    """Files outside the layout are always opened."""
    assert parse_log_path("/srv/logs/export.json") == LogPath()
    assert PathScope(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)).allows(
        LogPath()
    )


SCOPE = PathScope(
    start=datetime(2026, 11, 23, 10, tzinfo=UTC),
    end=datetime(2026, 11, 24, 10, tzinfo=UTC),
    accounts=frozenset({"111122223333"}),
    regions=frozenset({"eu-west-1"}),
)


def test_scope_prunes_other_accounts_regions_and_days():
    """Files of other accounts, regions or days are not opened."""
    day = date(2026, 11, 23)

    assert SCOPE.allows(LogPath("111122223333", "eu-west-1", day))
    assert not SCOPE.allows(LogPath("999988887777", "eu-west-1", day))
    assert not SCOPE.allows(LogPath("111122223333", "ap-south-1", day))
    assert not SCOPE.allows(LogPath("111122223333", "eu-west-1", date(2026, 11, 22)))
    assert not SCOPE.allows(LogPath("111122223333", "eu-west-1", date(2026, 11, 30)))


def test_us_east_1_is_opened_for_global_service_events():
    """IAM, CloudFront and Route 53 events land in us-east-1 files, whatever the regions."""
    assert SCOPE.allows(LogPath("111122223333", "us-east-1", date(2026, 11, 23)))


def test_delivery_time_prunes_files_delivered_before_the_window():
    """A file delivered before the window starts holds only older records."""
    before = datetime(2026, 11, 23, 9, 55, tzinfo=UTC)
    after = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)

    assert not SCOPE.allows(LogPath("111122223333", "eu-west-1", None, before))
    assert SCOPE.allows(LogPath("111122223333", "eu-west-1", None, after))


def test_digest_and_insight_files_are_not_logs():
    """CloudTrail-Digest and CloudTrail-Insight trees hold no API calls."""
    assert is_not_a_log("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/23/x.json.gz")
    assert not is_not_a_log(f"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/23/{NAME}")
