#!/usr/bin/python3
# The JSON Schema in data/ accepts the bundled story and every good corpus
# file, and refuses the bad files whose fault a schema can see (the
# calendar, ids and references are beyond it: storyline --validate checks
# those). TAP output.
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "data" / "storyline.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

accepted = [root / "data" / "stories" / "pakistan-bangladesh-thaw.json"]
accepted += sorted((root / "tests" / "corpus" / "good").glob("*.json"))
# A byte-order mark is not JSON; null for an optional key is a leniency of
# the loader that the schema does not describe.
accepted = [p for p in accepted if p.name not in ("bom.json", "null-optional.json")]
refused = ["missing-format", "wrong-format", "version-2", "version-string", "missing-story",
           "missing-events", "missing-title", "empty-id", "month-13", "time-part",
           "open-interval", "unknown-relation", "wrong-types", "csl-type", "note-kind",
           "rendition-without-source", "quote-without-speaker", "updated-not-a-day",
           "reliability", "author-without-name", "null-required", "top-level-array"]

cases = [(p, True) for p in accepted]
cases += [(root / "tests" / "corpus" / "bad" / (n + ".json"), False) for n in refused]
print(f"1..{len(cases)}")
failed = 0
for i, (path, valid) in enumerate(cases, 1):
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    ok = (not errors) if valid else bool(errors)
    failed += not ok
    detail = "" if ok else f" # {errors[0].message if errors else 'accepted'}"
    print(f"{'ok' if ok else 'not ok'} {i} {'accepts' if valid else 'refuses'} {path.name}{detail}")
sys.exit(1 if failed else 0)
