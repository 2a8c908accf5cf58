"""2FA support data (2fa.directory format), account matching and TOTP auditing.

Only `update` touches the network, through an httpx client passed in.
"""
