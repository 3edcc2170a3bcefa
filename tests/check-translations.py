#!/usr/bin/python3
# The translations are complete: every source file with translatable
# strings is in po/POTFILES.in, every string of those files (extracted
# here the way meson's storyline-pot target does) is translated in every
# language of po/LINGUAS, none fuzzy, and `msgfmt --check` is clean. TAP.
import os
import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
keywords = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3", "g_dpgettext2:2c,3"]
flags = ["N_:1:pass-c-format", "C_:2:pass-c-format", "NC_:2:pass-c-format", "g_dngettext:2:pass-c-format"]
files = [l.strip() for l in (root / "po" / "POTFILES.in").read_text().splitlines()
         if l.strip() and not l.startswith("#")]


def msgids(text):
    ids = set()
    for entry in text.split("\n\n"):
        ctx = re.search(r'^msgctxt ((?:".*"\n?)+)', entry, re.M)
        mid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        if not mid:
            continue
        key = "".join(re.findall(r'"(.*)"', mid.group(1)))
        if not key:
            continue
        if ctx:
            key = "".join(re.findall(r'"(.*)"', ctx.group(1))) + "\x04" + key
        ids.add(key)
    return ids


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "storyline.pot")
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments=Translators", "-o", pot,
                    "--directory", str(root)] + ["--keyword=" + k for k in keywords] +
                   ["--flag=" + f for f in flags] + files, check=True)
    wanted = msgids(pathlib.Path(pot).read_text())

translatable = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext)\s*\(\s*"|translatable="yes"')
sources = sorted(str(p.relative_to(root)) for pattern in ("src/**/*.c", "ui/*.ui")
                 for p in root.glob(pattern) if translatable.search(p.read_text(errors="replace")))
unlisted = [f for f in sources if f not in files]

languages = (root / "po" / "LINGUAS").read_text().split()
print(f"1..{2 * len(languages) + 2}")
n = 1
print(f"{'ok' if len(wanted) > 250 else 'not ok'} {n} the sources have {len(wanted)} strings")
failed = len(wanted) <= 250
n += 1
failed |= bool(unlisted)
print(f"{'ok' if not unlisted else 'not ok'} {n} every file with strings is in POTFILES.in"
      + ("" if not unlisted else " # missing: " + ", ".join(unlisted)))
for lang in languages:
    po = root / "po" / f"{lang}.po"
    n += 1
    check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po)],
                           capture_output=True, text=True)
    clean = check.returncode == 0 and "untranslated" not in check.stderr and "fuzzy" not in check.stderr
    failed |= not clean
    print(f"{'ok' if clean else 'not ok'} {n} {lang}: msgfmt --check: {check.stderr.strip()}")
    n += 1
    missing = sorted(wanted - msgids(po.read_text()))
    failed |= bool(missing)
    detail = "" if not missing else " # missing: " + "; ".join(m.replace("\x04", "|") for m in missing[:5])
    print(f"{'ok' if not missing else 'not ok'} {n} {lang}: every string translated{detail}")
sys.exit(1 if failed else 0)
