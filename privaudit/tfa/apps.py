"""App logins: Android package names and iOS bundle IDs, mapped to web domains.

Password managers store a login made in an app as `android://HASH@com.instagram.android/`
(Chrome, Google Password Manager), `androidapp://com.instagram.android` (Bitwarden) or
`iosapp://com.burbn.instagram` (Bitwarden); `accounts.app_id` reads those. Most
packages are their owner's domain reversed (`com.instagram.*` -> instagram.com); the
few well-known apps that do not follow that rule are in `KNOWN_APPS`, a table kept
small and documented in docs/mfa.md.
"""

from __future__ import annotations

from typing import Final

KNOWN_APPS: Final[dict[str, str]] = {
    # TikTok (ByteDance's package names)
    "com.zhiliaoapp.musically": "tiktok.com",
    "com.ss.android.ugc.trill": "tiktok.com",
    # Instagram's iOS app and Threads
    "com.burbn.instagram": "instagram.com",
    "com.instagram.barcelona": "threads.net",
    # X (Twitter) on iOS
    "com.atebits.tweetie2": "x.com",
    # WhatsApp on iOS
    "net.whatsapp.whatsapp": "whatsapp.com",
    # Telegram on iOS
    "ph.telegra.telegraph": "telegram.org",
    # Snapchat on iOS
    "com.toyopagroup.picaboo": "snapchat.com",
    # Discord on iOS
    "com.hammerandchisel.discord": "discord.com",
    # Uber
    "com.ubercab": "uber.com",
    "com.ubercab.eats": "uber.com",
    # YouTube is its own service in 2FA data, though the package is Google's
    "com.google.android.youtube": "youtube.com",
    "com.google.ios.youtube": "youtube.com",
    # US banks whose packages are abbreviations
    "com.infonow.bofa": "bankofamerica.com",
    "com.wf.wellsfargomobile": "wellsfargo.com",
    "com.konylabs.capitalone": "capitalone.com",
    # Microsoft's authenticator and Outlook keep microsoft.com, Skype does not
    "com.skype.raider": "skype.com",
}


def candidate_domains(ident: str) -> list[str]:
    """Web domains an app ID may stand for, most likely first.

    `com.google.android.gm` -> google.com, android.google.com, gm.android.google.com:
    the shortest reversal is tried first because packages add product names after
    the domain, seldom before it.
    """
    known = KNOWN_APPS.get(ident)
    if known is not None:
        return [known]
    labels = ident.split(".")
    return [".".join(reversed(labels[:n])) for n in range(2, len(labels) + 1)]
