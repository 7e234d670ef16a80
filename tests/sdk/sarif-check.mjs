#!/usr/bin/env node
// Validates a SARIF log against the SARIF 2.1.0 JSON schema (the copy
// @microsoft/jest-sarif ships, with the ajv 6 it uses for draft-04 schemas).
//
//   node tests/sdk/sarif-check.mjs <file.sarif>
//
// Exit codes: 0 valid, 1 invalid (each schema error printed), 2 usage.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

if (process.argv.length !== 3) {
    console.log("usage: node sarif-check.mjs <file.sarif>");
    process.exit(2);
}
const fromJestSarif = createRequire(new URL("./node_modules/@microsoft/jest-sarif/lib/build-matcher.js", import.meta.url));
const Ajv = fromJestSarif("ajv");
const ajv = new Ajv({ schemaId: "auto", validateSchema: false, allErrors: true });
ajv.addMetaSchema(fromJestSarif("ajv/lib/refs/json-schema-draft-04.json"));
const validate = ajv.compile(fromJestSarif("./schemas/sarif-2.1.0-rtm.5.json"));
const log = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (validate(log)) {
    console.log("valid SARIF 2.1.0");
    process.exit(0);
}
for (const error of validate.errors) console.log(`invalid: ${error.dataPath || "(root)"} ${error.message}`);
process.exit(1);
