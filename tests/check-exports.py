#!/usr/bin/python3
# Every export of the bundled story read back by another reader: CSL-JSON,
# TimelineJS and CSV by Python's own parsers, BibTeX by bibtexparser, RIS
# line by line as reference managers read it. TAP.
import csv
import io
import json
import re
import subprocess
import sys

import bibtexparser
import bibtexparser.bparser

storyline, story = sys.argv[1], sys.argv[2]
results = []


def export(fmt):
    return subprocess.run([storyline, "--export", fmt, story], capture_output=True, text=True, check=True).stdout


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


bundled = json.load(open(story))
source_ids = [s["id"] for s in bundled["sources"]]
event_ids = [e["id"] for e in bundled["events"]]

items = json.loads(export("csl-json"))

# The rules of the CSL-JSON data schema (1.0.2) that an item can break:
# the item types, id and type required, every variable a known one, dates
# as date objects, names as name objects.
import jsonschema

CSL_TYPES = ["article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
             "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
             "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
             "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
             "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
             "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
             "standard", "thesis", "treaty", "webpage"]
NAME_VARS = ["author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
             "curator", "director", "editor", "editorial-director", "executive-producer", "guest", "host",
             "interviewer", "illustrator", "narrator", "organizer", "original-author", "performer", "producer",
             "recipient", "reviewed-author", "script-writer", "series-creator", "translator"]
DATE_VARS = ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
TEXT_VARS = ["citation-key", "language", "journalAbbreviation", "shortTitle", "abstract", "annote", "archive",
             "archive_collection", "archive_location", "archive-place", "authority", "call-number",
             "chapter-number", "citation-number", "citation-label", "collection-number", "collection-title",
             "container-title", "container-title-short", "dimensions", "division", "DOI", "edition", "event",
             "event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
             "jurisdiction", "keyword", "locator", "medium", "note", "number", "number-of-pages",
             "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page",
             "page-first", "part", "part-title", "PMCID", "PMID", "printing", "publisher", "publisher-place",
             "references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status",
             "supplement", "title", "title-short", "URL", "version", "volume", "volume-title",
             "volume-title-short", "year-suffix"]
name_schema = {"type": "object", "additionalProperties": False, "properties": {
    k: {"type": ["string", "number", "boolean"]} for k in
    ["family", "given", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix",
     "static-ordering", "literal", "parse-names"]}}
date_schema = {"type": "object", "additionalProperties": False, "properties": {
    "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                   "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}}},
    "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number", "boolean"]},
    "literal": {"type": "string"}, "raw": {"type": "string"}}}
item_schema = {"type": "object", "required": ["id", "type"], "additionalProperties": False,
               "properties": dict(
                   [("id", {"type": ["string", "number"]}), ("type", {"enum": CSL_TYPES}),
                    ("categories", {"type": "array"}), ("custom", {"type": "object"})]
                   + [(k, {"type": "array", "items": name_schema}) for k in NAME_VARS]
                   + [(k, date_schema) for k in DATE_VARS]
                   + [(k, {"type": ["string", "number"]}) for k in TEXT_VARS])}
errors = list(jsonschema.Draft7Validator({"type": "array", "items": item_schema}).iter_errors(items))
check("csl-json: valid by the CSL data schema's rules", not errors, errors[0].message if errors else "")
check("csl-json: one item per source, in order", [i["id"] for i in items] == source_ids)
check("csl-json: every date is a CSL date object",
      all(isinstance(i.get(k, {}), dict) and ("date-parts" in i.get(k, {"date-parts": 1})) for i in items for k in ("issued", "accessed")))
check("csl-json: items keep type, title and URL",
      all(i["type"] == s["type"] and i["title"] == s["title"] and i.get("URL") == s.get("URL") for i, s in zip(items, bundled["sources"])))

# Month macros (oct) are standard BibTeX: the parser is told so.
library = bibtexparser.loads(export("bibtex"), parser=bibtexparser.bparser.BibTexParser(common_strings=True))
entries = {e["ID"]: e for e in library.entries}
check("bibtex: one entry per source, of classic BibTeX types", sorted(entries) == sorted(source_ids)
      and {e["ENTRYTYPE"] for e in library.entries} <= {"article", "techreport", "misc", "book"}, f"{len(entries)} entries")
check("bibtex: newspaper articles are @article with a journal",
      entries["dawn-1951558"]["ENTRYTYPE"] == "article" and entries["dawn-1951558"]["journal"] == "{Dawn}")
check("bibtex: press releases are @techreport of their institution",
      entries["ispr-2025-10-27"]["ENTRYTYPE"] == "techreport"
      and entries["ispr-2025-10-27"]["institution"] == "{Inter-Services Public Relations}")
check("bibtex: organizations stay whole authors", entries["ispr-2025-10-27"]["author"] == "{Inter-Services Public Relations}")
check("bibtex: dates", entries["arabnews-2620405"]["year"] == "2025" and entries["arabnews-2620405"]["month"] == "October")
check("bibtex: non-ASCII kept in UTF-8", "‘Our two countries will support each other’…" in entries["bdchronicle-support"]["title"])

records, record = [], None
for line in export("ris").splitlines():
    m = re.match(r"^([A-Z][A-Z0-9])  - (.*)$", line)
    if not m:
        check(f"ris: line {line!r} has the tag format", False)
        continue
    tag, value = m.groups()
    if tag == "TY":
        record = {"TY": value}
    elif tag == "ER":
        records.append(record)
        record = None
    else:
        record.setdefault(tag, []).append(value)
check("ris: one record per source", [r["ID"][0] for r in records] == source_ids)
by_id = {r["ID"][0]: r for r in records}
check("ris: types NEWS, RPRT, MGZN, ELEC",
      by_id["dawn-1951558"]["TY"] == "NEWS" and by_id["ispr-2025-10-27"]["TY"] == "RPRT"
      and by_id["indiatoday-vijay-diwas"]["TY"] == "MGZN" and by_id["newsonair-yunus"]["TY"] == "ELEC")
check("ris: dates", by_id["dawn-1951558"]["DA"] == ["2025/10/27/"] and by_id["dawn-1951558"]["PY"] == ["2025"])

rows = list(csv.DictReader(io.StringIO(export("csv"), newline="")))
check("csv: one row per event, in date order", [r["id"] for r in rows][0] == "independence" and sorted(r["id"] for r in rows) == sorted(event_ids))
check("csv: dates at their precision", next(r for r in rows if r["id"] == "rice-deal")["date"] == "2025-02")

timeline = json.loads(export("timelinejs"))
check("timelinejs: an event per event with a start date",
      len(timeline["events"]) == len(event_ids) and all("year" in e["start_date"] for e in timeline["events"]))
check("timelinejs: ranges have an end, month dates no day",
      next(e for e in timeline["events"] if e["unique_id"] == "pso-visit-pakistan")["end_date"] == {"year": 2025, "month": 1, "day": 18}
      and "day" not in next(e for e in timeline["events"] if e["unique_id"] == "rice-deal")["start_date"])
check("timelinejs: eras from the phases", len(timeline["eras"]) == len(bundled["phases"]))

markdown = export("markdown")
check("markdown: a heading per event", markdown.count("\n## ") == len(event_ids))
check("markdown: the misquote with its verdict",
      "- BD Voice[^37]: altered — Altered: words changed inside the quotation marks, with punctuation differences. `Both sides expressed optimism about [-improving defence and security-] {+enhancing defense+}" in markdown)
check("markdown: a marked gap with what it left out, and the verdict explained",
      re.search(r"- Dawn\[\^\d+\]: marked — Marked:", markdown) is not None and "Marked: words left out or put in, every change marked with an ellipsis or square brackets. `The CJCSC" in markdown
      and "sacrifices in {+[the]+} fight" in markdown)
check("markdown: sources as footnotes", re.search(r"^\[\^1\]: ", markdown, re.M) is not None)
check("markdown: every rendition linked to its outlet's footnote",
      all(re.search(r"^\[\^%s\]: " % n, markdown, re.M) for n in re.findall(r"^- [^\n]*?\[\^(\d+)\]: ", markdown, re.M))
      and len(re.findall(r"^- [^\n]*?\[\^(\d+)\]: (?:verbatim|punctuation|spelling|excerpt|marked|altered) — ", markdown, re.M))
          == sum(len(q.get("renditions", [])) for q in bundled.get("quotes", [])))
check("markdown: a rendition's footnote is its outlet's citation",
      re.search(r"^\[\^37\]: .*BD Voice", markdown, re.M) is not None)
check("markdown: the notation of the differences explained once",
      markdown.count("*How to read the differences:*") == 1 and "`[-words-]`" in markdown and "`{+words+}`" in markdown)
check("markdown: titles in italics, as the style sets them", "*Dawn*." in markdown and "*India Today*." in markdown)

story_file = export("storyline")
rewritten = json.loads(story_file)
check("storyline: the story file in the canonical form, every event, quote and source kept",
      [e["id"] for e in rewritten["events"]] == [e["id"] for e in bundled["events"]]
      and len(rewritten["quotes"]) == len(bundled["quotes"]) and rewritten["sources"] == bundled["sources"]
      and story_file.endswith("}\n") and story_file.startswith('{\n  "$schema": '))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}{' # ' + detail if detail and not ok else ''}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
