"""Reading our own YAML files (drift.yml, runbooks) into plain data, safely. Pure; no I/O.

PyYAML's safe loader, with three refusals and one fix:
- an alias bomb (anchors that alias each other until a kilobyte stands for millions of items)
  is refused before anything expands it: at most MAX_ALIASES aliases, and at most MAX_NODES
  nodes counting every alias as the whole subtree it stands for; a recursive alias too;
- nesting deeper than Python's recursion allows is refused, not a RecursionError;
- a key given twice in one mapping is refused (YAML would keep the last one silently); a merge
  key's (`<<: *defaults`) values may still be overridden, that is what merges are for;
- an integer keeps the text it was written as (`YamlInt.text`), so a key that means an id
  (`account_id: 011112222333`, octal to YAML 1.1) can be read as written.

Every refusal is an `UnsafeYaml` (a `yaml.MarkedYAMLError`, so callers that report YAML errors
with their line and column report these the same way).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.messages import config as say

MAX_ALIASES = 200
MAX_NODES = 100_000
MERGE_TAG = "tag:yaml.org,2002:merge"


class UnsafeYaml(yaml.MarkedYAMLError):
    """A file refused before it is used: an alias bomb, a key given twice, or nesting too
    deep. `problem` says which (from bot/messages), `problem_mark` where."""


class YamlInt(int):
    """An integer as YAML read it, with the text it was written as."""

    text: str

    def __new__(cls, value: int, text: str) -> YamlInt:
        made = super().__new__(cls, value)
        made.text = text
        return made


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise UnsafeYaml(problem=say.too_many_aliases(MAX_ALIASES), problem_mark=mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == MERGE_TAG or not isinstance(key_node, ScalarNode):
                continue
            key = self.construct_object(key_node, deep=False)
            line = key_node.start_mark.line + 1
            if key in seen:
                problem = say.key_given_twice(str(key)[:80], seen[key])
                raise UnsafeYaml(problem=problem, problem_mark=key_node.start_mark)
            seen[key] = line
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node: ScalarNode) -> YamlInt:
        value = super().construct_yaml_int(node)
        return YamlInt(value, str(node.value))


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def load_yaml(text: str) -> Any:
    """The document in `text` as plain data. Raises yaml.YAMLError: UnsafeYaml for a refused
    file, PyYAML's own errors for one that is not YAML."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise UnsafeYaml(problem=say.nested_too_deep()) from None
        if node is None:
            return None
        expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def expanded_size(root: Node) -> int:
    """How many nodes `root` stands for once every alias is expanded; UnsafeYaml above
    MAX_NODES or for an alias inside its own anchor. Memoized per node, so a bomb costs a
    walk over the nodes as written, not as expanded."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise UnsafeYaml(problem=say.recursive_alias(), problem_mark=node.start_mark)
        open_nodes.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        open_nodes.discard(key)
        if total > MAX_NODES:
            raise UnsafeYaml(problem=say.too_many_nodes(MAX_NODES), problem_mark=node.start_mark)
        sizes[key] = total
        return total

    try:
        return size(root)
    except RecursionError:
        raise UnsafeYaml(problem=say.nested_too_deep()) from None
