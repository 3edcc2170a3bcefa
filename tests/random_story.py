"""Random stories across the format, for the checks of the publishing
exports: every kind of date — each precision, intervals, one day in a
range, approximate and uncertain — text in several scripts with markup,
entities and bidirectional overrides in it, sources with and without web
links (javascript: and ftp: among them), phases, quotes and renditions
that keep, cut or reorder the words."""

WORDS = [
    "talks", "visit", "trade", "<b>bold</b>", "a & b", "\"quoted\"", "it's",
    "ڈھاکہ", "اسلام آباد", "ঢাকা", "বাণিজ্য", "<script>alert(1)</script>",
    "</p>", "&amp;", "line\nbreak", "\u202eflipped\u202c", "naïve", "—",
    "press@example.org", "ftp://example.org/file", "www.example.org", "https://example.net/x?a=1&b=2",
]


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def date(rng):
    y = rng.randint(1950, 2030)
    m = rng.randint(1, 12)
    d = rng.randint(1, 20)
    kind = rng.randrange(9)
    if kind == 0:
        return f"{y}"
    if kind == 1:
        return f"{y}-{m:02d}"
    if kind == 2:
        return f"{y}-{m:02d}-{d:02d}"
    if kind == 3:
        return f"{y}-{m:02d}-{d:02d}/{y}-{m:02d}-{min(28, d + rng.randint(1, 9)):02d}"
    if kind == 4:
        return f"[{y}-{m:02d}-{d:02d}..{y}-{m:02d}-{min(28, d + 4):02d}]"
    if kind == 5:
        return f"{y}-{m:02d}~"
    if kind == 6:
        return f"{y}?"
    if kind == 7:
        return f"{y}/{y + rng.randint(1, 3)}"
    return f"{y}-{m:02d}-{d:02d}%"


def random_story(rng, n_events):
    sources = []
    for i in range(rng.randint(1, 6)):
        source = {"id": f"s{i}", "type": rng.choice(["article-newspaper", "webpage", "report"]),
                  "title": text(rng, 4), "container-title": text(rng, 2)}
        if rng.random() < 0.7:
            source["URL"] = rng.choice([f"https://example.org/{i}?a=1&b=2", f"http://example.com/{i}",
                                        "javascript:alert(1)", "ftp://example.org/x"])
        if rng.random() < 0.6:
            source["issued"] = {"date-parts": [[rng.randint(2000, 2025), rng.randint(1, 12)]]}
        sources.append(source)
    actors = [{"id": f"a{i}", "name": text(rng, 2), "kind": "person"} for i in range(rng.randint(1, 4))]
    phases = []
    for i in range(rng.randint(0, 3)):
        y = rng.randint(1950, 2025)
        start = rng.choice([f"{y}", f"{y}-05", f"{y}-05-03"])
        end = rng.choice([f"{y + rng.randint(0, 5)}", f"{y}-05", f"{y}-05-03", f"{y}-11-30"])
        phases.append({"id": f"p{i}", "title": text(rng, 3), "start": start, "end": end})
    events, quotes = [], []
    for i in range(n_events):
        event = {"id": f"e{i}", "title": text(rng, rng.randint(1, 6)), "date": date(rng),
                 "sources": rng.sample([s["id"] for s in sources], rng.randint(0, len(sources)))}
        if rng.random() < 0.7:
            event["summary"] = text(rng, rng.randint(3, 20))
        if phases and rng.random() < 0.6:
            event["phase"] = rng.choice(phases)["id"]
        events.append(event)
        for j in range(rng.choice([0, 0, 1, 2])):
            original = text(rng, rng.randint(3, 12))
            words = original.split(" ")
            renditions = []
            for k in range(rng.randint(0, 3)):
                cut = words[rng.randrange(len(words)):]
                renditions.append({"source": rng.choice(sources)["id"],
                                   "text": rng.choice([original, " ".join(cut), " ".join(words[::-1])])})
            quotes.append({"id": f"q{i}-{j}", "speaker": rng.choice(actors)["id"], "event": event["id"],
                           "text": original, "renditions": renditions})
    story = {"format": "storyline", "version": 1,
             "story": {"title": text(rng, 4), "summary": text(rng, 10), "language": "en"},
             "actors": actors, "events": events, "quotes": quotes, "sources": sources}
    if phases:
        story["phases"] = phases
    return story
