// ESM loader hooks registered by sdk-resolve.mjs: resolve SDK packages from tests/sdk.
let parentURL;
let forced = new Set();
let port;
export function initialize(data) {
    parentURL = data.parentURL;
    forced = new Set(data.forced);
    port = data.port;
}
function packageName(spec) {
    if (spec.startsWith(".") || spec.startsWith("/") || /^[a-z]+:/i.test(spec)) return null;
    const parts = spec.split("/");
    return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
export async function resolve(specifier, context, nextResolve) {
    const name = packageName(specifier);
    if (name === null || !forced.has(name)) return nextResolve(specifier, context);
    const ctx = { ...context, parentURL };
    try {
        return await nextResolve(specifier, ctx);
    } catch (err) {
        // supertokens-auth-react and supertokens-web-js ship no "exports" map, so a deep
        // import such as "supertokens-auth-react/recipe/session" is a directory import,
        // which Node's ESM resolver refuses (ERR_UNSUPPORTED_DIR_IMPORT) while bundlers
        // (webpack, Vite, esbuild) - where these frontend files run - resolve it to
        // <dir>/index.js. Emulate the bundler, and tell the parent process we did.
        if (err && err.code === "ERR_UNSUPPORTED_DIR_IMPORT") {
            const r = await nextResolve(specifier + "/index.js", ctx);
            if (port) port.postMessage({ dirImport: specifier });
            return r;
        }
        // The same packages' deep file imports ("…/recipe/emailpassword/prebuiltui") name
        // a file without its extension, which bundlers complete and Node's ESM does not.
        if (err && err.code === "ERR_MODULE_NOT_FOUND" && specifier !== name) {
            const r = await nextResolve(specifier + ".js", ctx);
            if (port) port.postMessage({ fileImport: specifier });
            return r;
        }
        throw err;
    }
}
