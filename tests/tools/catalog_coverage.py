"""What share of AWS's API the catalog covers: each in-scope service's mutating operations (by
the verbs in tests/botocore_models.py) that are a rule or a reasoned operational call.

    python -m tests.tools.catalog_coverage          # what is left, per model, and the share
"""

from __future__ import annotations

from bot.catalog.operational import OPERATIONAL_CALLS
from bot.catalog.rules import find_rule
from bot.catalog.services import SERVICES
from bot.trail.filter import OPERATIONAL
from tests.botocore_models import endpoint_source, model, mutating


def _accounted(source: str, name: str) -> bool:
    whole = OPERATIONAL.get(source, frozenset())
    return (
        find_rule(source, name) is not None
        or f"{source}:{name}" in OPERATIONAL_CALLS
        or whole is None
        or name in whole
    )


def coverage() -> tuple[int, int, dict[str, list[str]]]:
    """(covered, mutating operations, what is left per model) over the in-scope models: those
    the catalog's service modules name."""
    covered = total = 0
    left: dict[str, list[str]] = {}
    seen = set()
    for module in SERVICES:
        service = module.SERVICE
        sources = {line.source for line in service.rules}
        renamed = {v.rpartition(":")[2]: k for k, v in service.api_names.items()}
        for name in service.models:
            if name in seen:
                continue
            seen.add(name)
            found = model(name)
            own = {endpoint_source(found)} & sources or sources or {endpoint_source(found)}
            ops = [op for op in found.operation_names if mutating(op)]
            missing = [op for op in ops if not any(_accounted(s, renamed.get(op, op)) for s in own)]
            covered += len(ops) - len(missing)
            total += len(ops)
            if missing:
                left[name] = missing
    return covered, total, left


def main() -> None:
    covered, total, left = coverage()
    for name, ops in sorted(left.items()):
        print(f"{name}: {len(ops)} left: {' '.join(ops)}")
    print(f"covered {covered} of {total} mutating operations ({covered / total:.1%})")


if __name__ == "__main__":
    main()
