#!/usr/bin/python3
# No release in the metainfo is dated in the future, and the newest comes
# first with the project's version. TAP.
import datetime
import sys
import xml.etree.ElementTree as ET

tree = ET.parse(sys.argv[1])
version = sys.argv[2]
releases = tree.findall("./releases/release")
today = datetime.date.today()
print(f"1..{len(releases) + 1}")
failed = False
for i, r in enumerate(releases, 1):
    date = datetime.date.fromisoformat(r.get("date"))
    ok = date <= today
    failed |= not ok
    print(f"{'ok' if ok else 'not ok'} {i} release {r.get('version')} dated {date} (today {today})")
ok = bool(releases) and releases[0].get("version") == version
failed |= not ok
print(f"{'ok' if ok else 'not ok'} {len(releases) + 1} the newest release is {version}")
sys.exit(1 if failed else 0)
