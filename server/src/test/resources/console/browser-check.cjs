// Drives the web console in headless chromium (playwright-core), for ConsoleBrowserTest.
// Env: LOGIN_URL (one-time link), SCREENSHOTS (directory). Protocol with the test: this script prints
// "READY" once logged in with the jobs page open; the test then starts two jobs through MCP and writes
// "JOBS <finishing job id> <hanging job id> <hanging job's prompt as JSON>" on stdin.
"use strict";
const { chromium } = require("playwright-core");
const readline = require("readline");

const step = msg => process.stderr.write("[browser-check] " + msg + "\n");

async function main() {
  const loginUrl = process.env.LOGIN_URL;
  const shots = process.env.SCREENSHOTS;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", e => problems.push("page error: " + e.message));
    page.on("console", m => { if (m.type() === "error") { problems.push("console error: " + m.text()); } });
    page.on("response", r => { if (r.status() >= 400) { problems.push(r.status() + " for " + r.url()); } });
    page.on("dialog", d => { step("confirm: " + d.message()); d.accept(); });

    step("login");
    await page.goto(loginUrl);
    const url = new URL(page.url());
    if (url.pathname !== "/" || url.search !== "") { throw new Error("login did not land on / but " + page.url()); }
    const cookies = await context.cookies();
    const session = cookies.find(c => c.name === "llm_gateway_console");
    if (!session || !session.httpOnly || session.sameSite !== "Strict") {
      throw new Error("session cookie missing or not HttpOnly+Strict: " + JSON.stringify(cookies));
    }
    if (await page.evaluate(() => document.cookie.includes("llm_gateway_console"))) {
      throw new Error("the session cookie is readable from script");
    }
    await page.waitForSelector("#status:has-text('updated')");
    process.stdout.write("READY\n");

    const input = readline.createInterface({ input: process.stdin });
    const line = await new Promise(resolve => input.once("line", resolve));
    input.close();
    const [, doneId, hangId, ...rest] = line.split(" ");
    const hangPrompt = JSON.parse(rest.join(" "));

    step("job " + doneId + " appears and finishes");
    const doneRow = page.locator("#jobs-table tr[data-job-id='" + doneId + "']");
    await doneRow.waitFor({ timeout: 30000 });
    await page.waitForSelector("#jobs-table tr[data-job-id='" + doneId + "'][data-status='completed']", { timeout: 30000 });
    if (await page.evaluate(() => document.body.dataset.live) !== "sse") { throw new Error("no Server-Sent Events arrived"); }
    await page.screenshot({ path: shots + "/jobs.png", fullPage: true });

    step("open its output");
    await doneRow.locator("button.open-output").click();
    await page.waitForSelector("#output-stdout:has-text('fake claude answer')", { timeout: 15000 });
    await page.screenshot({ path: shots + "/job-output.png", fullPage: true });

    step("the hanging job's <script> prompt is text");
    const hangRow = page.locator("#jobs-table tr[data-job-id='" + hangId + "']");
    await hangRow.waitFor({ timeout: 30000 });
    const shown = await hangRow.locator("td.prompt").textContent();
    if (shown !== hangPrompt) { throw new Error("prompt shown as " + JSON.stringify(shown)); }
    if (await page.evaluate(() => window.__consolePwned === true)) { throw new Error("the prompt's script ran"); }
    if (await page.locator("#jobs-table td.prompt script").count() !== 0) { throw new Error("a script element was created"); }

    step("cancel it from the page");
    await hangRow.locator("button.cancel-job").click();
    await page.waitForSelector("#jobs-table tr[data-job-id='" + hangId + "'][data-status='canceled']", { timeout: 30000 });
    await page.screenshot({ path: shots + "/jobs-canceled.png", fullPage: true });

    for (const tab of ["requests", "sessions", "health"]) {
      step("tab " + tab);
      await page.click("nav a[data-tab='" + tab + "']");
      await page.waitForSelector("#tab-" + tab + ":not([hidden])");
      if (tab === "requests") { await page.waitForSelector("#requests-table tbody tr"); await page.waitForSelector("#latency-chart rect"); }
      if (tab === "sessions") { await page.waitForSelector("#sessions h3"); }
      if (tab === "health") { await page.waitForSelector("#health:has-text('persistence')"); await page.waitForSelector("#cli-table td:has-text('claude')", { timeout: 60000 }); }
      await page.screenshot({ path: shots + "/" + tab + ".png", fullPage: true });
    }
    if (problems.length) { throw new Error(problems.join("; ")); }
    process.stdout.write("OK\n");
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0)).catch(e => { process.stderr.write("[browser-check] FAILED: " + (e && e.stack || e) + "\n"); process.exit(1); });
