#!/usr/bin/env node
// Writes the citation goldens for tests/test-citation.c: what citeproc-js
// (npm "citeproc") makes of tests/citations/sources.json with the official
// styles in ../shared/csl/. Run once when the sources or the styles
// change; the test suite itself needs neither the network nor Node:
//   npm install citeproc && node tests/citations/generate-goldens.js ../shared/csl
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const cslDir = process.argv[2] || path.join(__dirname, "..", "..", "..", "shared", "csl");
const here = __dirname;
const items = JSON.parse(fs.readFileSync(path.join(here, "sources.json"), "utf8"));
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

for (const [name, file] of Object.entries(styles)) {
  for (const format of ["text", "html"]) {
    // One entry per source, each in a bibliography of its own, so that
    // every line stands for one source whatever the style's sort order.
    const lines = items.map((item) => {
      const e = engine(file, format);
      e.updateItems([item.id]);
      const [, entries] = e.makeBibliography();
      return item.id + "\t" + entries.join("").trim().replace(/\n/g, " ");
    });
    fs.writeFileSync(path.join(here, `${name}.${format === "text" ? "txt" : "html"}`), lines.join("\n") + "\n");
  }
  if (name === "chicago") {
    for (const format of ["text", "html"]) {
      const lines = items.map((item) => {
        const e = engine(file, format);
        const result = e.processCitationCluster(
          { citationItems: [{ id: item.id }], properties: { noteIndex: 1 } }, [], []);
        return item.id + "\t" + result[1][0][1].trim();
      });
      fs.writeFileSync(path.join(here, `chicago-note.${format === "text" ? "txt" : "html"}`), lines.join("\n") + "\n");
    }
  }
}
