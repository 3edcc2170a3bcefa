#!/usr/bin/python3
"""The HTML page and the ClaimReview markup, read back by other tools.

  check-publishing.py STORYLINE SOURCE-ROOT

--export html: parsed with html5lib in strict mode (a parse error fails);
no script, no event handler, no frame, nothing fetched from the network
(no src, no stylesheet link); every link http(s) or to an id on the page;
one article per event with its title as written, one block quote per
quote, one reference per source, <del>/<ins> where a rendition differs;
lang and dir on the story's text; the page in the reader's language and
direction (Urdu: right to left); no bidirectional override carried.

--export claimreview: JSON-LD whose shape follows Google's fact-check
markup documentation (developers.google.com/search/docs/appearance/
structured-data/factcheck): each ClaimReview has claimReviewed, url,
reviewRating with alternateName, and the recommended author, datePublished
and itemReviewed (a Claim with author, appearance, firstAppearance); one
review per altered rendition (as quote-diff counts them), one per
rendition with --all; claimReviewed the words as the outlet printed them.

Over the bundled story, a hostile one and random stories across the format
(tests/random_story.py).
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile

import html5lib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_story import random_story  # noqa: E402

storyline, root = sys.argv[1], sys.argv[2]
NS = "{http://www.w3.org/1999/xhtml}"
failures = []


def fail(story, message):
    failures.append(f"{os.path.basename(story)}: {message}")


def shown(text):
    return re.sub(r"\s+", " ", (text or "").replace("\u202d", "").replace("\u202e", "")).strip()


def web_link(url):
    return isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url) is not None


def export(fmt, story, *extra, env=None):
    result = subprocess.run([storyline, "--export", fmt, *extra, story], capture_output=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"not ok: --export {fmt} {story}: {result.stderr.decode()}")
    return result.stdout, result.stderr.decode()


def text_of(element):
    """The text of @element, a <br> read as the line break it stands for."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == f"{NS}br" else text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def check_html(story_path, story, env=None, rtl=False):
    data, _ = export("html", story_path, env=env)
    text = data.decode("utf-8")
    if "\u202e" in text or "\u202d" in text:
        fail(story_path, "the page carries a bidirectional override")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        doc = parser.parse(data)
    except html5lib.html5parser.ParseError as e:
        fail(story_path, f"not well-formed HTML: {e}")
        return
    html = doc
    if html.get("lang") in (None, "", "C"):
        fail(story_path, f"the page's lang is {html.get('lang')!r}")
    if html.get("dir") != ("rtl" if rtl else "ltr"):
        fail(story_path, f"the page's dir is {html.get('dir')!r}, not {'rtl' if rtl else 'ltr'}")
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    for e in doc.iter():
        tag = e.tag.replace(NS, "") if isinstance(e.tag, str) else ""
        if tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form", "input"):
            fail(story_path, f"an element <{tag}>")
        for name, value in e.attrib.items():
            if name.lower().startswith("on"):
                fail(story_path, f"an event handler {name}")
            if name in ("src", "srcset"):
                fail(story_path, f"a {name} attribute: the page fetches nothing")
        if tag == "a":
            href = e.get("href", "")
            if href.startswith("#"):
                if href[1:] not in ids:
                    fail(story_path, f"a link to #{href[1:]}, which is not on the page")
            elif not web_link(href):
                fail(story_path, f"a link to {href!r}")
    h1 = doc.find(f".//{NS}h1")
    if h1 is None or shown(text_of(h1)) != shown(story["story"]["title"]):
        fail(story_path, f"the title reads {text_of(h1) if h1 is not None else None!r}")
    elif h1.get("dir") != "auto" or (story["story"].get("language") and h1.get("lang") != story["story"]["language"]):
        fail(story_path, "the title has no lang and dir")
    articles = doc.findall(f".//{NS}article")
    if len(articles) != len(story["events"]):
        fail(story_path, f"{len(articles)} articles for {len(story['events'])} events")
    by_id = {a.get("id"): a for a in articles}
    quotes = {}
    for q in story.get("quotes", []):
        quotes.setdefault(q["event"], []).append(q)
    for event in story["events"]:
        article = by_id.get("event-" + re.sub(r"\s", "-", event["id"]))
        if article is None:
            fail(story_path, f"no article for {event['id']}")
            continue
        title = article.find(f"{NS}h3")
        if title is None or shown(text_of(title)) != shown(event["title"]):
            fail(story_path, f"{event['id']}: its title reads {text_of(title) if title is not None else None!r}")
        elif title.get("dir") != "auto":
            fail(story_path, f"{event['id']}: its title has no dir")
        if article.find(f"{NS}p[@class='date']/{NS}time") is None:
            fail(story_path, f"{event['id']}: no date")
        blockquotes = article.findall(f".//{NS}blockquote")
        expected = quotes.get(event["id"], [])
        if len(blockquotes) != len(expected):
            fail(story_path, f"{event['id']}: {len(blockquotes)} block quotes for {len(expected)} quotes")
        for b, q in zip(blockquotes, expected):
            if shown(text_of(b)) != shown(q["text"]):
                fail(story_path, f"{event['id']}: a block quote reads {text_of(b)!r}")
            if b.get("dir") != "auto":
                fail(story_path, f"{event['id']}: a block quote without dir")
        renditions = sum(len(q.get("renditions", [])) for q in expected)
        items = article.findall(f".//{NS}ul[@class='renditions']/{NS}li")
        if len(items) != renditions:
            fail(story_path, f"{event['id']}: {len(items)} renditions shown for {renditions}")
        for item in items:
            verdict = next((e for e in item.iter(f"{NS}span") if (e.get("class") or "").startswith("verdict ")), None)
            if verdict is None or not text_of(verdict).strip():
                fail(story_path, f"{event['id']}: a rendition without its verdict in words")
            elif verdict.get("class") != "verdict verbatim" and item.find(f".//{NS}q") is None:
                fail(story_path, f"{event['id']}: a rendition that differs without its differences")
    references = doc.findall(f".//{NS}section[@class='references']/{NS}ul/{NS}li")
    if len(references) != len(story.get("sources", [])):
        fail(story_path, f"{len(references)} references for {len(story.get('sources', []))} sources")
    return doc


def check_claimreview(story_path, story):
    diff, _ = export("quote-diff", story_path)
    verdicts = [line.split("\t")[2] for line in diff.decode().splitlines() if line]
    renditions = [(q, r) for q in story.get("quotes", []) for r in q.get("renditions", [])]
    if len(verdicts) != len(renditions):
        fail(story_path, "quote-diff and the story disagree on the renditions")
        return
    actors = {a["id"]: a for a in story.get("actors", [])}
    sources = {s["id"]: s for s in story.get("sources", [])}
    for all_renditions in (False, True):
        data, err = export("claimreview", story_path, *(["--all"] if all_renditions else []))
        reviews = json.loads(data)
        expected = [(q, r, v) for (q, r), v in zip(renditions, verdicts) if all_renditions or v == "altered"]
        if not isinstance(reviews, list) or len(reviews) != len(expected):
            fail(story_path, f"{len(reviews)} reviews for {len(expected)} renditions (--all: {all_renditions})")
            continue
        publisher = story["story"].get("publisher")
        url = story["story"].get("url")
        if not web_link(url) and "“url”" not in err:
            fail(story_path, "no warning that the story has no url")
        for review, (q, r, verdict) in zip(reviews, expected):
            where = f"review of {q['id']} in {r['source']}"
            if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
                fail(story_path, f"{where}: not a schema.org ClaimReview")
            if shown(review.get("claimReviewed")) != shown(r["text"]):
                fail(story_path, f"{where}: claimReviewed is {review.get('claimReviewed')!r}")
            if web_link(url) != ("url" in review) or ("url" in review and review["url"] != url):
                fail(story_path, f"{where}: url {review.get('url')!r}")
            author = review.get("author")
            if publisher:
                if not author or author.get("@type") != "Organization" or shown(author.get("name")) != shown(publisher):
                    fail(story_path, f"{where}: author {author!r}")
            elif author is not None:
                fail(story_path, f"{where}: an author the story does not name")
            if "datePublished" in review and not re.match(r"^\d{4}(-\d\d(-\d\d)?)?$", review["datePublished"]):
                fail(story_path, f"{where}: datePublished {review['datePublished']!r}")
            rating = review.get("reviewRating", {})
            if rating.get("@type") != "Rating" or not rating.get("alternateName"):
                fail(story_path, f"{where}: reviewRating {rating!r}")
            if not (isinstance(rating.get("ratingValue"), int) and rating.get("worstRating") == 1 and
                    rating.get("bestRating") == 6 and 1 <= rating["ratingValue"] <= 6):
                fail(story_path, f"{where}: the rating scale {rating!r}")
            elif (rating["ratingValue"] == 1) != (verdict == "altered") or (rating["ratingValue"] == 6) != (verdict == "verbatim"):
                fail(story_path, f"{where}: rating {rating['ratingValue']} for {verdict}")
            item = review.get("itemReviewed", {})
            if item.get("@type") != "Claim":
                fail(story_path, f"{where}: itemReviewed is not a Claim")
            speaker = actors.get(q.get("speaker"), {})
            if shown(item.get("author", {}).get("name")) != shown(speaker.get("name")):
                fail(story_path, f"{where}: the claim's author {item.get('author')!r}")
            appearance = item.get("appearance", {})
            source = sources[r["source"]]
            if appearance.get("@type") != "CreativeWork":
                fail(story_path, f"{where}: appearance {appearance!r}")
            if web_link(source.get("URL")) != ("url" in appearance) or appearance.get("url", source.get("URL")) != source.get("URL"):
                fail(story_path, f"{where}: appearance url {appearance.get('url')!r}")
            origin = sources.get(q.get("origin"))
            first = item.get("firstAppearance")
            if (origin is None) != (first is None):
                fail(story_path, f"{where}: firstAppearance {first!r}")
            elif first is not None and web_link(origin.get("URL")) != ("url" in first):
                fail(story_path, f"{where}: firstAppearance url {first.get('url')!r}")


def pdf_words(pdf_path):
    """Each word of the first page with its box, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf_path, "-"], capture_output=True, text=True).stdout
    return [(float(m.group(1)), float(m.group(3)), m.group(5), float(m.group(4)))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def check_pdf(story_path, story, tmp, style="apa"):
    """--export pdf: a PDF whose fonts are all embedded, whose text can be
    selected (pdftotext reads the story's titles and quotes back), whose
    web sources are links, and whose pages say their number."""
    out = os.path.join(tmp, "story.pdf")
    result = subprocess.run([storyline, "--export", "pdf", "--style", style, "-o", out, story_path], capture_output=True, text=True)
    if result.returncode != 0:
        fail(story_path, f"--export pdf: {result.stderr}")
        return None
    with open(out, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF-"):
        fail(story_path, "the PDF is not a PDF")
        return None
    fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True).stdout.splitlines()[2:]
    if not fonts or any(line.split()[-5] != "yes" for line in fonts):
        fail(story_path, f"a font is not embedded: {fonts}")
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
    flat = shown(text)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout).group(1))
    if f"Page 1 of {pages}" not in flat:
        fail(story_path, "the pages are not numbered")
    links = set(re.findall(rb"/URI \(([^)]*)\)", data))
    for source in story.get("sources", []):
        if web_link(source.get("URL")) and source["URL"].encode() not in links:
            fail(story_path, f"the source {source['URL']} is not a link")
    for link in links:
        if not web_link(link.decode("latin-1")):
            fail(story_path, f"a link to {link!r}")
    return flat, out


stories = [os.path.join(root, "data", "stories", "pakistan-bangladesh-thaw.json"),
           os.path.join(root, "tests", "timelinejs", "hostile-story.json")]
with tempfile.TemporaryDirectory() as tmp:
    rng = random.Random(int(os.environ.get("STORYLINE_SEED", "24")))
    for n in range(25):
        path = os.path.join(tmp, f"random-{n}.json")
        with open(path, "w", encoding="utf-8") as f:
            story = random_story(rng, rng.randint(1, 30))
            if rng.random() < 0.5:
                story["story"]["publisher"] = "Fact <Desk> & Co"
                story["story"]["url"] = rng.choice(["https://example.org/checks/1", "ftp://example.org/x"])
            json.dump(story, f, ensure_ascii=False)
        stories.append(path)

    for path in stories:
        with open(path, encoding="utf-8") as f:
            story = json.load(f)
        check_html(path, story)
        check_claimreview(path, story)
        check_pdf(path, story, tmp)

    # The bundled story: its misquotes marked, and the page in Urdu.
    bundled = stories[0]
    with open(bundled, encoding="utf-8") as f:
        story = json.load(f)
    doc = check_html(bundled, story)
    if doc is not None and (len(doc.findall(f".//{NS}del")) == 0 or len(doc.findall(f".//{NS}ins")) == 0):
        fail(bundled, "no <del> or <ins>: the misquotes are not marked")
    env = dict(os.environ, LANGUAGE="ur", LANG="ur_PK.UTF-8", LC_ALL="ur_PK.UTF-8")
    check_html(bundled, story, env=env, rtl=True)
    data, _ = export("claimreview", bundled)
    if len(json.loads(data)) == 0:
        fail(bundled, "no review of the altered quotes")

    # The bundled story's PDF: every event's title and every quote can be
    # read back, in each style.
    for style in ("apa", "chicago", "mla"):
        checked = check_pdf(bundled, story, tmp, style)
        if checked is None:
            continue
        flat = checked[0].replace("-\n", "")
        for event in story["events"]:
            if shown(event["title"]) not in flat:
                fail(bundled, f"the PDF ({style}) lacks the title {event['title']!r}")
        for quote in story["quotes"]:
            if shown(quote["text"])[:60] not in flat:
                fail(bundled, f"the PDF ({style}) lacks the quote {quote['id']}")

    # Right to left: an Urdu title is set against the right margin, an
    # English one against the left.
    for title, rtl in (("پاکستان اور بنگلہ دیش", True), ("Pakistan and Bangladesh", False)):
        story["story"]["title"] = title
        path = os.path.join(tmp, "titled.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(story, f, ensure_ascii=False)
        checked = check_pdf(path, story, tmp)
        if checked is None:
            continue
        words = pdf_words(checked[1])
        # The title's line: the words above the subtitle (pdftotext reads
        # joined Arabic letters one by one, so they are told by place).
        first_line = [w for w in words if w[3] < 112]
        if not first_line:
            fail(path, f"the title {title!r} cannot be read back from the PDF")
            continue
        right = max(w[1] for w in first_line)
        left = min(w[0] for w in first_line)
        if rtl and not (530 < right < 545):
            fail(path, f"the Urdu title ends at x={right}, not at the right margin (538.6)")
        if not rtl and not (50 < left < 63):
            fail(path, f"the English title starts at x={left}, not at the left margin (56.7)")

for f in failures[:40]:
    print(f"not ok: {f}")
if failures:
    sys.exit(1)
print(f"ok: {len(stories)} stories, their pages and reviews")
