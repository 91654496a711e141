"""What a change did, in words: the card's headline (`opened tcp/22 to 0.0.0.0/0`) and its
diff lines (`+ ingress tcp 22 from 0.0.0.0/0`), from a CloudTrail call's parameters
(bot/slack/summaries/) or from the attribute diff the live read found (bot/slack/diff_words.py).
Arguments are plain text; the renderers escape them."""

from __future__ import annotations

# The headline.


def headline(emoji: str, env: str, resource: str, what: str, actor: str, ago: str) -> str:
    """`🔴 prod · sg-0a11… opened tcp/22 to 0.0.0.0/0 · dev@example.com via console · 14 h ago`"""
    return f"{emoji} {env} · {resource} {what} · {actor} · {ago}"


def actor_via(actor: str, via: str) -> str:
    return f"{actor} via {via}" if via and via != "unknown" else actor


def resolved_headline(env: str, resource: str, how: str) -> str:
    return f"🟩 {env} · {resource} resolved: {how}"


def ago(hours: float) -> str:
    """An age as the headline shows it: 5 min, 14 h, 3 d."""
    if hours < 1:
        return f"{max(int(hours * 60), 1)} min ago"
    if hours < 48:
        return f"{int(hours)} h ago"
    return f"{int(hours // 24)} d ago"


def generic(event_words: str) -> str:
    """The fallback: the call's name in words (`update function configuration`)."""
    return event_words


def generic_with(event_words: str, what: str) -> str:
    return f"{event_words}: {what}"


def deleted() -> str:
    return "deleted"


def created() -> str:
    return "created"


def and_more(count: int) -> str:
    return f"and {count} more"


# Security groups and network ACLs.


def rule_text(protocol: str, ports: str) -> str:
    """`tcp/22`, `tcp/8000-8100`, `all traffic`, `icmp`."""
    if protocol in ("-1", "all"):
        return "all traffic"
    return f"{protocol}/{ports}" if ports else protocol


def opened(rule: str, sources: str, egress: bool) -> str:
    """`opened tcp/22 to 0.0.0.0/0` (who may now reach it), `opened egress all traffic to …`."""
    return f"opened {'egress ' if egress else ''}{rule} to {sources}"


def closed(rule: str, sources: str, egress: bool) -> str:
    return f"closed {'egress ' if egress else ''}{rule} to {sources}"


def rule_line(added: bool, direction: str, protocol: str, ports: str, sources: str) -> str:
    """`+ ingress tcp 22 from 0.0.0.0/0` / `- egress all traffic to 10.0.0.0/8`."""
    sign = "+" if added else "-"
    where = "to" if direction == "egress" else "from"
    what = "all traffic" if protocol in ("-1", "all") else f"{protocol} {ports}".strip()
    return f"{sign} {direction} {what} {where} {sources}"


def rules_modified(count: int) -> str:
    return f"modified {count} security group rule{'s' if count != 1 else ''}"


def acl_entry(added: bool, rule: str, action: str, cidr: str, egress: bool) -> str:
    sign = "+" if added else "-"
    return f"{sign} network ACL {'egress' if egress else 'ingress'} rule {rule}: {action} {cidr}"


def acl_changed(rule: str, action: str, cidr: str) -> str:
    return f"set network ACL rule {rule} to {action} {cidr}"


def acl_deleted(rule: str) -> str:
    return f"deleted network ACL rule {rule}"


# S3.


def policy_allows(principal: str, actions: str) -> str:
    """A policy statement in words: `Principal "*" now allowed s3:GetObject`."""
    return f'policy: Principal "{principal}" now allowed {actions}'


def policy_denies(principal: str, actions: str) -> str:
    return f'policy: Principal "{principal}" now denied {actions}'


def bucket_policy_public(actions: str) -> str:
    return f"made public ({actions} for everyone)"


def bucket_policy_set() -> str:
    return "replaced the bucket policy"


def bucket_policy_deleted() -> str:
    return "deleted the bucket policy"


def public_access_block_off(settings: str) -> str:
    return f"turned off public access block ({settings})"


def public_access_block_set() -> str:
    return "changed the public access block"


def public_access_block_deleted() -> str:
    return "removed the public access block"


def setting_line(name: str, value: str) -> str:
    return f"• {name}: {value}"


def acl_granted(grantee: str, permission: str) -> str:
    return f"granted {permission} to {grantee}"


def acl_set(acl: str) -> str:
    return f"set ACL {acl}"


def encryption_off() -> str:
    return "turned off default encryption"


def encryption_set(algorithm: str) -> str:
    return f"set default encryption to {algorithm}"


def versioning(status: str) -> str:
    return "suspended versioning" if status == "Suspended" else f"set versioning {status}"


def created_bucket() -> str:
    return "created (no IaC manages it)"


# IAM.


def attached_policy(policy: str) -> str:
    return f"attached {policy}"


def detached_policy(policy: str) -> str:
    return f"detached {policy}"


def put_inline_policy(policy: str) -> str:
    return f"put inline policy {policy}"


def deleted_inline_policy(policy: str) -> str:
    return f"deleted inline policy {policy}"


def policy_line(added: bool, policy: str) -> str:
    return f"{'+' if added else '-'} policy {policy}"


def trust_policy_changed(principals: str) -> str:
    return (
        f"changed the trust policy (now trusts {principals})"
        if principals
        else "changed the trust policy"
    )


def trust_line(principal: str) -> str:
    return f"trust: {principal} may assume the role"


# EC2 instances.


def instance_type_changed(kind: str) -> str:
    return f"changed the instance type to {kind}"


def security_groups_changed(groups: str) -> str:
    return f"set its security groups to {groups}"


def launched(kind: str) -> str:
    return f"launched {kind}" if kind else "launched"


def terminated() -> str:
    return "terminated"


def attribute_set(name: str, value: str) -> str:
    return f"set {name} to {value}"


# RDS.


def deletion_protection_off() -> str:
    return "turned off deletion protection"


def publicly_accessible_on() -> str:
    return "made it publicly accessible"


def db_settings(settings: str) -> str:
    return f"set {settings}"


def value_line(name: str, value: str) -> str:
    """`• backup retention: 1 day` (the value the call set)."""
    return f"• {name}: {value}"


DB_SETTINGS = {
    "backupRetentionPeriod": "backup retention",
    "dBInstanceClass": "instance class",
    "allocatedStorage": "storage (GiB)",
    "multiAZ": "Multi-AZ",
    "storageEncrypted": "storage encryption",
    "engineVersion": "engine version",
    "masterUserPassword": "master password",
    "vpcSecurityGroupIds": "security groups",
    "autoMinorVersionUpgrade": "minor version upgrades",
    "iAMDatabaseAuthenticationEnabled": "IAM database authentication",
}


def db_setting_name(key: str) -> str:
    return DB_SETTINGS.get(key, key)


def days(value: object) -> str:
    return f"{value} day" if str(value) == "1" else f"{value} days"


# Lambda.


def function_code_changed(source: str) -> str:
    return f"deployed new code{f' from {source}' if source else ''}"


def function_env_changed(names: str) -> str:
    return f"changed environment variables ({names})"


def function_config_changed(settings: str) -> str:
    return f"set {settings}"


LAMBDA_SETTINGS = {
    "timeout": "timeout",
    "memorySize": "memory",
    "role": "role",
    "runtime": "runtime",
    "handler": "handler",
    "layers": "layers",
    "vpcConfig": "VPC",
}
LAMBDA_UNITS = {"timeout": " s", "memorySize": " MB"}


def lambda_setting(key: str, value: str) -> str:
    return f"{LAMBDA_SETTINGS.get(key, key)} {value}{LAMBDA_UNITS.get(key, '')}"


def permission_added(principal: str, action: str) -> str:
    return f"let {principal} call {action}"


# KMS.


def key_policy_changed() -> str:
    return "replaced the key policy"


def key_rotation(enabled: bool) -> str:
    return "turned on key rotation" if enabled else "turned off key rotation"


def key_deletion(days: str) -> str:
    return (
        f"scheduled the key for deletion in {days} days"
        if days
        else "scheduled the key for deletion"
    )


def key_disabled() -> str:
    return "disabled the key"


# Load balancers.


def listener_rule(verb: str, conditions: str) -> str:
    """`verb`: added / changed / deleted."""
    return f"{verb} a listener rule{f' ({conditions})' if conditions else ''}"


def listener_changed(what: str) -> str:
    return f"changed the listener ({what})"


def certificates(added: bool, count: int) -> str:
    verb = "added" if added else "removed"
    return f"{verb} {count} listener certificate{'s' if count != 1 else ''}"


def lb_attribute(name: str, value: str) -> str:
    return f"set {name} to {value}"


# Tags.


def tags_set(tags: str) -> str:
    return f"tagged {tags}"


def tags_removed(keys: str) -> str:
    return f"removed tags {keys}"


def tag_line(added: bool, key: str, value: str | None) -> str:
    sign = "+" if added else "-"
    return f"{sign} tag {key}" + (f" = {value}" if value is not None else "")


# The diff the live read found.


def diff_added(path: str, value: str) -> str:
    return f"+ {path} {value}".rstrip()


def diff_removed(path: str, value: str) -> str:
    return f"- {path} {value}".rstrip()


def diff_changed(path: str, expected: str, actual: str) -> str:
    return f"~ {path}: {expected} → {actual}"


def diff_gone() -> str:
    return "- the resource is gone (IaC still has it)"


def diff_exists() -> str:
    return "+ the resource exists; no IaC state has it"


def nothing_else() -> str:
    return "(no value)"
