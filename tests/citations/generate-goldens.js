#!/usr/bin/env node
// Writes the citation goldens for tests/test-citation.c: what citeproc-js
// (npm "citeproc" 2.4.63) makes of the items in sources.json (written by
// hand) and corpus.json (generate-corpus.js) with the official styles in
// ../shared/csl/, text and HTML:
//   apa, chicago, mla          the bibliography entry, each item alone
//   chicago-note               the first full note, no locator
//   apa-cite, mla-cite,        the in-text citation (APA, MLA) and the
//   chicago-note-cite          first full note with the item's locator
//                              from cites.json
// One line per item: its id, a tab, the output. Run once when the items or
// the styles change; the test suite needs neither the network nor Node:
//   npm install citeproc@2.4.63 && node tests/citations/generate-goldens.js ../shared/csl
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const cslDir = process.argv[2] || path.join(__dirname, "..", "..", "..", "shared", "csl");
const here = __dirname;
const read = (file) => JSON.parse(fs.readFileSync(path.join(here, file), "utf8"));
const items = read("sources.json").concat(read("corpus.json"));
const cites = Object.fromEntries(read("cites.json").map((c) => [c.id, c]));
const byId = Object.fromEntries(items.map((i) => [i.id, i]));
const locale = fs.readFileSync(path.join(cslDir, "locales-en-US.xml"), "utf8");

const styles = {
  apa: "apa.csl",
  chicago: "chicago-notes-bibliography.csl",
  mla: "modern-language-association.csl",
};

function engine(style, format) {
  const sys = { retrieveLocale: () => locale, retrieveItem: (id) => byId[id] };
  const e = new CSL.Engine(sys, fs.readFileSync(path.join(cslDir, style), "utf8"));
  e.setOutputFormat(format);
  return e;
}

function write(name, format, lines) {
  fs.writeFileSync(path.join(here, `${name}.${format === "text" ? "txt" : "html"}`), lines.join("\n") + "\n");
}

const engines = {};
function engineFor(file, format) {
  const key = file + format;
  if (!engines[key])
    engines[key] = engine(file, format);
  return engines[key];
}

// makeCitationCluster: a citation on its own, in first position, with no
// memory of the ones before.
function cite(file, format, item, withLocator) {
  const e = engineFor(file, format);
  const c = cites[item.id] || {};
  const ci = { id: item.id };
  if (withLocator && c.label) {
    ci.locator = c.value;
    ci.label = c.label;
  }
  e.updateItems([item.id]);
  return item.id + "\t" + e.makeCitationCluster([ci]).trim();
}

for (const [name, file] of Object.entries(styles)) {
  for (const format of ["text", "html"]) {
    // One entry per item, each in a bibliography of its own, so that
    // every line stands for one item whatever the style's sort order.
    write(name, format, items.map((item) => {
      const e = engineFor(file, format);
      e.updateItems([item.id]);
      const [, entries] = e.makeBibliography();
      return item.id + "\t" + entries.join("").trim().replace(/\n/g, " ");
    }));
    if (name === "chicago")
      write("chicago-note", format, items.map((item) => cite(file, format, item, false)));
    write(name === "chicago" ? "chicago-note-cite" : `${name}-cite`, format,
          items.map((item) => cite(file, format, item, true)));
  }
}
console.log(`${items.length} items`);
