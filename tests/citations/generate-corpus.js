#!/usr/bin/env node
// Writes tests/citations/corpus.json: CSL-JSON items over the space the
// three styles read (every type a news story cites × the variables APA 7,
// Chicago 18 and MLA 9 print, names and dates of every shape), and
// tests/citations/cites.json: one citation of each item with a locator as
// a story writes one ("p. 12", "para. 3", …) and as citeproc-js takes it
// ({label, locator}). A fixed seed: the same files every run. Then
// generate-goldens.js renders them with citeproc-js.
//   node tests/citations/generate-corpus.js
"use strict";
const fs = require("fs");
const path = require("path");

// mulberry32: small, fixed, the same in every Node.
function mulberry32(seed) {
  return function () {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let random = mulberry32(20261130);
// Runs fn with the draws of a sequence of its own, then goes back.
function withSequence(seed, fn) {
  const saved = random;
  random = mulberry32(seed);
  try {
    return fn();
  } finally {
    random = saved;
  }
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const types = [
  "article-newspaper", "article-magazine", "article-journal", "report", "webpage", "post",
  "post-weblog", "broadcast", "interview", "speech", "document", "book", "chapter",
  "legal_case", "legislation", "dataset", "personal_communication", "motion_picture",
];

// Names of every shape: plain, hyphenated given names, given names that
// are already initials, suffixes, particles of both kinds (given in their
// own fields and left in the name for the processor to find), non-Latin
// scripts, organizations.
const people = [
  { family: "Rahman", given: "Shaikh Azizur" },
  { family: "Khan", given: "Aamir" },
  { family: "Chowdhury", given: "Nur-Jahan" },
  { family: "Ahmed", given: "Jean-Luc" },
  { family: "Rahman", given: "Md. Abdul" },
  { family: "Islam", given: "A. K. M." },
  { family: "Hossain", given: "M." },
  { family: "Beg", given: "Mirza", suffix: "Jr." },
  { family: "King", given: "Martin Luther", suffix: "III" },
  { family: "van Gogh", given: "Vincent" },
  { family: "Gogh", given: "Theo", "non-dropping-particle": "van" },
  { family: "Haque", given: "Nadeem ul" },
  { family: "Gaulle", given: "Charles", "dropping-particle": "de" },
  { family: "Fontaine", given: "Jean", "dropping-particle": "de la" },
  { family: "Mesa", given: "Anna", "non-dropping-particle": "de la" },
  { family: "d'Souza", given: "Priya" },
  { family: "O'Brien", given: "Patrick" },
  { family: "Das", given: "Mitali" },
  { family: "Mirza", given: "Sahir Shamshad" },
  { family: "Yunus", given: "Muhammad" },
  { family: "Smith-Jones", given: "Kate" },
  { family: "Lee", given: "Ji-hoon" },
  { family: "Müller", given: "Jürgen" },
  { family: "Østergaard", given: "Åse" },
  { family: "Abdullah", given: "" },
  { family: "Sukarno" },
  { family: "ইউনূস", given: "মুহাম্মদ" },
  { family: "খান", given: "আমির" },
  { family: "خان", given: "عمران" },
  { family: "毛", given: "泽东" },
  { family: "Иванов", given: "Иван" },
  { family: "Papadopoulos", given: "Γιώργος" },
];
const organizations = [
  "Inter Services Public Relations", "ISPR", "Ministry of Foreign Affairs",
  "United Nations", "Bangladesh Bureau of Statistics", "The World Bank",
  "Associated Press", "Reuters Staff", "Office of the Chief Adviser",
  "Pakistan Army, Inter Services Public Relations",
];

function name() {
  if (chance(0.2))
    return { literal: pick(organizations) };
  const n = Object.assign({}, pick(people));
  if (n.given === "")
    delete n.given;
  return n;
}

function names(max) {
  const count = chance(0.08) ? int(7, 25) : int(1, max);
  const list = [];
  for (let i = 0; i < count; i++)
    list.push(name());
  return list;
}

const titles = [
  "Pakistan, Bangladesh signal thaw as military officials discuss defense cooperation in Dhaka",
  "Bangladesh resumes direct trade with Pakistan after over 50 years",
  "CJCSC Shamshad and Bangladesh's air, navy chiefs vow to improve defence collaboration",
  "The visit: a view from the other side",
  "What is it worth? A region at the crossroads",
  "Is the thaw real?",
  "Rice ship berths at Chattogram",
  "He said \"no\" to talks, and then \"yes\"",
  "The \"new\" Bangladesh: notes from Dhaka",
  "Trade, visas and the road to Karachi",
  "Between the lines of the ISPR statement",
  "A history of 1971 and its aftermath",
  "ready for the long haul: dhaka's diplomacy",
  "From Karachi to Chittagong via Colombo",
  "Over 50 years on, a first direct cargo",
  "Why the U.S. is watching",
  "The e-commerce boom in South Asia",
  "Who's afraid of a thaw?",
  "Interview with the chief of army staff",
  "bdnews24.com and the rise of online news",
  "Dhaka–Karachi flights: a timeline",
  "On the record",
  "Defence ties: An analysis of the 2025 talks.",
  "\"We are brothers\": a speech at the National Defence College",
];
const nonEnglish = [
  { title: "পাকিস্তান ও বাংলাদেশের সম্পর্কে নতুন অধ্যায়", language: "bn" },
  { title: "پاکستان اور بنگلہ دیش کے تعلقات", language: "ur" },
  { title: "le dégel entre le pakistan et le bangladesh", language: "fr" },
  { title: "Die Annäherung zwischen Pakistan und Bangladesch", language: "de" },
  { title: "a new chapter for an old friendship", language: "en-GB" },
  { title: "trade between the two countries", language: "en-US" },
];
const containers = [
  "Arab News", "Dawn", "The Daily Star", "Prothom Alo", "The Express Tribune", "Business Recorder",
  "Journal of South Asian Studies", "the economist", "Foreign Affairs", "BD Voice", "bdnews24.com",
  "Al Jazeera", "BBC News", "The Diplomat", "Voice7 News", "Asian Survey",
];
const publishers = [
  "Inter Services Public Relations", "Oxford University Press", "BBC World Service", "Al Jazeera English",
  "Ministry of Foreign Affairs", "Penguin Random House", "The Asia Foundation", "PTV News",
];
const places = ["Rawalpindi", "Dhaka", "Islamabad", "London", "New York", "Karachi", "Chittagong"];
const genres = ["Press release", "Editorial", "Opinion", "Television broadcast", "Radio interview",
  "Policy brief", "Working paper", "Podcast", "Documentary", "Speech", "Letter", "Video"];
const media = ["Television", "Radio", "Video", "Audio", "PDF", "Print"];
const sections = ["World", "Opinion", "National", "Business", "Asia"];
const events = ["National Defence College graduation", "Karachi Summit", "Munich Security Conference",
  "Bangladesh–Pakistan Joint Economic Commission"];
const archives = ["National Archives of Bangladesh", "Internet Archive", "British Library"];
const urls = [
  "https://www.arabnews.pk/node/2620405",
  "https://www.dawn.com/news/1951558",
  "https://ispr.gov.pk/press-release-detail?id=7458",
  "http://example.org/archive/2024/08/",
  "https://www.thedailystar.net/news/bangladesh/diplomacy/news-3930000",
];

function datePart() {
  const year = pick([1971, 1999, 2011, 2024, 2025]);
  const shape = int(0, 2);
  if (shape === 0)
    return [year];
  if (shape === 1)
    return [year, int(1, 12)];
  return [year, int(1, 12), int(1, 28)];
}

// Dates of every shape: year, month, day, ranges within a month, across
// months and across years, circa, seasons as literals, none.
function date() {
  const shape = int(0, 9);
  if (shape <= 3)
    return { "date-parts": [datePart()] };
  if (shape === 4) {
    const y = pick([2024, 2025]), m = int(1, 12), d = int(1, 20);
    return { "date-parts": [[y, m, d], [y, m, d + int(1, 8)]] };
  }
  if (shape === 5) {
    const y = pick([2024, 2025]), m = int(1, 10);
    return { "date-parts": [[y, m, int(1, 28)], [y, m + int(1, 2), int(1, 28)]] };
  }
  if (shape === 6) {
    const y = pick([1971, 2011, 2024]);
    return chance(0.5) ? { "date-parts": [[y], [y + int(1, 3)]] } : { "date-parts": [[y, int(1, 12)], [y + 1, int(1, 12)]] };
  }
  if (shape === 7)
    return { "date-parts": [datePart()], circa: true };
  if (shape === 8)
    return { literal: pick(["Spring 2025", "Winter 2024–2025", "Monsoon 2024"]) };
  return { "date-parts": [[2025, int(1, 12)]] };
}

function item(id, type) {
  const it = { id, type };
  if (chance(0.85))
    it.author = names(chance(0.3) ? 8 : 3);
  if (chance(0.12))
    it.editor = names(2);
  if (chance(0.08))
    it.translator = names(2);
  if (chance(type === "interview" ? 0.6 : 0.05))
    it.interviewer = names(2);
  if (chance(type === "personal_communication" ? 0.6 : 0.04))
    it.recipient = names(2);
  if (chance(type === "motion_picture" || type === "broadcast" ? 0.5 : 0.03))
    it.director = names(2);
  if (chance(type === "broadcast" || type === "post" ? 0.3 : 0.02))
    it.host = names(2);
  if (chance(0.03))
    it["container-author"] = names(2);
  if (chance(0.08)) {
    const t = pick(nonEnglish);
    it.title = t.title;
    it.language = t.language;
  } else {
    it.title = pick(titles);
    if (chance(0.15))
      it.language = pick(["en", "en-US", "en-GB"]);
  }
  if (chance(0.1))
    it["title-short"] = it.title.split(":")[0].split(" ").slice(0, 3).join(" ");
  if (chance(0.8) && type !== "book" && type !== "legislation" && type !== "personal_communication")
    it["container-title"] = pick(containers);
  if (chance(0.1))
    it["container-title-short"] = "Short";
  if (chance(0.1))
    it["collection-title"] = pick(["Policy Series", "South Asia Studies", "Working Papers"]);
  if (chance(0.05))
    it["collection-number"] = String(int(1, 40));
  if (chance(0.35))
    it.publisher = pick(publishers);
  if (chance(0.25))
    it["publisher-place"] = pick(places);
  if (chance(type === "speech" ? 0.6 : 0.08)) {
    if (chance(0.5))
      it["event-title"] = pick(events);
    else
      it.event = pick(events);
  }
  if (chance(type === "speech" ? 0.5 : 0.06))
    it["event-place"] = pick(places);
  if (chance(0.05))
    it["event-date"] = date();
  if (chance(type === "report" || type === "broadcast" || type === "speech" ? 0.5 : 0.12))
    it.genre = pick(genres);
  if (chance(0.1))
    it.medium = pick(media);
  if (chance(type === "article-newspaper" ? 0.3 : 0.06))
    it.section = pick(sections);
  if (chance(0.15))
    it.number = pick(["7458", "12", "PR-201/2025", "A/79/1"]);
  if (chance(type === "article-journal" ? 0.7 : 0.08))
    it.volume = String(int(1, 80));
  if (chance(type === "article-journal" ? 0.6 : 0.08))
    it.issue = String(int(1, 12));
  if (chance(type === "article-journal" || type === "chapter" ? 0.7 : 0.12))
    it.page = pick(["12", "12-15", "101–118", "A4", "233-9", "1-3", "e1002"]);
  if (chance(0.06))
    it.edition = pick(["2", "3", "Revised"]);
  if (chance(type === "dataset" ? 0.5 : 0.03))
    it.version = pick(["2.1", "1.0"]);
  if (chance(type === "article-journal" ? 0.4 : 0.06))
    it.DOI = pick(["10.1080/00856401.2025.1234567", "10.1177/0021909625123456"]);
  if (chance(0.6))
    it.URL = pick(urls);
  if (chance(0.25))
    it.accessed = { "date-parts": [[2025, int(10, 12), int(1, 28)]] };
  if (chance(0.85))
    it.issued = date();
  if (chance(0.05))
    it["original-date"] = { "date-parts": [[pick([1971, 1999])]] };
  if (chance(0.08))
    it.archive = pick(archives);
  if (chance(0.08))
    it.archive_location = pick(["Box 12, folder 3", "MS 45/2"]);
  if (chance(0.04))
    it["archive-place"] = pick(places);
  if (chance(0.04))
    it.status = pick(["forthcoming", "in press"]);
  if (chance(0.04))
    it.source = pick(["LexisNexis", "ProQuest"]);
  if (chance(type === "legal_case" || type === "legislation" ? 0.6 : 0.03))
    it.authority = pick(["Supreme Court of Bangladesh", "National Assembly of Pakistan"]);
  if (chance(type === "chapter" ? 0.3 : 0.02))
    it["chapter-number"] = String(int(1, 12));
  if (chance(0.03))
    it.references = "Cited in the ISPR release";
  if (chance(0.03))
    it.dimensions = pick(["45 min.", "1:02:14"]);
  if (chance(0.03))
    it["number-of-volumes"] = String(int(2, 4));
  if (chance(0.02))
    it["part-number"] = String(int(1, 3));
  if (chance(0.02))
    it["available-date"] = { "date-parts": [[2025, 3, 1]] };
  if (chance(0.02))
    it.submitted = { "date-parts": [[2024, 12]] };
  return it;
}

// The rarer variables the styles read, drawn from a second sequence so
// that adding them left the items above as they were: the other kinds of
// contributor, original publication, reviews, parts and volumes.
const random2 = mulberry32(20261201);
const rareNames = ["chair", "collection-editor", "compiler", "composer", "contributor", "curator",
  "editorial-director", "executive-producer", "guest", "illustrator", "narrator", "organizer",
  "original-author", "performer", "producer", "reviewed-author", "script-writer", "series-creator"];
const rareTexts = {
  "archive_collection": ["Rahman Papers", "Press Cuttings 1971"],
  "original-publisher": ["Dhaka University Press", "Ferozsons"],
  "original-publisher-place": ["Dhaka", "Lahore"],
  "original-title": ["Purbo Pakistan", "The old road"],
  "part-title": ["The first talks", "Trade"],
  "reviewed-genre": ["Documentary", "Book"],
  "reviewed-title": ["the long thaw", "A new chapter"],
  "scale": ["1:50,000"],
  "supplement-number": ["2", "S1"],
  "volume-title": ["The Year of Reopening", "Defence and trade"],
  "page-first": ["101"],
};
function addRare(it) {
  for (const v of rareNames) {
    if (random2() < 0.035)
      it[v] = withSequence(Math.floor(random2() * 4294967296), () => names(2));
  }
  // Editors who translated too: named once, as "editor and translator".
  if (random2() < 0.04) {
    it.editor = withSequence(Math.floor(random2() * 4294967296), () => names(2));
    it.translator = it.editor.map((n) => Object.assign({}, n));
  }
  for (const [v, values] of Object.entries(rareTexts)) {
    if (random2() < 0.05)
      it[v] = values[Math.floor(random2() * values.length)];
  }
  return it;
}

// A locator as a story writes it, and as citeproc-js takes it.
const locators = [
  null,
  ["p. 12", "page", "12"], ["pp. 12–15", "page", "12–15"], ["12", "page", "12"],
  ["para. 3", "paragraph", "3"], ["paras. 3-4", "paragraph", "3-4"], ["sec. 2", "section", "2"],
  ["chap. 4", "chapter", "4"], ["fig. 2", "figure", "2"], ["n. 14", "note", "14"],
  ["vol. 2", "volume", "2"], ["l. 7", "line", "7"], ["col. 3", "column", "3"],
];

const items = [];
// The hand-written items of sources.json are cited too, a locator of four
// in turn (none for every third).
const handLocators = [["p. 12", "page", "12"], ["para. 3", "paragraph", "3"], null, ["pp. 4-5", "page", "4-5"]];
const cites = JSON.parse(fs.readFileSync(path.join(__dirname, "sources.json"), "utf8")).map((it, k) => {
  const loc = handLocators[k % handLocators.length];
  return loc ? { id: it.id, locator: loc[0], label: loc[1], value: loc[2] } : { id: it.id };
});
let n = 0;
for (let round = 0; round < 24; round++) {
  for (const type of types) {
    const id = `g${String(++n).padStart(3, "0")}-${type}`;
    items.push(addRare(item(id, type)));
    const loc = pick(locators);
    cites.push(loc ? { id, locator: loc[0], label: loc[1], value: loc[2] } : { id });
  }
}

const here = __dirname;
fs.writeFileSync(path.join(here, "corpus.json"), "[\n" + items.map((i) => JSON.stringify(i)).join(",\n") + "\n]\n");
fs.writeFileSync(path.join(here, "cites.json"), "[\n" + cites.map((c) => JSON.stringify(c)).join(",\n") + "\n]\n");
console.log(`${items.length} items`);
