// Imports each generated frontend file named on the command line in plain Node, where
// there is no `window` (as a server that renders pages would), with the SDK packages
// resolved from tests/sdk as a bundler would. Prints one line per file: "ok FILE" or
// "FAIL FILE: message"; exits 1 when any failed.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

import { installResolution } from "./sdk-resolve.mjs";

installResolution();
let failed = false;
for (const file of process.argv.slice(2)) {
    try {
        if (file.endsWith(".cjs") || (file.endsWith(".js") && process.env.ST_COMMONJS === "1")) {
            createRequire(import.meta.url)(file);
        } else {
            await import(pathToFileURL(file).href);
        }
        console.log(`ok ${file}`);
    } catch (e) {
        failed = true;
        console.log(`FAIL ${file}: ${e && e.message}`);
    }
}
process.exit(failed ? 1 : 0);
