// Module-resolution glue shared by check.mjs (not a test by itself).
//
// Generated files live in temp dirs outside tests/sdk, so a bare
// `import "supertokens-node"` / `require("supertokens-node")` there would not find
// tests/sdk/node_modules. We never touch the generated file or its directory;
// instead every SDK package specifier is resolved from tests/sdk, so the module
// instance the file initialises is exactly the one check.mjs inspects.
import Module, { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";
import path from "node:path";

export const SDK_DIR = path.dirname(new URL(import.meta.url).pathname);
export const sdkRequire = createRequire(path.join(SDK_DIR, "package.json"));

// Packages whose resolution is forced to tests/sdk/node_modules.
export const FORCED = new Set([
    "supertokens-node",
    "supertokens-auth-react",
    "supertokens-web-js",
    "supertokens-website",
    "react",
    "react-dom",
]);

export function packageName(spec) {
    if (spec.startsWith(".") || spec.startsWith("/") || /^[a-z]+:/i.test(spec)) return null;
    const parts = spec.split("/");
    return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

// Directory imports that had to be resolved the bundler way (see sdk-resolve-hooks.mjs).
export const dirImports = new Set();
// File imports without their extension, completed the bundler way.
export const fileImports = new Set();

let installed = false;
export function installResolution() {
    if (installed) return;
    installed = true;
    // ESM `import` (runs in the loader hooks thread).
    const { port1, port2 } = new MessageChannel();
    port1.on("message", (m) => {
        if (m && m.dirImport) dirImports.add(m.dirImport);
        if (m && m.fileImport) fileImports.add(m.fileImport);
    });
    port1.unref();
    register("./sdk-resolve-hooks.mjs", import.meta.url, {
        data: {
            parentURL: pathToFileURL(path.join(SDK_DIR, "package.json")).href,
            forced: [...FORCED],
            port: port2,
        },
        transferList: [port2],
    });
    // CommonJS `require` (Node 20's require() does not go through the ESM hooks).
    const orig = Module._resolveFilename;
    Module._resolveFilename = function (request, parent, isMain, options) {
        const name = packageName(request);
        if (name !== null && FORCED.has(name)) {
            return orig.call(this, request, parent, isMain, { ...(options || {}), paths: [SDK_DIR] });
        }
        return orig.call(this, request, parent, isMain, options);
    };
}
