"""The escalation targets against their fakes: PagerDuty's Events API v2, an incident.io HTTP
alert source, Jira Cloud and GitHub issues. What each sends (method, path, auth, body), how a
second escalation and the finding's end are handled, and each API's errors, named with the
target and the fix (never the secret)."""

from __future__ import annotations

import asyncio
import base64
import email.utils
import time

import pytest

from bot.errors import DriftBotError, IntegrationError
from bot.lifecycle.transitions import Acceptance
from bot.policy.escalation import GithubIssue, IncidentIo, Jira, PagerDuty
from bot.shell.escalate.github_issue import GithubIssueClient
from bot.shell.escalate.incident_io import IncidentIoClient
from bot.shell.escalate.jira import JiraClient
from bot.shell.escalate.pagerduty import PagerDutyClient
from tests.fakes.github import FakeGitHub
from tests.fakes.incident_io import FakeIncidentIo
from tests.fakes.jira import FakeJira
from tests.fakes.pagerduty import FakePagerDuty
from tests.integrations import NOW, Sleeps, escalate_context, record

ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6"
INCIDENT_TOKEN = "inc-FAKE-source-token-0123456789"  # noqa: S105  (test fixtures)
SOURCE = "01GW2G3V0S59R238FAHPDS1R66"
JIRA_TOKEN = "ATATT3xFAKEjiraToken0123456789"  # noqa: S105
GH_TOKEN = "ghp_FAKEissuesToken0123456789abcdef"  # noqa: S105


def resolved(rec):
    return rec.model_copy(
        update={"state": "resolved", "resolution": "the live resource matches IaC again"}
    )


# ---- PagerDuty ------------------------------------------------------------------------------


@pytest.fixture
def pagerduty():
    with FakePagerDuty() as fake:
        fake.routing_keys.add(ROUTING_KEY)
        yield fake


def pd_target(fake) -> PagerDuty:
    return PagerDuty(routing_key_env="DRIFT_PAGERDUTY_KEY", api_url=fake.base_url)


def test_pagerduty_trigger_then_resolve_with_the_finding_id_as_dedup_key(pagerduty):
    rec = record()
    ctx = escalate_context(rec, {"DRIFT_PAGERDUTY_KEY": ROUTING_KEY}, Sleeps(), note="page them")
    client = PagerDutyClient()

    link = asyncio.run(client.open(pd_target(pagerduty), ctx, None))
    closed = asyncio.run(
        client.close(
            pd_target(pagerduty),
            escalate_context(resolved(rec), {"DRIFT_PAGERDUTY_KEY": ROUTING_KEY}, Sleeps()),
            link,
        )
    )

    trigger, resolve = [r.json for r in pagerduty.calls("POST", "/v2/enqueue")]
    assert trigger["routing_key"] == ROUTING_KEY
    assert trigger["event_action"] == "trigger"
    assert trigger["dedup_key"] == rec.id
    payload = trigger["payload"]
    assert payload["severity"] == "critical"
    assert "sg-0a11b22c33d44e55f" in payload["summary"]
    assert "dev@example.com" in payload["summary"]
    assert 'differs from IaC: ingress["tcp 22-22"].cidr_blocks' in payload["summary"]
    assert payload["custom_details"]["note"] == "page them"
    assert trigger["links"] == [{"href": ctx.card_url, "text": "Drift card in Slack"}]
    assert resolve == {"routing_key": ROUTING_KEY, "event_action": "resolve", "dedup_key": rec.id}
    assert (link.key, closed) == (rec.id, True)
    assert pagerduty.alerts[(ROUTING_KEY, rec.id)]["status"] == "resolved"
    assert pagerduty.dropped == []


def test_pagerduty_maps_severities_by_the_runbook(pagerduty):
    target = PagerDuty(
        routing_key_env="K", severity={"critical": "error"}, api_url=pagerduty.base_url
    )
    ctx = escalate_context(record(), {"K": ROUTING_KEY}, Sleeps())

    asyncio.run(PagerDutyClient().open(target, ctx, None))

    [sent] = pagerduty.calls("POST", "/v2/enqueue")
    assert sent.json["payload"]["severity"] == "error"


def test_pagerduty_400_names_the_routing_key_variable(pagerduty):
    ctx = escalate_context(record(), {"DRIFT_PAGERDUTY_KEY": "0" * 32}, Sleeps())

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(PagerDutyClient().open(pd_target(pagerduty), ctx, None))

    assert caught.value.status == 400
    assert "Invalid routing key" in caught.value.user_message
    assert "DRIFT_PAGERDUTY_KEY" in caught.value.hint
    assert "0" * 32 not in str(caught.value)


def test_pagerduty_429_and_5xx_are_retried(pagerduty):
    pagerduty.fail_next("POST", "/v2/enqueue", 429, {"status": "throttle event"})
    pagerduty.fail_next("POST", "/v2/enqueue", 500, "oops")
    sleeps = Sleeps()

    link = asyncio.run(
        PagerDutyClient().open(
            pd_target(pagerduty),
            escalate_context(record(), {"DRIFT_PAGERDUTY_KEY": ROUTING_KEY}, sleeps),
            None,
        )
    )

    assert link.key
    assert sleeps.waits == [1.0, 2.0]


def test_pagerduty_past_its_rate_limit_is_retried_then_named(pagerduty):
    pagerduty.limit = 1
    ctx = escalate_context(record(), {"DRIFT_PAGERDUTY_KEY": ROUTING_KEY}, Sleeps())
    asyncio.run(PagerDutyClient().open(pd_target(pagerduty), ctx, None))

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(PagerDutyClient().open(pd_target(pagerduty), ctx, None))

    assert caught.value.status == 429
    assert caught.value.retryable
    assert len(pagerduty.calls("POST", "/v2/enqueue")) == 5  # 1 + 4 attempts


# ---- incident.io ----------------------------------------------------------------------------


@pytest.fixture
def incident_io():
    with FakeIncidentIo() as fake:
        fake.sources[SOURCE] = INCIDENT_TOKEN
        yield fake


def io_target(fake, source=SOURCE) -> IncidentIo:
    return IncidentIo(
        alert_source_config_id=source,
        token_env="DRIFT_INCIDENT_IO_TOKEN",
        api_url=fake.base_url,
    )


def test_incident_io_firing_then_resolved_with_the_finding_id(incident_io):
    rec = record()
    env = {"DRIFT_INCIDENT_IO_TOKEN": INCIDENT_TOKEN}
    client = IncidentIoClient()

    link = asyncio.run(
        client.open(io_target(incident_io), escalate_context(rec, env, Sleeps()), None)
    )
    asyncio.run(
        client.close(io_target(incident_io), escalate_context(resolved(rec), env, Sleeps()), link)
    )

    firing, done = incident_io.calls("POST", f"/v2/alert_events/http/{SOURCE}")
    assert firing.header("Authorization") == f"Bearer {INCIDENT_TOKEN}"
    assert firing.json["status"] == "firing"
    assert firing.json["deduplication_key"] == rec.id
    assert firing.json["source_url"].startswith("https://slack.example/")
    assert firing.json["metadata"]["finding_id"] == rec.id
    assert done.json["status"] == "resolved"
    assert incident_io.alerts[(SOURCE, rec.id)]["status"] == "resolved"
    assert link.key == rec.id


@pytest.mark.parametrize(
    ("environ", "source", "status", "named"),
    [
        ({}, SOURCE, None, "DRIFT_INCIDENT_IO_TOKEN"),  # unset: ConfigError below
        ({"DRIFT_INCIDENT_IO_TOKEN": "wrong-token-value"}, SOURCE, 401, "DRIFT_INCIDENT_IO_TOKEN"),
        (
            {"DRIFT_INCIDENT_IO_TOKEN": INCIDENT_TOKEN},
            "01GW2G3V0S59R238FAHPDS1ZZZ",
            404,
            "01GW2G3V0S59R238FAHPDS1ZZZ",
        ),
    ],
)
def test_incident_io_errors(incident_io, environ, source, status, named):
    ctx = escalate_context(record(), environ, Sleeps())

    with pytest.raises(DriftBotError) as caught:
        asyncio.run(IncidentIoClient().open(io_target(incident_io, source), ctx, None))

    assert named in str(caught.value)
    assert "wrong-token-value" not in str(caught.value)
    if status is not None:
        assert isinstance(caught.value, IntegrationError)
        assert caught.value.status == status


def test_incident_io_403_for_another_sources_token(incident_io):
    incident_io.sources["01GW2G3V0S59R238FAHPDS1OTH"] = "other-source-token-123"
    ctx = escalate_context(
        record(), {"DRIFT_INCIDENT_IO_TOKEN": "other-source-token-123"}, Sleeps()
    )

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(IncidentIoClient().open(io_target(incident_io), ctx, None))

    assert caught.value.status == 403


def test_incident_io_422_says_what_was_invalid(incident_io):
    incident_io.fail_next(
        "POST",
        "/v2/alert_events/",
        422,
        {
            "type": "validation_error",
            "status": 422,
            "errors": [
                {
                    "code": "is_required",
                    "message": "title is required",
                    "source": {"field": "title"},
                }
            ],
        },
    )
    ctx = escalate_context(record(), {"DRIFT_INCIDENT_IO_TOKEN": INCIDENT_TOKEN}, Sleeps())

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(IncidentIoClient().open(io_target(incident_io), ctx, None))

    assert "title is required" in caught.value.user_message


def test_incident_io_429_waits_for_the_bodys_retry_after(incident_io):
    when = email.utils.formatdate(time.time() + 10, usegmt=True)
    incident_io.fail_next("POST", "/v2/alert_events/", 429, incident_io.rate_limit_body(when))
    sleeps = Sleeps()

    asyncio.run(
        IncidentIoClient().open(
            io_target(incident_io),
            escalate_context(record(), {"DRIFT_INCIDENT_IO_TOKEN": INCIDENT_TOKEN}, sleeps),
            None,
        )
    )

    [wait] = sleeps.waits
    assert 5 <= wait <= 10


# ---- Jira -------------------------------------------------------------------------------------


@pytest.fixture
def jira():
    with FakeJira() as fake:
        fake.accounts["bot@acme.example"] = (JIRA_TOKEN, {"OPS"})
        yield fake


def jira_target(fake, project="OPS") -> Jira:
    return Jira(
        base_url=fake.base_url,
        project=project,
        issue_type="Task",
        email_env="JIRA_EMAIL",
        token_env="JIRA_TOKEN",
    )


JIRA_ENV = {"JIRA_EMAIL": "bot@acme.example", "JIRA_TOKEN": JIRA_TOKEN}


def test_jira_issue_created_once_commented_on_again_and_closed_through_done(jira):
    rec = record()
    client = JiraClient()

    link = asyncio.run(
        client.open(jira_target(jira), escalate_context(rec, JIRA_ENV, Sleeps()), None)
    )
    again = asyncio.run(
        client.open(
            jira_target(jira), escalate_context(rec, JIRA_ENV, Sleeps(), note="still open"), link
        )
    )
    done = asyncio.run(
        client.close(jira_target(jira), escalate_context(resolved(rec), JIRA_ENV, Sleeps()), link)
    )

    [created] = jira.calls("POST", "/rest/api/3/issue")[:1]
    basic = base64.b64encode(f"bot@acme.example:{JIRA_TOKEN}".encode()).decode()
    assert created.header("Authorization") == f"Basic {basic}"
    fields = created.json["fields"]
    assert fields["project"] == {"key": "OPS"}
    assert fields["issuetype"] == {"name": "Task"}
    assert fields["description"]["type"] == "doc"
    assert (link.key, link.url) == ("OPS-24", f"{jira.base_url}/browse/OPS-24")
    assert again.key == link.key
    assert len(jira.calls("POST", "/rest/api/3/issue/OPS-24/comment")) == 2
    [moved] = jira.calls("POST", "/rest/api/3/issue/OPS-24/transitions")
    assert moved.json == {"transition": {"id": "31"}}
    assert done
    assert jira.issues["OPS-24"]["status"] == "Done"


@pytest.mark.parametrize(
    ("environ", "project", "status", "words"),
    [
        (
            {"JIRA_EMAIL": "bot@acme.example", "JIRA_TOKEN": "wrong-jira-token"},
            "OPS",
            401,
            "`JIRA_TOKEN`",
        ),
        (JIRA_ENV, "SEC", 403, "SEC"),
    ],
)
def test_jira_errors(jira, environ, project, status, words):
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            JiraClient().open(
                jira_target(jira, project), escalate_context(record(), environ, Sleeps()), None
            )
        )

    assert caught.value.status == status
    assert words in caught.value.user_message
    assert "wrong-jira-token" not in str(caught.value)


def test_jira_400_names_the_field(jira):
    jira.fail_next(
        "POST",
        "/rest/api/3/issue",
        400,
        {"errorMessages": [], "errors": {"customfield_10010": "Team is required."}},
    )

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            JiraClient().open(
                jira_target(jira), escalate_context(record(), JIRA_ENV, Sleeps()), None
            )
        )

    assert "customfield_10010: Team is required." in caught.value.user_message


def test_jira_429_is_retried_after_retry_after(jira):
    jira.fail_next(
        "POST",
        "/rest/api/3/issue",
        429,
        {},
        {"Retry-After": "2", "RateLimit-Reason": "jira-burst-based"},
    )
    sleeps = Sleeps()

    asyncio.run(
        JiraClient().open(jira_target(jira), escalate_context(record(), JIRA_ENV, sleeps), None)
    )

    assert sleeps.waits == [2.0]


# ---- GitHub issues ----------------------------------------------------------------------------


@pytest.fixture
def github():
    with FakeGitHub() as fake:
        fake.add_repo("acme/infra")
        fake.add_token(GH_TOKEN, {"acme/infra"}, {"issues:write"})
        yield fake


def issue_target(fake) -> GithubIssue:
    return GithubIssue(repo="acme/infra", labels=["drift"], token_env="GH", api_url=fake.base_url)


def test_github_issue_created_once_commented_again_and_closed(github):
    rec = record()
    env = {"GH": GH_TOKEN}
    client = GithubIssueClient()

    link = asyncio.run(
        client.open(issue_target(github), escalate_context(rec, env, Sleeps()), None)
    )
    asyncio.run(client.open(issue_target(github), escalate_context(rec, env, Sleeps()), link))
    accepted = rec.model_copy(
        update={
            "state": "accepted",
            "acceptance": Acceptance(by="<@U0BOB>", reason="hotfix", at=NOW),
        }
    )
    asyncio.run(client.close(issue_target(github), escalate_context(accepted, env, Sleeps()), link))

    issue = github.repos["acme/infra"].issues[int(link.key)]
    assert issue.labels == ["drift"]
    assert rec.id in issue.body
    assert len(issue.comments) == 2
    assert "accepted by <@U0BOB>: hotfix" in issue.comments[-1]
    assert (issue.state, issue.state_reason) == ("closed", "not_planned")
    assert link.url == f"https://github.example/acme/infra/issues/{link.key}"


def test_github_issue_without_issues_write_says_so(github):
    github.add_token(GH_TOKEN, {"acme/infra"}, {"actions:write"})

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            GithubIssueClient().open(
                issue_target(github), escalate_context(record(), {"GH": GH_TOKEN}, Sleeps()), None
            )
        )

    assert caught.value.status == 403
    assert "`issues: write`" in caught.value.user_message
