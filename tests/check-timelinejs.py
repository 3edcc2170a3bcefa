#!/usr/bin/env python3
"""The TimelineJS export opened in TimelineJS 3.9.11 in headless Chromium
(tests/timelinejs/check-timelinejs.js): the bundled story, a hostile one
(markup, scripts, overrides and javascript: links in its text) and random
stories across the format's dates — every precision, intervals, one day in
a range, approximate and uncertain — with text in several scripts.

    check-timelinejs.py STORYLINE SOURCE-ROOT

Skips (77) when Node.js, the npm packages or Chromium are missing, unless
CI is set: CI installs them (.ci/setup), so there it fails instead.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_story import random_story  # noqa: E402

storyline, root = sys.argv[1], sys.argv[2]
here = os.path.join(root, "tests", "timelinejs")


def missing(what):
    print(f"SKIP: {what} (.ci/setup installs it)")
    sys.exit(1 if os.environ.get("CI") else 77)


if shutil.which("node") is None:
    missing("no Node.js")
if not os.path.isdir(os.path.join(here, "node_modules", "@knight-lab", "timelinejs")):
    missing("no npm packages in tests/timelinejs")
if not any(os.path.exists(p) for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser")):
    missing("no Chromium")

with tempfile.TemporaryDirectory() as tmp:
    stories = [os.path.join(root, "data", "stories", "pakistan-bangladesh-thaw.json"),
               os.path.join(here, "hostile-story.json")]
    rng = random.Random(int(os.environ.get("STORYLINE_SEED", "23")))
    for n in range(10):
        path = os.path.join(tmp, f"random-{n}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(random_story(rng, rng.randint(1, 25)), f, ensure_ascii=False)
        stories.append(path)

    args = []
    for i, story in enumerate(stories):
        out = os.path.join(tmp, f"export-{i}.json")
        for style in ("apa", "chicago", "mla")[: 1 if i > 1 else 3]:
            result = subprocess.run([storyline, "--export", "timelinejs", "--style", style, "--output", out, story],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                print(f"not ok: --export timelinejs --style {style} {story}: {result.stderr}")
                sys.exit(1)
            with open(out, encoding="utf-8") as f:
                exported = f.read()
            if "\u202e" in exported or "\u202d" in exported:
                print(f"not ok: {story}: the export carries a bidirectional override")
                sys.exit(1)
        args += [story, out]

    result = subprocess.run(["node", os.path.join(here, "check-timelinejs.js")] + args)
    sys.exit(result.returncode)
