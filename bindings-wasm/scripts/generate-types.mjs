// Generates the TypeScript types of the binding from the JSON Schemas the core
// produces (written by `cargo run -p cadre-eval-wasm --example schemas -- <folder>`):
// one `<name>.d.ts` per schema into each output folder's `types/`.
//
//   node scripts/generate-types.mjs <schema folder> <output folder>...
import { compile } from "json-schema-to-typescript";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const [schemaDir, ...outDirs] = process.argv.slice(2);
if (!schemaDir || outDirs.length === 0) {
  console.error("usage: generate-types.mjs <schema folder> <output folder>...");
  process.exit(2);
}

const banner = "// Generated from the JSON Schemas of cadre-eval by scripts/generate-types.mjs; do not edit.";
const names = (await readdir(schemaDir)).filter((f) => f.endsWith(".schema.json")).sort();
if (names.length === 0) {
  console.error(`no *.schema.json in ${schemaDir}`);
  process.exit(1);
}
for (const file of names) {
  const schema = JSON.parse(await readFile(path.join(schemaDir, file), "utf8"));
  const name = file.replace(/\.schema\.json$/, "");
  // `additionalProperties: false` stays as the schema says; unknown keys are errors.
  const ts = await compile(schema, schema.title ?? name, {
    bannerComment: banner,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
  });
  for (const out of outDirs) {
    await mkdir(path.join(out, "types"), { recursive: true });
    await writeFile(path.join(out, "types", `${name}.d.ts`), ts);
  }
}
console.log(`${names.length} type files written to ${outDirs.join(", ")}`);
