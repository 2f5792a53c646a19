// Renders the web app's PNG icons (192 and 512 px, for the manifest and home screens)
// from icons/icon.svg with the same headless Chromium the browser tests use. Run it after
// changing the SVG:   node web/scripts/render-icons.mjs
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const icons = fileURLToPath(new URL("../icons/", import.meta.url));
const svg = readFileSync(`${icons}icon.svg`, "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `${icons}icon-${size}.png` });
    await page.close();
  }
} finally {
  await browser.close();
}
