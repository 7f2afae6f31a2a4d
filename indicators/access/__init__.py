"""Access: local accounts (argon2id), OpenID Connect login rules, and the login throttle.

Contract: `accounts` stores and checks local accounts; `oidc` reads the `[auth]` configuration and
decides who is an analyst; `throttle` slows password guessing. No Streamlit here: the login widgets
are in `indicators.web`.
"""
