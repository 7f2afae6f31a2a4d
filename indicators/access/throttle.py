"""Slows down password guessing: after a few failed logins, wait before the next attempt.

Counted twice: per browser session (the caller keeps a `Throttle` in its session state) and per
username in this process (so opening a new tab does not reset the count for that account). Every
attempt already costs one argon2id verification (accounts.verify); this caps how many an attacker
gets per minute. The wait is short, so an attacker who knows a username can delay its owner by at
most WAIT_SECONDS at a time, never lock the account.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

FREE_ATTEMPTS = 5       # failures allowed before the first wait
WAIT_SECONDS = 30.0     # the wait after every FREE_ATTEMPTS failures, doubling up to MAX_WAIT
MAX_WAIT_SECONDS = 300.0


@dataclass
class Throttle:
    failures: int = 0
    until: float = 0.0   # monotonic time before which no attempt is made
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def wait(self, now: float) -> float:
        """Seconds left before the next attempt may be made (0 when it may be made now)."""
        return max(0.0, self.until - now)

    def attempt(self, now: float) -> float:
        """Reserves one attempt atomically, counted as a failure until `succeeded()` says otherwise;
        returns 0 when it may be made, else the seconds to wait (and reserves nothing). Twelve
        simultaneous attempts cannot all pass the check before any of them has failed."""
        with self._lock:
            wait = self.wait(now)
            if wait > 0:
                return wait
            self._count_failure(now)
            return 0.0

    def failed(self, now: float) -> None:
        with self._lock:
            self._count_failure(now)

    def _count_failure(self, now: float) -> None:
        self.failures += 1
        if self.failures % FREE_ATTEMPTS == 0:
            rounds = self.failures // FREE_ATTEMPTS
            self.until = now + min(MAX_WAIT_SECONDS, WAIT_SECONDS * 2 ** (rounds - 1))

    def succeeded(self) -> None:
        with self._lock:
            self.failures, self.until = 0, 0.0


_by_username: dict[str, Throttle] = {}
_lock = threading.Lock()
_MAX_TRACKED = 10_000   # bounds memory when someone tries many usernames


def for_username(username: str) -> Throttle:
    """The process-wide throttle of one username (any text the login form was given)."""
    key = (username or "").strip().lower()[:128]
    with _lock:
        if key not in _by_username and len(_by_username) >= _MAX_TRACKED:
            _by_username.clear()
        return _by_username.setdefault(key, Throttle())


def reset_all() -> None:
    """Forgets every username's failures (tests)."""
    with _lock:
        _by_username.clear()
