#!/usr/bin/env node
// Type-check generated files against the real SDK type declarations.
//
//   node tests/sdk/typecheck.mjs <dir> [--resolution bundler|nodenext] [--verbatim]
//
// Every .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs file under <dir> (node_modules skipped) is
// checked with tests/sdk/tsconfig.json (strict, noEmit, checkJs) by the pinned local tsc.
// <dir> itself is never written to: its files (and every package.json in it, plus the
// nearest package.json above it, so "type" keeps deciding ESM vs CommonJS) are copied
// into a scratch dir inside tests/sdk, where tests/sdk/node_modules is found by Node's
// ordinary lookup - so the packages' "exports"/"types" maps are honoured exactly.
// Diagnostics are printed with the original paths. Exit 0 clean, 1 type errors, 2 usage.
//
// --resolution bundler  (default) module "preserve" + moduleResolution "bundler": how
//                       Vite/webpack/Next projects and ts-node-style backends resolve.
// --resolution nodenext module/moduleResolution "nodenext": exactly what plain Node
//                       accepts (per-file ESM/CJS from package.json "type"). Use it for
//                       backend files; frontend deep imports such as
//                       "supertokens-auth-react/recipe/session" fail it by design of
//                       those packages (no "exports" map => directory import) unless
//                       they name the file ("…/recipe/session/index.js").
// --verbatim            also verbatimModuleSyntax: true, under which tsc refuses ES
//                       imports in a file it compiles to CommonJS (TS1286, TS1295).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SDK_DIR = path.dirname(fileURLToPath(import.meta.url));
const EXTS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);

function usage(msg) {
    if (msg) console.log(msg);
    console.log("usage: node typecheck.mjs <dir> [--resolution bundler|nodenext] [--verbatim]");
    process.exit(2);
}

const args = process.argv.slice(2);
let dir;
let resolution = "bundler";
let verbatim = false;
for (let i = 0; i < args.length; i++) {
    if (args[i] === "--resolution") resolution = args[++i];
    else if (args[i] === "--verbatim") verbatim = true;
    else if (args[i].startsWith("--resolution=")) resolution = args[i].slice(13);
    else if (dir === undefined) dir = args[i];
    else usage(`unexpected argument ${args[i]}`);
}
if (dir === undefined) usage();
if (resolution !== "bundler" && resolution !== "nodenext") usage(`bad --resolution ${resolution}`);
dir = path.resolve(dir);
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a directory: ${dir}`);
const tscJs = path.join(SDK_DIR, "node_modules", "typescript", "bin", "tsc");
if (!fs.existsSync(tscJs)) usage(`typescript not installed: run "npm ci" in ${SDK_DIR}`);

// Collect sources and package.json files (relative paths).
const sources = [];
const pkgJsons = [];
(function walk(rel) {
    for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const r = path.join(rel, ent.name);
        if (ent.isDirectory()) {
            if (ent.name !== "node_modules" && !ent.name.startsWith(".")) walk(r);
        } else if (ent.isFile()) {
            if (ent.name === "package.json") pkgJsons.push(r);
            else if (EXTS.has(path.extname(ent.name)) && !ent.name.endsWith(".d.ts")) sources.push(r);
        }
    }
})("");
if (sources.length === 0) usage(`no .ts/.tsx/.js files under ${dir}`);
sources.sort();

const scratch = fs.mkdtempSync(path.join(SDK_DIR, ".typecheck-"));
let rc = 1;
try {
    for (const r of [...sources, ...pkgJsons]) {
        fs.mkdirSync(path.join(scratch, path.dirname(r)), { recursive: true });
        fs.copyFileSync(path.join(dir, r), path.join(scratch, r));
    }
    if (!pkgJsons.includes("package.json")) {
        // Nearest package.json above <dir> decides "type" for the files there.
        let up = path.dirname(dir);
        for (;;) {
            const p = path.join(up, "package.json");
            if (fs.existsSync(p)) {
                let type;
                try {
                    type = JSON.parse(fs.readFileSync(p, "utf8")).type;
                } catch {}
                fs.writeFileSync(path.join(scratch, "package.json"), JSON.stringify(type ? { type } : {}) + "\n");
                break;
            }
            if (path.dirname(up) === up) {
                fs.writeFileSync(path.join(scratch, "package.json"), "{}\n");
                break;
            }
            up = path.dirname(up);
        }
    }
    const compilerOptions =
        resolution === "nodenext" ? { module: "nodenext", moduleResolution: "nodenext" } : {};
    if (verbatim) compilerOptions.verbatimModuleSyntax = true;
    fs.writeFileSync(
        path.join(scratch, "tsconfig.json"),
        JSON.stringify(
            {
                extends: path.relative(scratch, path.join(SDK_DIR, "tsconfig.json")).split(path.sep).join("/"),
                compilerOptions,
                // "files", not "include": include silently drops x.js when x.ts exists.
                files: sources.map((s) => s.split(path.sep).join("/")),
            },
            null,
            2
        )
    );
    const res = spawnSync(process.execPath, [tscJs, "-p", "tsconfig.json", "--pretty", "false"], {
        cwd: scratch,
        encoding: "utf8",
        timeout: 300000,
    });
    const out = `${res.stdout || ""}${res.stderr || ""}`;
    // Map scratch-relative paths back to the originals.
    const mapped = out
        .split("\n")
        .map((line) => {
            const m = /^([^\s(][^(]*?)(\(\d+,\d+\)): /.exec(line);
            if (m && !path.isAbsolute(m[1]) && !m[1].startsWith("..")) {
                return path.join(dir, m[1]) + line.slice(m[1].length);
            }
            return line.split(scratch + path.sep).join(dir + path.sep);
        })
        .join("\n")
        .trimEnd();
    if (mapped) console.log(mapped);
    if (res.error) console.log(`tsc failed to run: ${res.error.message}`);
    rc = res.status === 0 && !res.error ? 0 : 1;
    const n = sources.length;
    console.log(
        rc === 0
            ? `typecheck ok (${resolution}): ${n} file${n === 1 ? "" : "s"} under ${dir}: ${sources.join(", ")}`
            : `typecheck FAILED (${resolution}) under ${dir}`
    );
} finally {
    fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(rc);
