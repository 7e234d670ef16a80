#!/usr/bin/env node
// A page that loads supertokens-website's own bundle (vendor/, its repository's
// bundle/bundle.js at the tag of the npm package) and then a generated script-tag file,
// both as classic scripts in jsdom; then asks the SDK itself what it does:
//
//   node tests/sdk/script-tag-check.mjs <spec.json>
//
// spec: { "file": path, "page": URL of the page, "refresh": URL the SDK must refresh at,
//         "authMode": st-auth-mode the SDK sends, "intercept": [URL], "reject": [URL],
//         "env": { NAME: value } (a fake process.env the page has, or absent) }
//
// fetch is a recorder: a request the SDK intercepted carries its st-auth-mode header; a
// 401 from the auth API makes it refresh the session (a front token cookie says there is
// one). Prints "ok …" / "FAIL …" lines and "ALL OK"; exit 0 all passed, 1 a check failed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const SDK_DIR = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(SDK_DIR, "package.json"));
const { JSDOM } = require("jsdom");
const BUNDLE = path.join(SDK_DIR, "vendor", "supertokens-website-20.1.6-bundle.js");

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = false;
const check = (what, ok, detail) => {
    console.log(`${ok ? "ok" : "FAIL"} ${what}${detail === undefined ? "" : ` ${JSON.stringify(detail)}`}`);
    if (!ok) failed = true;
};

const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    url: spec.page,
    runScripts: "outside-only",
});
const w = dom.window;
const requests = [];
let unauthorised = undefined;
w.fetch = async (input, init = {}) => {
    const url = typeof input === "string" ? input : input.url;
    const headers = new Headers(init.headers ?? (typeof input === "string" ? undefined : input.headers));
    requests.push({ url, authMode: headers.get("st-auth-mode") });
    const status = url === unauthorised ? 401 : 200;
    return new Response("{}", { status, headers: { "content-type": "application/json" } });
};
if (spec.env) w.process = { env: spec.env };
// A session the page already has: the SDK reads it from the front token cookie.
const frontToken = Buffer.from(
    JSON.stringify({ uid: "user", ate: Date.now() + 3600_000, up: {} }),
).toString("base64");
w.document.cookie = `sFrontToken=${frontToken}; path=/`;

try {
    w.eval(readFileSync(BUNDLE, "utf8"));
    check("bundle defines supertokens", typeof w.supertokens?.init === "function");
    w.eval(readFileSync(spec.file, "utf8"));
    check("file ran", true);
} catch (e) {
    check("file ran", false, String(e?.message ?? e));
    console.log("FAILED");
    process.exit(1);
}

const intercepted = async (url) => {
    requests.length = 0;
    await w.fetch(url);
    return requests[0]?.authMode ?? null;
};
for (const url of spec.intercept ?? []) {
    const mode = await intercepted(url);
    check(`intercept ${JSON.stringify(url)}`, mode === spec.authMode, mode);
}
for (const url of spec.reject ?? []) {
    const mode = await intercepted(url);
    check(`reject ${JSON.stringify(url)}`, mode === null, mode);
}
// A 401 from an API makes the SDK refresh the session through the auth API.
unauthorised = spec.intercept[0];
requests.length = 0;
await w.fetch(unauthorised).catch(() => {});
const refresh = requests.find((r) => r.url.includes("/session/refresh"));
check("refresh", refresh?.url === spec.refresh, refresh?.url ?? requests.map((r) => r.url));
console.log(failed ? "FAILED" : "ALL OK");
process.exit(failed ? 1 : 0);
