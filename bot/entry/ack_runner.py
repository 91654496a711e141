"""Bolt's listener runner, answering Slack the moment a listener acks.

Bolt's `AsyncioListenerRunner` (process_before_response=False) starts the listener as a task and
then polls `ack.response` every 10 ms until the ack (slack_bolt/listener/asyncio_runner.py): every
request's HTTP 200 waited for the next tick, and with 200 requests in flight the event loop woke
20,000 times a second to look. `PromptAckRunner` waits on the ack itself instead (or on the
listener's end, for one that fails before acking), with Bolt's own timeout, error handler and
start/completion handlers. Lazy listeners, events (acknowledged by Bolt before the listener
runs) and process_before_response keep Bolt's own path.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.listener.async_listener import AsyncListener
from slack_bolt.listener.asyncio_runner import AsyncioListenerRunner
from slack_bolt.logger.messages import warning_did_not_call_ack
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse


class _SignallingAck(AsyncAck):
    """Bolt's ack, which also keeps the answer it was first given and sets `called`."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.called = asyncio.Event()
        self.given: BoltResponse | None = None

    async def __call__(self, *args: Any, **kwargs: Any) -> BoltResponse:
        answer = await super().__call__(*args, **kwargs)
        if self.given is None:
            self.given = answer
        self.called.set()
        return answer


class PromptAckRunner(AsyncioListenerRunner):
    """See the module's docstring."""

    @classmethod
    def replacing(cls, runner: AsyncioListenerRunner) -> PromptAckRunner:
        """This runner with `runner`'s logger, settings and handlers (the app's error handler
        among them)."""
        return cls(
            logger=runner.logger,
            process_before_response=runner.process_before_response,
            listener_error_handler=runner.listener_error_handler,
            listener_start_handler=runner.listener_start_handler,
            listener_completion_handler=runner.listener_completion_handler,
            lazy_listener_runner=runner.lazy_listener_runner,
        )

    async def run(
        self,
        request: AsyncBoltRequest,
        response: BoltResponse | None,  # Bolt's type says BoltResponse; after our middleware, None
        listener_name: str,
        listener: AsyncListener,
        starting_time: float | None = None,
    ) -> BoltResponse | None:
        if (
            self.process_before_response
            or request.lazy_only
            or listener.lazy_functions
            or listener.auto_acknowledgement
            or response is not None  # a listener middleware's answer: Bolt returns it
        ):
            return await super().run(request, response, listener_name, listener, starting_time)  # type: ignore[arg-type]
        started = starting_time if starting_time is not None else time.time()
        ack = _SignallingAck()
        request.context["ack"] = ack
        task = asyncio.ensure_future(self._listen(ack, request, listener))
        acked = asyncio.ensure_future(ack.called.wait())
        remaining = max(0.0, listener.ack_timeout - (time.time() - started))
        try:
            await asyncio.wait(
                {task, acked}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            acked.cancel()
        # The ack as given, even when the listener failed right after it (Bolt's error path
        # then clears `ack.response`); else the error handler's answer.
        answer = ack.given or ack.response
        if answer is None:
            self.logger.warning(warning_did_not_call_ack(listener_name))
        return answer

    async def _listen(
        self, ack: _SignallingAck, request: AsyncBoltRequest, listener: AsyncListener
    ) -> None:
        """The listener, as Bolt runs it: start handler, the listener, on an exception the error
        handler (whose answer is the ack when the listener had not acked), completion handler."""
        response: BoltResponse | None = None
        try:
            await self.listener_start_handler.handle(request=request, response=response)
            await listener.run_ack_function(request=request, response=response)  # type: ignore[arg-type]
        except Exception as exc:
            response = BoltResponse(status=500) if ack.response is None else None
            await self.listener_error_handler.handle(
                error=exc,
                request=request,
                response=response,
            )
            ack.response = response
        finally:
            await self.listener_completion_handler.handle(request=request, response=response)
