#!/usr/bin/env node
// Opens Storyline's TimelineJS export in TimelineJS itself (3.9.11, from
// npm) in headless Chromium and checks what a reader sees against the
// story it was made from: one slide per event with its headline as
// written (markup in a title shows as characters), a block quote per
// quote, every http(s) source linked, no other link, the phases as eras,
// and no script error. Prints "ok" lines and exits 0, or says what is
// wrong and exits 1; exits 77 (skipped) when Chromium is not installed.
//
//   check-timelinejs.js STORY.json EXPORT.json [STORY.json EXPORT.json…]

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const url = require('url');

const pairs = process.argv.slice(2);
if (pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error('usage: check-timelinejs.js STORY.json EXPORT.json [STORY.json EXPORT.json…]');
  process.exit(2);
}

const chromium_paths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = chromium_paths.find((p) => fs.existsSync(p));
if (!executablePath) {
  console.log('SKIP: no Chromium (install the chromium package)');
  process.exit(77);
}
const { chromium } = require('playwright-core');


// What the window shows of a text: no bidirectional overrides, white
// space folded.
const shown = (text) => (text || '').replace(/[\u202d\u202e]/g, '').replace(/\s+/g, ' ').trim();
const isWebLink = (u) => typeof u === 'string' && /^https?:\/\/[^\s"'<>]+$/.test(u);

async function check(browser, storyFile, exportFile) {
const story = JSON.parse(fs.readFileSync(storyFile, 'utf8'));
const data = JSON.parse(fs.readFileSync(exportFile, 'utf8'));
const problems = [];
const fail = (message) => problems.push(`${path.basename(storyFile)}: ${message}`);

const sourceUrl = new Map((story.sources || []).map((s) => [s.id, s.URL]));
const quotesOf = new Map();
for (const q of story.quotes || []) {
  quotesOf.set(q.event, (quotesOf.get(q.event) || []).concat([q]));
}

{
  const dist = path.join(__dirname, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-timelinejs-'));
  const page_file = path.join(dir, 'index.html');
  fs.writeFileSync(page_file, `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${url.pathToFileURL(path.join(dist, 'css', 'timeline.css'))}">
<script src="${url.pathToFileURL(path.join(dist, 'js', 'timeline.js'))}"></script>
</head><body><div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
window.storylineLoaded = false;
window.timeline = new TL.Timeline('timeline', ${JSON.stringify(data).replace(/</g, '\\u003c')}, { script_path: '${url.pathToFileURL(path.join(dist, 'js'))}/' });
window.timeline.on('loaded', () => { window.storylineLoaded = true; });
</script></body></html>`);

  const page = await browser.newPage();
  const scriptErrors = [];
  const dialogs = [];
  page.on('pageerror', (e) => scriptErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) scriptErrors.push(m.text());
  });
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  // Offline, as a reader's copy would be checked: nothing but the files.
  // Fonts and the like from the network are refused; their "failed to
  // load" messages are not script errors.
  const refused = [];
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  await page.goto(url.pathToFileURL(page_file).href);
  try {
    await page.waitForFunction(() => window.storylineLoaded === true, null, { timeout: 30000 });
  } catch (e) {
    const message = await page.evaluate(() => {
      const m = document.querySelector('.tl-message-full, .tl-message');
      return m ? m.textContent : '';
    });
    fail(`TimelineJS did not finish loading: ${message} ${scriptErrors.join('; ')}`);
    await page.close();
    for (const p of problems) console.log(`not ok: ${p}`);
    return false;
  }

  const seen = await page.evaluate(() => {
    // Text as written: a <br> is the line break it stands for.
    const textOf = (element) => {
      const copy = element.cloneNode(true);
      for (const br of copy.querySelectorAll('br')) br.replaceWith('\n');
      return copy.textContent;
    };
    const slides = [];
    for (const slide of document.querySelectorAll('.tl-slide')) {
      const content = slide.querySelector('.tl-text-content');
      const headline = slide.querySelector('.tl-headline');
      slides.push({
        id: slide.id,
        headline: headline ? textOf(headline) : null,
        blockquotes: content ? Array.from(content.querySelectorAll('blockquote')).map(textOf) : [],
        links: Array.from(slide.querySelectorAll('.tl-text a[href]')).map((a) => a.getAttribute('href')),
        scripts: slide.querySelectorAll('script, iframe, object, embed, b script').length,
        elements: Array.from((content || slide).querySelectorAll('*')).map((e) => e.localName),
        titleSlide: slide.classList.contains('tl-slide-titleslide'),
      });
    }
    const eras = Array.from(document.querySelectorAll('.tl-timeera')).map(textOf);
    return { slides, eras };
  });
  await page.close();
  fs.rmSync(dir, { recursive: true, force: true });

  if (scriptErrors.length > 0) fail(`script errors: ${scriptErrors.join('; ')}`);
  if (dialogs.length > 0) fail(`dialogs opened: ${dialogs.join('; ')}`);

  const events = story.events || [];
  const slides = seen.slides.filter((s) => !s.titleSlide);
  if (slides.length !== events.length) fail(`${slides.length} slides for ${events.length} events`);
  const title = seen.slides.find((s) => s.titleSlide);
  if (!title) fail('no title slide');
  else if (shown(title.headline) !== shown(story.story.title)) fail(`title slide headline ${JSON.stringify(title.headline)}, not ${JSON.stringify(shown(story.story.title))}`);

  let quotes = 0;
  let links = 0;
  for (const event of events) {
    const slide = slides.find((s) => s.id === event.id);
    if (!slide) {
      fail(`no slide for event ${event.id}`);
      continue;
    }
    if (shown(slide.headline) !== shown(event.title)) fail(`${event.id}: headline ${JSON.stringify(slide.headline)}, not ${JSON.stringify(shown(event.title))}`);
    if (slide.scripts > 0) fail(`${event.id}: the slide has a script, frame or object`);
    for (const name of slide.elements) {
      if (!['p', 'br', 'strong', 'blockquote', 'ul', 'ol', 'li', 'a', 'i', 'b', 'del', 'ins', 'span', 'div', 'h2', 'h3'].includes(name)) fail(`${event.id}: an element <${name}> in the slide`);
    }
    const expected = quotesOf.get(event.id) || [];
    if (slide.blockquotes.length !== expected.length) fail(`${event.id}: ${slide.blockquotes.length} block quotes for ${expected.length} quotes`);
    expected.forEach((q, i) => {
      if (slide.blockquotes[i] !== undefined && shown(slide.blockquotes[i]) !== shown(q.text)) fail(`${event.id}: block quote ${i} reads ${JSON.stringify(slide.blockquotes[i])}`);
    });
    quotes += expected.length;
    const cited = (event.sources || []).map((s) => sourceUrl.get(typeof s === 'string' ? s : s.id)).filter(isWebLink);
    for (const link of slide.links) {
      if (!/^https?:\/\//.test(link)) fail(`${event.id}: a link to ${link}`);
    }
    for (const u of cited) {
      if (!slide.links.includes(u)) fail(`${event.id}: its source ${u} is not linked`);
    }
    links += slide.links.length;
  }

  const phases = story.phases || [];
  if (seen.eras.length !== phases.length) fail(`${seen.eras.length} eras for ${phases.length} phases`);
  for (const phase of phases) {
    if (!seen.eras.some((e) => shown(e) === shown(phase.title))) fail(`no era reads ${JSON.stringify(shown(phase.title))}`);
  }

  if (problems.length > 0) {
    for (const p of problems.slice(0, 40)) console.log(`not ok: ${p}`);
    return false;
  }
  if (process.env.STORYLINE_VERBOSE) console.log(`refused: ${refused.join(' ')}`);
  console.log(`ok: ${path.basename(storyFile)}: ${slides.length} slides, ${quotes} block quotes, ${links} links, ${seen.eras.length} eras, no script error`);
  return true;
}
}

(async () => {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  let ok = true;
  for (let i = 0; i < pairs.length; i += 2) {
    if (!(await check(browser, pairs[i], pairs[i + 1]))) ok = false;
  }
  await browser.close();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`not ok: ${e.stack || e}`);
  process.exit(1);
});
