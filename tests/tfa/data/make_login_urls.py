"""Rebuild login-urls.tsv, the ground-truth set for 2FA service matching.

    python tests/tfa/data/make_login_urls.py ../shared/real-data/2fa-directory-v3-all.json

Three kinds of rows, each with its expected service written down by construction
(not by asking privaudit's matcher):
- login pages of services in the 2fa.directory snapshot (MIT): the listed domain or
  an additional domain, bare, with `www.`, or with a login subdomain that is not
  itself listed; services listed under one domain by two entries are left out;
- sites of other people under shared hosting suffixes from the public suffix list's
  private section (`alice.github.io`, `shop.myshopify.com`): they must match nothing,
  even when the tenant is named like a service (`paypal.github.io`);
- app logins as password managers store them (`android://HASH@package/`,
  `androidapp://`, `iosapp://`), with the service the app belongs to.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from publicsuffixlist import PublicSuffixList

HOSTING = [
    "github.io",
    "gitlab.io",
    "netlify.app",
    "herokuapp.com",
    "vercel.app",
    "pages.dev",
    "blogspot.com",
    "myshopify.com",
    "azurewebsites.net",
    "web.app",
    "firebaseapp.com",
    "appspot.com",
    "cloudfront.net",
    "s3.amazonaws.com",
    "up.railway.app",
    "app.render.com",
    "onrender.com",
    "cdn.bubble.io",
    "eu.pythonanywhere.com",
    "pythonanywhere.com",
    "carrd.co",
    "square.site",
    "omg.lol",
    "myfritz.net",
    "service.gov.uk",
    "nodebalancer.linode.com",
    "members.linode.com",
    "pro.typeform.com",
    "fly.dev",
    "wixsite.com",
    "readthedocs.io",
    "bitbucket.io",
    "workers.dev",
    "ngrok.io",
    "duckdns.org",
]
TENANTS = ["alice", "my-shop", "paypal", "google", "login", "bank-of-bob", "accounts", "team42"]
APPS = [
    ("android://aGFzaA==@com.instagram.android/", "Instagram"),
    ("androidapp://com.instagram.android", "Instagram"),
    ("iosapp://com.burbn.instagram", "Instagram"),
    ("android://a2V5@com.facebook.katana/", "Facebook"),
    ("androidapp://com.twitter.android", "X (Twitter)"),
    ("iosapp://com.atebits.Tweetie2", "X (Twitter)"),
    ("androidapp://com.whatsapp", "WhatsApp"),
    ("iosapp://net.whatsapp.WhatsApp", "WhatsApp"),
    ("androidapp://org.telegram.messenger", "Telegram"),
    ("iosapp://ph.telegra.Telegraph", "Telegram"),
    ("android://c2ln@com.zhiliaoapp.musically/", "TikTok"),
    ("androidapp://com.snapchat.android", "Snapchat"),
    ("iosapp://com.toyopagroup.picaboo", "Snapchat"),
    ("androidapp://com.discord", "Discord"),
    ("iosapp://com.hammerandchisel.discord", "Discord"),
    ("androidapp://com.reddit.frontpage", "Reddit"),
    ("androidapp://com.linkedin.android", "LinkedIn"),
    ("android://cGF5@com.paypal.android.p2pmobile/", "PayPal"),
    ("androidapp://com.ubercab", "Uber"),
    ("androidapp://com.infonow.bofa", "Bank of America"),
    ("androidapp://com.wf.wellsfargomobile", "Wells Fargo"),
    ("androidapp://com.dropbox.android", "Dropbox"),
    ("androidapp://tv.twitch.android.app", "Twitch"),
    ("androidapp://com.google.android.youtube", "YouTube"),
    ("androidapp://com.example.notalistedservice", ""),
]
PATHS = ["/", "/login", "/signin?next=%2Faccount", "/account/login", "/#/auth"]
SUBDOMAINS = ["www.", "", "login.", "accounts.", "secure.", "my.", "app."]
TOTAL = 375


def main(snapshot: Path) -> None:
    psl = PublicSuffixList()
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    owners: dict[str, set[str]] = {}
    for name, entry in data:
        for domain in [entry["domain"], *entry.get("additional-domains", [])]:
            owners.setdefault(domain.lower(), set()).add(name)
    rng = random.Random(12)  # a fixed sample, not a secret
    rows: list[tuple[str, str]] = []
    for suffix in HOSTING:
        assert psl.is_public(suffix), suffix
        rows += [(f"https://{t}.{suffix}/login", "") for t in rng.sample(TENANTS, 2)]
    rows += APPS
    wanted = TOTAL - len(rows)
    entries = sorted(data, key=lambda e: e[0])
    # The services whose own domain is a public suffix are always in: they were missed.
    special = [e for e in entries if psl.privatesuffix(e[1]["domain"]) is None]
    others = [e for e in entries if e not in special]
    chosen = special + rng.sample(others, wanted - len(special))
    for name, entry in chosen:
        domains = [entry["domain"], *entry.get("additional-domains", [])]
        domain = rng.choice(domains).lower()
        if owners[domain] != {name}:
            domain = entry["domain"].lower()
        sub = rng.choice(SUBDOMAINS)
        host = sub + domain
        if psl.privatesuffix(domain) is None and sub not in {"", "www."}:
            host = "www." + domain  # below a suffix only www. is still the service's own
        if host != domain and host in owners:
            host = domain
        rows.append((f"https://{host}{rng.choice(PATHS)}", name))
    assert len(rows) == TOTAL, len(rows)
    out = Path(__file__).with_name("login-urls.tsv")
    lines = ["# url\texpected service ('' = must match nothing); see make_login_urls.py"]
    lines += [f"{url}\t{name}" for url, name in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
