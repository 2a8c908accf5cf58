"""Write the importer fixtures in tests/sources/fixtures/ (run once; outputs are committed).

Every fixture is written by the project, with the quirks real exports have: BOM,
UTF-16, CRLF, quoted newlines, extra/reordered columns, duplicate headers, empty
passwords. One login in each holds the canary password (and TOTP where the format
has one), so the canary test covers every importer. Run: python tests/sources/make_fixtures.py
"""

# ruff: noqa: E501, ISC003  # literal export data reads best unwrapped
from __future__ import annotations

import json
import zipfile
from pathlib import Path

OUT = Path(__file__).parent / "fixtures"
PW = "cAnArY-7f3b9e21-Pw!d0"
TOTP = "JBSWY3DPCANARYQQOJ5GK4TFON2A4ZLU"
OTPAUTH = f"otpauth://totp/Example:alice?secret={TOTP}&issuer=Example"


def write(name: str, text: str, *, encoding: str = "utf-8", crlf: bool = False) -> None:
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    (OUT / name).write_bytes(text.encode(encoding))


def bitwarden() -> None:
    def login(n: int, name: str, uri: str, user: str, pw: str, totp: str | None = None) -> dict:
        return {
            "id": f"fx-{n}",
            "organizationId": None,
            "folderId": None,
            "type": 1,
            "reprompt": 0,
            "name": name,
            "notes": None,
            "favorite": False,
            "login": {
                "uris": [{"match": None, "uri": uri}],
                "username": user,
                "password": pw,
                "totp": totp,
            },
            "collectionIds": None,
            "creationDate": "2024-01-02T03:04:05.000Z",
            "revisionDate": "2024-02-03T04:05:06.000Z",
        }

    items = [
        login(1, "Mail", "https://mail.example.com", "alice", PW, TOTP),
        login(2, "Forum", "http://forum.example.net/login", "alice", "Summer2023!"),
        login(3, "Shop", "https://shop.example.org", "alice", "Summer2024!"),
        login(4, "Empty", "https://empty.example.org", "alice", ""),
        {
            "id": "fx-5",
            "type": 2,
            "name": "Wi-Fi",
            "notes": "secret note",
            "secureNote": {"type": 0},
        },
        {"id": "fx-6", "type": 3, "name": "Card", "card": {"number": "4111111111111111"}},
        {"id": "fx-7", "type": 4, "name": "Me", "identity": {"firstName": "Alice"}},
        {
            **login(8, "Old", "https://old.example.org", "alice", "x-trashed-pw"),
            "deletedDate": "2024-03-01T00:00:00.000Z",
        },
        login(9, "L" * 5000, "https://long.example.org", "alice", "y" * 10000),
    ]
    doc = {"encrypted": False, "folders": [], "items": items}
    write("bitwarden.json", "\ufeff" + json.dumps(doc, indent=2, ensure_ascii=False))
    write("bw-list-items.json", json.dumps([{"object": "item", **i} for i in items[:3]]))
    write(
        "bitwarden-encrypted.json",
        json.dumps(
            {
                "encrypted": True,
                "passwordProtected": True,
                "salt": "c2FsdA==",
                "kdfType": 0,
                "kdfIterations": 600000,
                "encKeyValidation_DO_NOT_EDIT": "2.abc|def|ghi",
                "data": "2.opaque|ciphertext|mac",
            }
        ),
    )
    write(
        "bitwarden.csv",
        "\ufeff"
        + (
            "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
            "login_password,login_totp\n"
            f',1,login,Mail,"line one\nline two",,0,https://mail.example.com,alice,{PW},{TOTP}\n'
            ',,note,Wi-Fi,"the router, upstairs",,0,,,,\n'
            ",,card,Card,,,0,,,,\n"
            ",,login,Empty,,,0,https://empty.example.org,alice,,\n"
            'Work,,login,Wiki,,,0,"https://wiki.example.com,https://alt.example.com",bob,hunter2,\n'
        ),
        crlf=True,
    )


def onepassword() -> None:
    items = [
        {
            "uuid": "a1",
            "createdAt": 1700000000,
            "updatedAt": 1700000500,
            "trashed": False,
            "categoryUuid": "001",
            "details": {
                "loginFields": [
                    {"value": "alice@example.com", "designation": "username", "fieldType": "E"},
                    {"value": PW, "designation": "password", "fieldType": "P"},
                ],
                "sections": [
                    {"fields": [{"title": "one-time password", "value": {"totp": OTPAUTH}}]}
                ],
                "passwordHistory": [{"value": "old-history-pw", "time": 1}],
            },
            "overview": {
                "title": "Mail",
                "url": "https://mail.example.com",
                "urls": [{"label": "website", "url": "https://mail.example.com"}],
            },
        },
        {
            "uuid": "a2",
            "categoryUuid": "005",
            "details": {"password": "Hunter2!"},
            "overview": {"title": "Router password"},
        },
        {"uuid": "a3", "categoryUuid": "002", "details": {}, "overview": {"title": "Visa"}},
        {
            "uuid": "a4",
            "categoryUuid": "003",
            "details": {"notesPlain": "n"},
            "overview": {"title": "Note"},
        },
        {
            "uuid": "a5",
            "categoryUuid": "001",
            "trashed": True,
            "details": {},
            "overview": {"title": "Gone"},
        },
        {
            "uuid": "a6",
            "categoryUuid": "001",
            "details": {"loginFields": []},
            "overview": {"title": "No password", "url": "https://np.example.com"},
        },
    ]
    doc = {
        "accounts": [
            {
                "attrs": {"name": "Alice"},
                "vaults": [{"attrs": {"name": "Personal"}, "items": items}],
            }
        ]
    }
    info = zipfile.ZipInfo("export.attributes", date_time=(2024, 1, 1, 0, 0, 0))
    data = zipfile.ZipInfo("export.data", date_time=(2024, 1, 1, 0, 0, 0))
    data.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(OUT / "1password.1pux", "w") as archive:
        archive.writestr(
            info, json.dumps({"version": 3, "description": "1Password Unencrypted Export"})
        )
        archive.writestr(data, json.dumps(doc, indent=1))
    # 1Password 7 for Mac: many columns, duplicate-looking ones, Type column, epoch dates.
    write(
        "1password-mac.csv",
        (
            '"Created Date","Modified Date","Notes","Password","password(password)","Title","Type",'
            '"URL","Username","username(username)","number(ccnum)"\n'
            f'"1700000000","1700000100","multi\nline \\"quoted\\" note","{PW}","","Mail","Login",'
            '"https://mail.example.com","alice","",""\n'
            '"1700000000","1700000100","","","","Visa","Credit Card","","","","4111111111111111"\n'
            '"1700000000","1700000100","hello","","","Welcome","Secure Note","","","",""\n'
            '"1700000000","1700000100","","","s3cret-Pass-9","Wifi","Password","","","",""\n'
        ),
    )
    # 1Password 7 for Windows: upper-case headers, UTF-16 with BOM, CRLF.
    write(
        "1password-windows.csv",
        "\ufeff"
        + (
            '"UUID","TITLE","USERNAME","PASSWORD","URL","URLS","NOTES","1: CARDHOLDER NAME","2: NUMBER"\n'
            f'"u1","Mail","alice","{PW}","https://mail.example.com","https://mail.example.com\nhttps://m.example.com","",""\n'
            '"u2","Visa","","","","","","Alice","4111111111111111"\n'
            '"u3","Welcome","","","","","Follow these steps",,\n'
        ),
        encoding="utf-16-le",
        crlf=True,
    )
    write(
        "1password8.csv",
        (
            "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"
            f"Mail,https://mail.example.com,alice,{PW},{OTPAUTH},false,false,,\n"
            "Empty,https://e.example.com,alice,,,false,false,,\n"
        ),
    )


def keepass() -> None:
    write(
        "keepassxc.csv",
        (
            '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"\n'
            f'"Root","Mail","alice","{PW}","https://mail.example.com","a, b\nc","{OTPAUTH}","0",'
            '"2024-01-02T03:04:05Z","2023-01-02T03:04:05Z"\n'
            '"Root/Recycle Bin","Old","alice","trashed-pw","https://old.example.com","","","0","",""\n'
            '"Root/Web","Empty","bob","","https://e.example.com","","","0","",""\n'
        ),
        crlf=True,
    )
    write(
        "keepass.xml",
        f"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<KeePassFile>
  <Meta><Generator>KeePass</Generator><RecycleBinUUID>QklOQklOQklOQklOQklOQg==</RecycleBinUUID></Meta>
  <Root>
    <Group>
      <UUID>Uk9PVFJPT1RST09UUk9PVA==</UUID><Name>Database</Name>
      <Entry>
        <UUID>RU5UUllFTlRSWUVOVFJZRQ==</UUID>
        <Times><CreationTime>2023-01-02T03:04:05Z</CreationTime>
          <LastModificationTime>2024-01-02T03:04:05Z</LastModificationTime></Times>
        <String><Key>Title</Key><Value>Mail &amp; more</Value></String>
        <String><Key>UserName</Key><Value>alice</Value></String>
        <String><Key>Password</Key><Value ProtectInMemory="True">{PW}</Value></String>
        <String><Key>URL</Key><Value>https://mail.example.com</Value></String>
        <String><Key>otp</Key><Value>{OTPAUTH.replace("&", "&amp;")}</Value></String>
        <History>
          <Entry><String><Key>Title</Key><Value>Mail</Value></String>
            <String><Key>Password</Key><Value>old-history-pw</Value></String></Entry>
        </History>
      </Entry>
      <Entry>
        <String><Key>Title</Key><Value>No password</Value></String>
        <String><Key>Password</Key><Value/></String>
      </Entry>
      <Group>
        <UUID>QklOQklOQklOQklOQklOQg==</UUID><Name>Recycle Bin</Name>
        <Entry><String><Key>Title</Key><Value>Deleted</Value></String>
          <String><Key>Password</Key><Value>trashed-pw</Value></String></Entry>
      </Group>
    </Group>
  </Root>
</KeePassFile>
""",
    )


def browsers() -> None:
    # Chrome: reordered columns, a quoted newline, a row with an empty password.
    write(
        "chrome.csv",
        (
            "url,name,password,username,note\n"
            f'https://mail.example.com/,mail.example.com,{PW},alice,"first\nsecond"\n'
            "http://plain.example.net/,plain.example.net,Hunter2!,alice,\n"
            "https://empty.example.com/,empty.example.com,,alice,\n"
        ),
        crlf=True,
    )
    # The same export as UTF-16 LE without a BOM, as some Windows tools save it.
    write(
        "chrome-utf16.csv",
        (f"name,url,username,password\nmail.example.com,https://mail.example.com/,alice,{PW}\n"),
        encoding="utf-16-le",
    )
    write(
        "firefox.csv",
        (
            '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
            '"timeLastUsed","timePasswordChanged"\n'
            '"chrome://FirefoxAccounts","abc","{""version"":1}","Firefox Accounts credentials",,'
            '"{1}","1612345678900","1612345678900","1612345678900"\n'
            f'"https://mail.example.com","alice","{PW}",,"https://mail.example.com","{{2}}",'
            '"1612345678900","1612345678900","1612345678900"\n'
        ),
    )
    write(
        "safari.csv",
        (
            "Title,URL,Username,Password,Notes,OTPAuth\n"
            f'mail.example.com (alice),https://mail.example.com,alice,{PW},"note\nmore",{OTPAUTH}\n'
            "shop.example.com (alice),https://shop.example.com,alice,Summer2024!,,\n"
        ),
    )


def others() -> None:
    write(
        "lastpass.csv",
        (
            "url,username,password,totp,extra,name,grouping,fav\n"
            f"https://mail.example.com,alice,{PW},{TOTP},,Mail,Email,0\n"
            'http://sn,,,,"NoteType:Server\nHostname:x",Server,Notes,0\n'
            "https://shop.example.com,alice,Summer2024!,,,Shop,,1\n"
        ),
    )
    # Dashlane: an extra column and a duplicate "username" header (first non-empty wins).
    write(
        "dashlane.csv",
        "\ufeff"
        + (
            "username,username2,username3,title,password,note,url,category,otpSecret,extra,username\n"
            f"alice,,,Mail,{PW},,https://mail.example.com,Email,{TOTP},x,ignored\n"
            ",,,Shop,Summer2024!,,https://shop.example.com,,,,bob\n"
            "carol,,,Empty,,,https://e.example.com,,,,\n"
        ),
    )
    write(
        "nordpass.csv",
        (
            "name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,pin,"
            "expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,"
            "state,type,custom_fields\n"
            f"Mail,https://mail.example.com,,alice,{PW},,,,,,,,Email,,,,,,,,,password,\n"
            "Visa,,,,,,Alice,4111111111111111,123,,01/30,,,,,,,,,,,credit_card,\n"
            "Secret,,,,,my note,,,,,,,,,,,,,,,,note,\n"
            "Email,,,,,,,,,,,,,,,,,,,,,folder,\n"
        ),
    )
    write(
        "nordpass-old.csv",
        (
            "name,url,username,password,note,cardholdername,cardnumber,cvc,expirydate,zipcode,folder,"
            "full_name,phone_number,email,address1,address2,city,country,state\n"
            f"Mail,https://mail.example.com,alice,{PW},,,,,,,,,,,,,,,\n"
            "Visa,,,,,Alice,4111111111111111,123,01/30,,,,,,,,,,\n"
            "Me,,,,,,,,,,,Alice Example,555,,Main St,,,,\n"
        ),
    )
    proton = {
        "version": "1.21.2",
        "userId": "u",
        "encrypted": False,
        "vaults": {
            "s1": {
                "name": "Personal",
                "items": [
                    {
                        "itemId": "i1",
                        "state": 1,
                        "createTime": 1700000000,
                        "modifyTime": 1700000100,
                        "data": {
                            "metadata": {"name": "Mail", "note": ""},
                            "type": "login",
                            "extraFields": [],
                            "content": {
                                "itemEmail": "alice@example.com",
                                "itemUsername": "",
                                "password": PW,
                                "urls": ["https://mail.example.com"],
                                "totpUri": OTPAUTH,
                            },
                        },
                    },
                    {
                        "itemId": "i2",
                        "state": 1,
                        "data": {"metadata": {"name": "Memo"}, "type": "note", "content": {}},
                    },
                    {
                        "itemId": "i3",
                        "state": 2,
                        "data": {
                            "metadata": {"name": "Old"},
                            "type": "login",
                            "content": {"password": "trashed-pw"},
                        },
                    },
                    {
                        "itemId": "i4",
                        "state": 1,
                        "data": {"metadata": {"name": "Alias"}, "type": "alias", "content": {}},
                    },
                ],
            }
        },
    }
    write("protonpass.json", json.dumps(proton, indent=2))
    with zipfile.ZipFile(OUT / "protonpass.zip", "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("Proton Pass/data.json", (2024, 1, 1, 0, 0, 0)), json.dumps(proton)
        )
    write(
        "protonpass.csv",
        (
            "type,name,url,email,username,password,note,totp,createTime,modifyTime,vault\n"
            f"login,Mail,https://mail.example.com,alice@example.com,,{PW},,{OTPAUTH},1700000000,1700000100,Personal\n"
            "note,Memo,,,,,text,,1700000000,1700000100,Personal\n"
            "creditCard,Visa,,,,,,,1700000000,1700000100,Personal\n"
        ),
    )
    write(
        "keeper.json",
        json.dumps(
            {
                "shared_folders": [],
                "records": [
                    {
                        "title": "Mail",
                        "login": "alice",
                        "password": PW,
                        "login_url": "https://mail.example.com",
                        "custom_fields": {"TFC:Keeper": OTPAUTH},
                    },
                    {"title": "Card", "$type": "bankCard", "custom_fields": {}},
                    {
                        "title": "Shop",
                        "login": "alice",
                        "password": "Summer2024!",
                        "login_url": "https://shop.example.com",
                    },
                ],
            },
            indent=1,
        ),
    )
    write(
        "myki.csv",
        (
            "nickname,url,username,password,additionalInfo,twofaSecret,status,tags\n"
            f"Mail,mail.example.com,alice,{PW},,{TOTP},active,\n"
        ),
    )
    # For --map: a layout no importer knows, with a duplicate header and a short row.
    write(
        "generic.csv",
        (
            "Site,Website,Login,Pass,Pass,Comment\n"
            f"Mail,https://mail.example.com,alice,{PW},,\n"
            "Shop,https://shop.example.com,alice,,Summer2024!,\n"
            "Short,https://short.example.com\n"
            "Empty,https://e.example.com,bob,,,\n"
        ),
    )


def enpass() -> None:
    """Enpass 6 JSON: typed fields, a deleted field, two URLs, trash, a card, a note."""

    def field(uid: int, label: str, kind: str, value: str, *, deleted: int = 0) -> dict:
        return {
            "deleted": deleted,
            "label": label,
            "order": uid,
            "sensitive": int(kind in ("password", "totp")),
            "type": kind,
            "uid": uid,
            "updated_at": 1700000000,
            "value": value,
            "value_updated_at": 1700000000,
        }

    def item(
        n: int, title: str, category: str, fields: list, *, trashed: int = 0, archived: int = 0
    ) -> dict:
        return {
            "archived": archived,
            "auto_submit": 1,
            "category": category,
            "category_name": category.capitalize(),
            "createdAt": 1690000000,
            "favorite": 0,
            "fields": fields,
            "icon": {"fav": "", "image": {"file": "misc/login"}, "type": 1, "uuid": ""},
            "note": "",
            "subtitle": "alice",
            "template_type": f"{category}.default",
            "title": title,
            "trashed": trashed,
            "updated_at": 1700000000,
            "uuid": f"e0000000-0000-0000-0000-00000000000{n}",
        }

    doc = {
        "folders": [
            {
                "icon": "1008",
                "parent_uuid": "",
                "title": "Work",
                "updated_at": 1700000000,
                "uuid": "f0000000-0000-0000-0000-000000000001",
            }
        ],
        "items": [
            item(
                1,
                "Mail",
                "login",
                [
                    field(1, "Username", "username", "alice"),
                    field(2, "E-mail", "email", "alice@example.com"),
                    field(3, "Password", "password", "old-deleted-Pw-1", deleted=1),
                    field(4, "Password", "password", PW),
                    field(5, "Website", "url", "https://mail.example.com"),
                    field(6, "Website", "url", "https://m.example.com"),
                    field(7, "One-time code", "totp", OTPAUTH),
                ],
            ),
            item(
                2,
                "Forum",
                "login",
                [
                    field(1, "E-mail", "email", "bob@example.net"),
                    field(2, "Password", "password", "Forum-Pw-2024!"),
                    field(3, "Website", "url", "https://forum.example.net"),
                ],
                archived=1,
            ),
            item(
                3,
                "Old shop",
                "login",
                [
                    field(1, "Username", "username", "alice"),
                    field(2, "Password", "password", "trashed-Pw-9"),
                ],
                trashed=1,
            ),
            item(
                4, "Visa", "creditcard", [field(1, "Card number", "ccNumber", "4111111111111111")]
            ),
            item(5, "Wi-Fi", "note", []),
            item(
                6,
                "Blank",
                "login",
                [field(1, "Username", "username", "alice"), field(2, "Password", "password", "")],
            ),
        ],
    }
    write("enpass.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def roboform() -> None:
    """RoboForm CSV: MatchUrl, folders, RfFieldsV2 (holding the password again), a safenote."""
    write(
        "roboform.csv",
        "Name,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2\n"
        f'Mail,https://mail.example.com/login,https://mail.example.com/,alice,{PW},,/Work,"email,alice,,txt,0,password,{PW},,pwd,0"\n'
        'Shop,https://shop.example.org/,,bob@example.org,"Shop,Pw ""2024""",,,\n'
        'Recipe,,,,,"flour, eggs\nbutter",/Notes,\n'
        "Bookmark,https://news.example.com/,,,,,,\n",
        crlf=True,
    )


def apple_passwords() -> None:
    """The Passwords app (macOS 15 / iOS 18) CSV: Safari's columns, titles that repeat the
    username, an OTPAuth URI without a label, a login with no website, quoted newlines."""
    write(
        "apple-passwords.csv",
        "Title,URL,Username,Password,Notes,OTPAuth\n"
        f'mail.example.com (alice),https://mail.example.com/,alice,{PW},"Recovery codes\nin the safe",otpauth://totp?secret={TOTP}&algorithm=SHA1&digits=6&period=30\n'
        "shop.example.org (bob@example.org),https://shop.example.org/,bob@example.org,Shop-Pw-2024!,,\n"
        "Home router,,admin,Router-Pw-1!,,\n",
    )


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    bitwarden()
    onepassword()
    keepass()
    browsers()
    others()
    enpass()
    roboform()
    apple_passwords()
