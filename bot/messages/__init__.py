"""Every sentence driftbot shows a person, as small pure functions, by audience and idea.

Errors return a `Message`, (message, hint), raised as `ConfigError(*say.thing(...))`; other
sentences return one string. A module's callers import it as `say` (`from bot.messages import
cli as say`). Nothing outside this package writes a sentence inline: tests/contract/
test_messages.py walks the tree. The modules:

    aws.py        AWS calls that failed: access denied, throttled, no credentials, no network
    catalog.py    mistakes in a service module's tables
    cli.py        the `drift` command line: error and warning lines, its commands' output
    codify.py     import files, codify pull requests and IaC notes
    config.py     drift.yml: a key's problem, the check window, ignore rules, the Athena table
    confirm.py    why a suspected drift is (not) confirmed against the live resource
    escalation.py what driftbot writes into alerts and tickets, and the thread replies on them
    files.py      finding and reading drift.yml and the runbook files, naming a runbook
    integrations.py  the reapply, escalation and codify targets' errors (target and fix)
    jobs.py       the worker's jobs: a failed check, reapply runs and their thread replies
    lifecycle.py  why a finding moved or may not move; the digest as a terminal prints it
    ops.py        running it as a service: `drift listen`, `status realtime`, `iam-policy`
    redis.py      Redis that cannot be used
    registry.py   a registry's key given twice, or not found
    report.py     the text report of `drift check`
    runbook.py    what a runbook gets wrong, why a finding was ruled out, its Athena SQL
    slack/        what the Slack app shows (mrkdwn): card, views, replies, answers
    sources.py    CloudTrail sources: log files, S3, LookupEvents, Athena, local SQL
    state.py      IaC state: Terraform, CloudFormation and Pulumi, on disk or in S3
    urls.py       URLs shown without secrets; webhook targets driftbot refuses
"""

from __future__ import annotations

Message = tuple[str, str]
