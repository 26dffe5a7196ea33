// Drives a headless Chromium through the DevTools protocol to take the README's screenshot of
// `nbrun preview` during training (run by scripts/preview-screenshot.sh; Node 20 needs
// --experimental-websocket). Arguments: PROFILE_DIR PAGE_URL NOTEBOOK OUTPUT.PNG
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const [profile, page, notebook, output] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function pageSocket() {
  const portFile = `${profile}/DevToolsActivePort`;
  for (let i = 0; i < 150; i++) {
    if (existsSync(portFile)) {
      const port = readFileSync(portFile, "utf8").split("\n")[0];
      try {
        const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
        const target = targets.find((t) => t.type === "page" && t.url.startsWith(page));
        if (target) return target.webSocketDebuggerUrl;
      } catch {}
    }
    await sleep(200);
  }
  throw new Error(`no DevTools page for ${page}`);
}

const socket = new WebSocket(await pageSocket());
await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
let nextId = 1;
const waiting = new Map();
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (waiting.has(message.id)) { waiting.get(message.id)(message); waiting.delete(message.id); }
};
function send(method, params = {}) {
  const id = nextId++;
  socket.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve) => waiting.set(id, resolve));
}
async function evaluate(expression) {
  const reply = await send("Runtime.evaluate", { expression, returnByValue: true });
  return reply.result?.result?.value;
}
async function waitUntil(expression, seconds) {
  for (let i = 0; i < seconds * 10; i++) {
    if ((await evaluate(expression)) === true) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${expression}`);
}

await waitUntil("window.nbrunPreview?.panel?.state === 'done'", 60);
// More epochs: the run starts again and the figure is redrawn after every epoch.
const text = readFileSync(notebook, "utf8");
writeFileSync(notebook, text.replace("  epochs: 2\n", "  epochs: 12\n"));
await waitUntil("window.nbrunPreview.liveLoads >= 4", 120);
await sleep(300);
const shot = await send("Page.captureScreenshot", { format: "png" });
writeFileSync(output, Buffer.from(shot.result.data, "base64"));
console.log(`wrote ${output}`);
socket.close();
