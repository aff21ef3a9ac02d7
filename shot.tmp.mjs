import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const url = process.argv[2] ?? '/author';
const name = process.argv[3] ?? 'author';
for (const [w, h, tag] of [[1366, 768, 'wide'], [390, 844, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('http://localhost:4241' + url);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/${name}-${tag}.png`, fullPage: true });
  const sw = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  console.log(tag, 'scrollWidth', sw);
  await page.close();
}
await browser.close();
