"""Every Redis key driftbot reads or writes, in one place (as arq keeps its own in
`arq/constants.py`). The README's "State in Redis" documents them; they never change.

All ours start with `driftbot:`:

    finding:{env}:{fid}         JSON FindingRecord                        no TTL
    findings:{env}              SET of finding ids                        no TTL
    history:{env}               STREAM of transitions and checks          trimmed to the retention
    history:{env}:{fid}         STREAM of one finding's transitions       trimmed to the retention
    watermark:{env}:{source}    ISO time up to which CloudTrail was read  no TTL
    job:{job_id}                HASH state, progress, counts, error       7 days
    running:{env}               the id of the check running for env       refreshed while it runs
    done:{job_id}               marks a job's results as written          the retention
    digest:{env}                ISO time of the last digest               no TTL
    outbox                      STREAM of finding changes, for Slack      last 10,000 entries
    card:{env}:{fid}            HASH channel, ts, version (rendered), audited (last version
                                whose transitions were replied in the thread)   no TTL
    card-lock:{env}:{fid}       one renderer at a time per card: its owner, renewed while it
                                works                                     the lease (30 s)
    post:{key}                  HASH channel, thread_ts, at (intent, before the post), ts (after
                                it): a Slack post made once (bot/shell/posting.py)   30 days
    approval:{id}               JSON ApprovalRequest                      expiry + 7 days
    approval-open:{env}:{fid}   the pending request of a finding          its expiry
    slack-event:{event_id}      an Events API delivery already handled    15 min
    usergroup:{id}              JSON list of member user ids              10 min
    clean:{env}                 "1" when the last notice said the env is clean   no TTL
    digest-clean:{env}          "1" when the last digest found nothing    no TTL
    rt-seen:{env}:{event_id}    an event the real-time path stored for env   15 days (> SQS's
                                longest retention, 14 days)
    realtime                    HASH the real-time path's counters (received, routed,
                                dropped:{reason}, deleted, failed, dead_lettered, …)   no TTL
    realtime:dead               STREAM messages given up on their last receive (SQS moves
                                them to the dead-letter queue)            last 1,000 entries
    realtime:ignored            STREAM messages that were no CloudTrail event (deleted)
                                                                          last 1,000 entries
    pace:{bucket}               a Slack rate bucket's next free slot (GCRA)  seconds
    baselined:{env}             the env's first check with Slack was summarised   no TTL
    approvals-pending           ZSET of pending reapply requests by expiry  no TTL
    home-viewers                ZSET of users by when they last opened Home   trimmed to 7 days
    ask:{env}:{fid}             HASH user -> JSON of the question asked about a change  90 days
    slack-user:{actor}          the Slack user id a CloudTrail actor is ("" none)   1 day
    workspace                   JSON of the workspace's url and team (auth.test)   1 day

arq keeps its own keys under `arq:`; the ids of the jobs we enqueue are built here too.
"""

from __future__ import annotations

from arq.constants import in_progress_key_prefix

PREFIX = "driftbot:"
OUTBOX = f"{PREFIX}outbox"
# The flags behind "back to clean" notices and quiet digests (`flag(name, env)`).
CLEAN = "clean"
DIGEST_CLEAN = "digest-clean"


def finding(env: str, fid: str) -> str:
    return f"{PREFIX}finding:{env}:{fid}"


def findings(env: str) -> str:
    return f"{PREFIX}findings:{env}"


def history(env: str, fid: str | None = None) -> str:
    return f"{PREFIX}history:{env}" + (f":{fid}" if fid else "")


def watermark(env: str, source: str) -> str:
    return f"{PREFIX}watermark:{env}:{source}"


def job(job_id: str) -> str:
    return f"{PREFIX}job:{job_id}"


def running(env: str) -> str:
    return f"{PREFIX}running:{env}"


def done(job_id: str) -> str:
    return f"{PREFIX}done:{job_id}"


def digest(env: str) -> str:
    return f"{PREFIX}digest:{env}"


def card(env: str, fid: str) -> str:
    return f"{PREFIX}card:{env}:{fid}"


def card_lock(env: str, fid: str) -> str:
    return f"{PREFIX}card-lock:{env}:{fid}"


def post(key: str) -> str:
    """One post's intent and result; `key` names what it is (`card:{env}:{fid}`, …)."""
    return f"{PREFIX}post:{key}"


def approval(request_id: str) -> str:
    return f"{PREFIX}approval:{request_id}"


def approval_open(env: str, fid: str) -> str:
    return f"{PREFIX}approval-open:{env}:{fid}"


def slack_event(event_id: str) -> str:
    return f"{PREFIX}slack-event:{event_id}"


def usergroup(group: str) -> str:
    return f"{PREFIX}usergroup:{group}"


REALTIME = f"{PREFIX}realtime"
REALTIME_DEAD = f"{PREFIX}realtime:dead"
REALTIME_IGNORED = f"{PREFIX}realtime:ignored"


def realtime_seen(env: str, event_id: str) -> str:
    return f"{PREFIX}rt-seen:{env}:{event_id}"


def pace(bucket: str) -> str:
    """A Slack rate bucket (`post:{channel}`, `update`, `publish`): bot/shell/redis/pace.py."""
    return f"{PREFIX}pace:{bucket}"


def baselined(env: str) -> str:
    return f"{PREFIX}baselined:{env}"


APPROVALS_PENDING = f"{PREFIX}approvals-pending"
HOME_VIEWERS = f"{PREFIX}home-viewers"
WORKSPACE = f"{PREFIX}workspace"


def ask(env: str, fid: str) -> str:
    """The questions asked about a finding's changes, by Slack user."""
    return f"{PREFIX}ask:{env}:{fid}"


def slack_user(actor: str) -> str:
    return f"{PREFIX}slack-user:{actor}"


def flag(name: str, env: str) -> str:
    """`clean:{env}` or `digest-clean:{env}` (CLEAN, DIGEST_CLEAN)."""
    return f"{PREFIX}{name}:{env}"


# arq's in-progress mark, and the ids of the jobs we enqueue (arq keeps a job at `arq:job:{id}`).


def in_progress(job_id: str) -> str:
    """arq's mark that a job is running (a running job renews it as its lease)."""
    return in_progress_key_prefix + job_id


def check_job(env: str, unique: str) -> str:
    return f"check-{env}-{unique}"


def scheduled_check_job(env: str, slot: str) -> str:
    """One id per schedule slot, so a slot's check is queued once however many workers tick."""
    return f"sched-{env}-{slot}"


def digest_job(env: str, day: str) -> str:
    return f"digest-{env}-{day}"


def reapply_job(request_id: str, attempt: int = 1) -> str:
    """The first attempt keeps the id it always had; a Retry gets `-2`, `-3`…"""
    return f"reapply-{request_id}" + (f"-{attempt}" if attempt > 1 else "")


def follow_job(request_id: str, attempt: int, poll: int) -> str:
    """One poll of a reapply run (`poll` counts from 1)."""
    return f"follow-{request_id}-{attempt}-{poll}"


def escalate_job(env: str, fid: str, target: str, unique: str) -> str:
    """One escalation of a finding to one target (`unique`: the finding's version for an
    automatic one, a fresh id for a person's)."""
    return f"escalate-{env}-{fid}-{target}-{unique}"


def deescalate_job(env: str, fid: str, version: int) -> str:
    """Resolving a finding's alerts and closing its tickets, once per finding version."""
    return f"deescalate-{env}-{fid}-{version}"


def codify_job(env: str, fid: str, kind: str, unique: str) -> str:
    """A codify pull request (`kind` codify) or an IaC note (`iac_note`) for a finding."""
    return f"codify-{kind}-{env}-{fid}-{unique}"
