"""Failed logins: a few free attempts, then a short wait that doubles, reset by a success."""
from indicators.access import throttle as lt


def test_five_failures_then_a_wait_that_doubles_and_a_success_resets():
    throttle = lt.Throttle()
    for _ in range(lt.FREE_ATTEMPTS - 1):
        throttle.failed(100.0)
    assert throttle.wait(100.0) == 0
    throttle.failed(100.0)
    assert throttle.wait(100.0) == lt.WAIT_SECONDS
    assert throttle.wait(100.0 + lt.WAIT_SECONDS) == 0
    for _ in range(lt.FREE_ATTEMPTS):
        throttle.failed(200.0)
    assert throttle.wait(200.0) == 2 * lt.WAIT_SECONDS
    throttle.succeeded()
    assert throttle.wait(200.0) == 0 and throttle.failures == 0


def test_the_wait_is_capped():
    throttle = lt.Throttle()
    for _ in range(lt.FREE_ATTEMPTS * 20):
        throttle.failed(0.0)
    assert throttle.wait(0.0) == lt.MAX_WAIT_SECONDS


def test_usernames_are_counted_case_insensitively_across_sessions():
    lt.reset_all()
    assert lt.for_username("Anna ") is lt.for_username("anna")
    assert lt.for_username("anna") is not lt.for_username("bo")
    lt.reset_all()


def test_simultaneous_attempts_on_one_username_get_no_more_than_the_free_ones():
    import threading

    from indicators.access import throttle

    throttle.reset_all()
    allowed, start = [], threading.Barrier(12)

    def one():
        start.wait()
        if throttle.for_username("anna").attempt(1000.0) == 0:
            allowed.append(1)

    threads = [threading.Thread(target=one) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == throttle.FREE_ATTEMPTS


def test_twelve_sessions_sending_a_wrong_password_at_once_get_no_more_than_the_free_checks(
        home, monkeypatch):
    """The web login's own path (indicators.web.login.checked_login), from twelve sessions at the
    same moment: the passwords checked are counted at accounts.verify."""
    import threading

    from indicators.access import accounts, throttle
    from indicators.web import login

    accounts.add_user(None, "anna", "Anna Andersson", "analyst", "ett långt lösenord 42")
    throttle.reset_all()
    checked, real_verify = [], accounts.verify

    def counting_verify(*args, **kwargs):
        checked.append(1)
        return real_verify(*args, **kwargs)

    monkeypatch.setattr(accounts, "verify", counting_verify)
    start, answers = threading.Barrier(12), []

    def one_session():
        mine = throttle.Throttle()          # each session keeps its own in its session state
        start.wait()
        answers.append(login.checked_login("anna", "fel lösenord", mine, 1000.0))

    threads = [threading.Thread(target=one_session) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    throttle.reset_all()
    assert len(checked) == throttle.FREE_ATTEMPTS
    assert answers.count(None) == throttle.FREE_ATTEMPTS           # told "wrong password"
    assert all(isinstance(a, float) and a > 0 for a in answers if a is not None)   # told to wait


def test_the_right_password_after_failures_resets_both_counts(home):
    from indicators.access import accounts, throttle
    from indicators.web import login

    accounts.add_user(None, "anna", "Anna Andersson", "analyst", "ett långt lösenord 42")
    throttle.reset_all()
    mine = throttle.Throttle()
    for _ in range(throttle.FREE_ATTEMPTS - 1):
        assert login.checked_login("anna", "fel", mine, 10.0) is None
    account = login.checked_login("Anna", "ett långt lösenord 42", mine, 10.0)
    assert account.username == "anna"
    assert mine.failures == 0 and throttle.for_username("anna").failures == 0
    throttle.reset_all()
