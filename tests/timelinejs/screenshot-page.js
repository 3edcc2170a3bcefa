#!/usr/bin/env node
// Not a test: a screenshot of a page Storyline wrote (tests/take-screenshots),
// in headless Chromium, 900 px wide: the whole window's first screen, or
// the element SELECTOR.
//
//   screenshot-page.js PAGE.html OUT.png [SELECTOR]
'use strict';
const path = require('path');
const url = require('url');
const { chromium } = require('playwright-core');

const [page_file, out, selector] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 900, height: 1060 } });
  await page.goto(url.pathToFileURL(path.resolve(page_file)).href);
  if (selector) await page.locator(selector).screenshot({ path: out });
  else await page.screenshot({ path: out });
  await browser.close();
})();
