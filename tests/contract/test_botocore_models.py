"""The catalog checked against AWS's own API models (botocore's): every rule's call is an
operation of its service's model (in CloudTrail's spelling: Lambda's versioned names, the
names a module maps in `api_names`), and every JMESPath of a rule names members that exist in
the operation's input or output, spelled as CloudTrail spells them (tests/botocore_models.py
says how, per `Service.casing`)."""

from __future__ import annotations

import pytest

from bot.catalog.service import Service
from bot.catalog.services import SERVICES
from tests.botocore_models import check_path, field_paths, model, operation, operations


def _module_name(module: object) -> str:
    return str(getattr(module, "__name__", ""))


RULE_LINES = [
    (_module_name(module).rsplit(".", 1)[-1], module.SERVICE, line.source, name, line.target)
    for module in SERVICES
    for line in module.SERVICE.rules
    for name in line.names
]


# The lines whose call is an operation of the model: a CloudTrail-only event (the service's
# `not_in_models`, checked above and below to be no operation) has no members to check.
PATH_LINES = [item for item in RULE_LINES if item[3] not in item[1].not_in_models]


def _id(item: tuple) -> str:
    return f"{item[2].split('.')[0]}:{item[3]}:{item[4].ids[:40]}"


def test_every_service_with_rules_names_its_models():
    missing = [_module_name(m) for m in SERVICES if m.SERVICE.rules and not m.SERVICE.models]

    assert missing == []
    for module in SERVICES:
        for name in module.SERVICE.models:
            assert model(name).service_name == name


@pytest.mark.parametrize("item", RULE_LINES, ids=_id)
def test_each_rule_is_an_operation_of_its_model(item):
    """The call exists in the service's API (or is a CloudTrail-only event, said why)."""
    _, service, source, name, _ = item
    found = operations(service, source, name)

    assert found or name in service.not_in_models, f"{name} is no operation of {service.models}"


def test_only_cloudtrail_only_events_are_left_out_of_the_path_check():
    left_out = [item for item in RULE_LINES if item not in PATH_LINES]

    assert left_out, "no CloudTrail-only event: the filter above is dead"
    assert all(not operations(service, source, name) for _, service, source, name, _ in left_out)


@pytest.mark.parametrize("item", PATH_LINES, ids=_id)
def test_each_rule_path_names_members_of_the_operation(item):
    """Every field a rule's JMESPath reads under requestParameters or responseElements is a
    member of the operation's input or output, in CloudTrail's spelling."""
    _, service, source, name, target = item
    found = operations(service, source, name)
    assert found, f"{name} is no operation of {service.models}"
    problems = []
    for expr in (target.ids, target.name, target.scope):
        if expr is None:
            continue
        for path in field_paths(expr):
            if ".".join(path) in service.model_exceptions:
                continue
            # A path may hold for one of the models only (API Gateway v1 or v2).
            found_problems = [check_path(op, service.casing, path) for op in found]
            if all(found_problems):
                problems.append(f"{'.'.join(path)}: {found_problems[0]}")

    assert problems == []


def test_cloudtrail_only_events_are_not_operations():
    """A name listed as CloudTrail-only really is no operation (else it needs no excuse)."""
    wrong = [
        (service.models, name)
        for service in (m.SERVICE for m in SERVICES)
        for name in service.not_in_models
        if operation(service, name) is not None
    ]

    assert wrong == []


def test_model_exceptions_are_paths_the_model_lacks():
    """A path excused from the model check is really not in the model, and some rule reads it."""
    for module in SERVICES:
        service = module.SERVICE
        read = {
            ".".join(p): (line.source, name, line.target)
            for line in service.rules
            for name in line.names
            for expr in (line.target.ids, line.target.name, line.target.scope)
            if expr
            for p in field_paths(expr)
        }
        for path in service.model_exceptions:
            assert path in read, path
            source, name, _ = read[path]
            ops = operations(service, source, name)
            assert all(check_path(op, service.casing, path.split(".")) for op in ops), path


def _service(name: str) -> Service:
    return next(m.SERVICE for m in SERVICES if _module_name(m).endswith("." + name))


def test_the_check_catches_a_wrong_case():
    """The Synthetics API's body member is `Name`: `requestParameters.Name` is right for
    CreateCanary (its body is logged as sent), `name` is wrong; UpdateCanary names the canary
    in its path, logged `name`."""
    synthetics = _service("synthetics")
    create = operation(synthetics, "CreateCanary")
    update = operation(synthetics, "UpdateCanary")
    assert create is not None
    assert update is not None

    assert check_path(create, "wire", ["requestParameters", "Name"]) is None
    assert check_path(create, "wire", ["requestParameters", "name"]) is not None
    assert check_path(update, "wire", ["requestParameters", "name"]) is None
    lam = _service("lambda_")
    function = operation(lam, "CreateFunction20150331")
    assert function is not None
    assert check_path(function, "lower", ["requestParameters", "functionName"]) is None
    assert check_path(function, "lower", ["requestParameters", "FunctionName"]) is not None
