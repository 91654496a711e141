"""Slack's message and view limits, the `Message` type, and the Block Kit helpers every render
shares (sections, context, headers, validated messages and views, chunking). Pure: no I/O."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.messages.slack import too_many_message_blocks, too_many_view_blocks
from bot.slack.text import clip, clip_mrkdwn, fit_lines

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_CONTEXT_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_FALLBACK_TEXT = 4000
MAX_CONFIRM_TEXT = 300
MAX_VALUE = 2000
MAX_OPTIONS = 100
MAX_OPTION_LABEL = 75
# Slack cuts messages over 40,000 characters; chunked thread messages stay well below.
MAX_MESSAGE_CHARS = 30_000


@dataclass(frozen=True)
class Message:
    """A Slack message: the notification and accessibility `text`, and its Block Kit `blocks`
    (dicts, validated). Pass both to chat.postMessage / chat.update / respond."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)


def section(text: str, block_id: str | None = None) -> SectionBlock:
    """A mrkdwn section, its text clipped to Slack's 3,000 characters."""
    return SectionBlock(text=clip_mrkdwn(text, MAX_SECTION_TEXT), block_id=block_id)


def context(*texts: str) -> ContextBlock:
    """A context block of the non-empty mrkdwn texts, each clipped to fit."""
    return ContextBlock(
        elements=[MarkdownTextObject(text=clip_mrkdwn(t, MAX_CONTEXT_TEXT)) for t in texts if t]
    )


def header(text: str) -> HeaderBlock:
    """A plain-text header, clipped to Slack's 150 characters."""
    return HeaderBlock(text=clip(text, MAX_HEADER_TEXT))


def message(text: str, blocks: Sequence[Block]) -> Message:
    """Validate the blocks (the SDK's element limits) and the message's own limits."""
    dicts = [b.to_dict() for b in blocks]
    if len(dicts) > MAX_MESSAGE_BLOCKS:
        raise ValueError(too_many_message_blocks(len(dicts), MAX_MESSAGE_BLOCKS))
    return Message(text=clip_mrkdwn(text, MAX_FALLBACK_TEXT), blocks=dicts)


def text_message(text: str) -> Message:
    """A short reply: the text as one section (or several, for long text)."""
    sections = [section(t) for t in fit_lines(text.split("\n"), MAX_SECTION_TEXT)]
    return message(text, sections)


def view(built: View) -> dict[str, Any]:
    """A modal or Home view as a dict, within Slack's blocks-per-view limit."""
    out: dict[str, Any] = built.to_dict()
    if len(out.get("blocks", [])) > MAX_VIEW_BLOCKS:
        raise ValueError(too_many_view_blocks(len(out["blocks"]), MAX_VIEW_BLOCKS))
    return out


def chunk_blocks(
    blocks: Sequence[dict[str, Any]],
    max_blocks: int = MAX_MESSAGE_BLOCKS,
    max_chars: int = MAX_MESSAGE_CHARS,
) -> list[list[dict[str, Any]]]:
    """Split blocks into messages of at most `max_blocks` blocks and `max_chars` characters."""
    chunks: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    size = 0
    for block in blocks:
        length = len(json.dumps(block, ensure_ascii=False))
        if current and (len(current) >= max_blocks or size + length > max_chars):
            chunks.append(current)
            current, size = [], 0
        current.append(block)
        size += length
    if current:
        chunks.append(current)
    return chunks
