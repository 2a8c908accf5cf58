"""`incident notice`: a removal request draft for the user to complete.

A DMCA notice is effective only with the six elements of 17 U.S.C.
§512(c)(3)(A); the draft names each one and leaves brackets where only the
user can fill in. It also cites the TAKE IT DOWN Act's 48-hour removal duty
for US platforms. It is a draft, not legal advice, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from privaudit.incidents.platforms import Platform
from privaudit.incidents.timeline import Incident


def draft(platform: Platform, items: Sequence[Incident]) -> str:
    urls = [str(i.entry.get("url", "")) for i in items] or ["[URL OF EACH COPY]"]
    listed = "\n".join(f"  - {u}" for u in urls)
    cases = sorted({str(i.entry["case_number"]) for i in items if i.entry.get("case_number")})
    case_line = f"Earlier reports: case number(s) {', '.join(cases)}.\n" if cases else ""
    return f"""\
To: {platform.name} ({platform.report})
Subject: Removal request: intimate images of me published without my consent

This is a draft made by privaudit. Complete every [BRACKET], remove what does not
apply, and keep a copy. It is not legal advice.

I am writing to request the removal of intimate images of me that were published
without my consent. Under the TAKE IT DOWN Act, a covered platform must remove
such images within 48 hours of a valid request. I also give notice under the
Digital Millennium Copyright Act, 17 U.S.C. §512(c)(3)(A), as the owner of the
copyright in the images (I took them, or [HOW YOU OWN THEM]).

(ii) The copyrighted work: [DESCRIBE EACH PHOTO OR VIDEO WITHOUT ATTACHING IT,
e.g. "a photo I took of myself in [MONTH YEAR]"].

(iii) The infringing material, and where to find it:
{listed}
{case_line}
(iv) How to contact me: [NAME], [POSTAL ADDRESS], [E-MAIL], [PHONE].

(v) I have a good faith belief that use of the material in the manner
complained of is not authorized by the copyright owner, its agent, or the law.

(vi) The information in this notice is accurate, and under penalty of perjury,
I am the owner, or authorized to act on behalf of the owner, of an exclusive
right that is allegedly infringed.

(i) Signature: [YOUR FULL NAME, TYPED, IS AN ELECTRONIC SIGNATURE]
Date: [DATE]

Do not attach the images. If anyone in them was under 18, do not send or keep
them at all: report the URLs only, and use https://takeitdown.ncmec.org/.
"""
