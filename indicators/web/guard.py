"""A bug never reaches the page as a traceback: inside `guarded()`, an unexpected exception becomes
one message with an error reference, and the traceback (with server paths and SQL) goes to the
server log under the same reference, for the operator.

    with guarded():
        handle_one_file(file)

Streamlit's own control flow (st.rerun, st.stop) passes through: those are BaseExceptions.
"""
from __future__ import annotations

import contextlib
import logging
import uuid

import streamlit as st

from indicators.web.session import t

LOG = logging.getLogger("indicators.web")


def error_reference() -> str:
    """A short reference the user can quote and the operator can find in the log."""
    return uuid.uuid4().hex[:8]


@contextlib.contextmanager
def guarded(message_key: str = "app.crashed"):
    """Shows `message_key` (with {reference}) instead of a traceback when the block raises."""
    try:
        yield
    except Exception:  # noqa: BLE001 - the point: any bug becomes a message, not a traceback
        reference = error_reference()
        LOG.exception("error reference %s", reference)
        st.error(t(message_key, reference=reference), icon=":material/error:")
