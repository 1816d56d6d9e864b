// Opens a report's dashboard.html in headless Chromium (Debian's, driven by playwright-core) and
// checks what a person would see: every chart drew data marks, every axis has tick labels, the subgroup
// colours are the report's, zoom works, choosing another corpus changes what is drawn, and the console stayed
// free of errors. Keeps a screenshot.
//
//   node dashboard-check.mjs REPORT/dashboard.html SCREENSHOT.png
//
// Prints one JSON line of findings; exits 1 on any failed check.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [page_, screenshot] = process.argv.slice(2);
if (!page_ || !screenshot) {
  console.error('usage: node dashboard-check.mjs DASHBOARD.html SCREENSHOT.png');
  process.exit(2);
}
const CHARTS = ['isoflop', 'compute', 'relative', 'forest'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // closed network and root user: no sandbox, no background traffic (it only spams refused connections);
  // launch() gives every run a fresh, temporary profile
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const failures = [];
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(page_).href);
  await page.waitForFunction(() => document.body.dataset.renders === '1', null, { timeout: 30000 });

  /** Data marks per chart (Vega's SVG puts them under .role-mark groups) and a digest of their shapes. */
  const marks = () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const items = Array.from(document.querySelectorAll(`#chart-${id} svg .role-mark > *`));
    return [id, { count: items.length, shapes: items.map((e) => e.getAttribute('d') || e.getAttribute('transform')
      || `${e.getAttribute('x1')},${e.getAttribute('y1')},${e.getAttribute('x2')},${e.getAttribute('y2')}`).join('|') }];
  })), CHARTS);

  /** Per chart and axis, the non-empty tick labels Vega drew. */
  const axes = () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id,
    Array.from(document.querySelectorAll(`#chart-${id} svg .role-axis[aria-roledescription="axis"]`)).map((a) => ({
      axis: a.getAttribute('aria-label') || '',
      labels: Array.from(a.querySelectorAll('.role-axis-label text')).map((t) => t.textContent.trim()).filter((t) => t),
    }))])), CHARTS);

  const before = await marks();
  for (const [id, list] of Object.entries(await axes())) {
    if (list.length < 2) failures.push(`chart ${id} has ${list.length} axes`);
    for (const a of list) {
      if (a.labels.length < 2) failures.push(`chart ${id}: axis "${a.axis.slice(0, 40)}" has ${a.labels.length} tick labels`);
    }
  }
  // the compute panel's subgroup colours are the report's (the same map the static figures use)
  const colours = await page.evaluate(() => {
    const d = window.scalesweepDashboard;
    const cs = d.meta.case_studies.find((c) => c.name === d.state.study);
    const fills = Array.from(document.querySelectorAll('#chart-compute svg .mark-symbol.role-mark path'))
      .map((e) => (e.getAttribute('fill') || '').toLowerCase());
    return { expected: cs ? cs.colors : {}, fills: Array.from(new Set(fills)) };
  });
  const known = new Set(Object.values(colours.expected).map((c) => c.toLowerCase()));
  const stray = colours.fills.filter((f) => !known.has(f));
  if (colours.fills.length === 0) failures.push('compute panel drew no coloured points');
  if (stray.length) failures.push(`compute panel colours not in the report's map: ${stray.join(', ')}`);
  // zoom: a wheel turn over the compute panel changes its axis labels
  const labelsOf = async (id) => JSON.stringify((await axes())[id].map((a) => a.labels));
  const beforeZoom = await labelsOf('compute');
  const box = await (await page.$('#chart-compute svg')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(400);
  const zoomed = (await labelsOf('compute')) !== beforeZoom;
  if (!zoomed) failures.push('zooming the compute panel changed nothing');
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  for (const id of CHARTS) {
    if (before[id].count === 0) failures.push(`chart ${id} drew no data marks`);
  }
  const corpora = await page.$$eval('#corpus option', (os) => os.map((o) => o.value));
  const first = await page.$eval('#corpus', (s) => s.value);
  let changed = null;
  if (corpora.length < 2) {
    failures.push(`the report has ${corpora.length} corpus; the check needs two to switch between`);
  } else {
    const other = corpora.find((c) => c !== first);
    await page.selectOption('#corpus', other);
    await page.waitForFunction(() => document.body.dataset.renders === '2', null, { timeout: 30000 });
    const after = await marks();
    changed = CHARTS.filter((id) => after[id].shapes !== before[id].shapes);
    for (const id of ['isoflop', 'compute', 'relative']) {
      if (!changed.includes(id)) failures.push(`chart ${id} did not change when corpus ${first} -> ${other}`);
      if (after[id].count === 0) failures.push(`chart ${id} drew no data marks for corpus ${other}`);
    }
    await page.selectOption('#corpus', first);
    await page.waitForFunction(() => document.body.dataset.renders === '3', null, { timeout: 30000 });
  }
  // a tooltip with the run's configuration on hover of an IsoFLOP point
  const point = await page.$('#chart-isoflop svg .mark-symbol.role-mark path');
  let tooltip = '';
  if (point) {
    await point.hover({ force: true });
    await page.waitForTimeout(300);
    tooltip = await page.evaluate(() => (document.querySelector('#vg-tooltip-element') || {}).textContent || '');
    if (!/run_id/.test(tooltip) || !/width/.test(tooltip)) failures.push(`IsoFLOP tooltip lacks the run configuration: "${tooltip}"`);
  } else {
    failures.push('no IsoFLOP point to hover');
  }
  await page.mouse.move(0, 0);
  await page.screenshot({ path: screenshot, fullPage: true });
  if (errors.length) failures.push(`console errors: ${errors.join(' | ')}`);
  console.log(JSON.stringify({ marks: Object.fromEntries(CHARTS.map((id) => [id, before[id].count])), corpora,
    changed, colours, zoomed, tooltip: tooltip.slice(0, 120), screenshot, failures }));
} finally {
  await browser.close();
}
process.exit(failures.length ? 1 : 0);
