// Copies the YASGUI editor's minified dist files from node_modules into the Python package,
// so the server ships it and works offline (no CDN). Run after `npm install` here:
//   npm ci --ignore-scripts && npm run build
// The script is stored gzip-compressed (the server sends it as is to browsers that accept gzip
// and decompresses it for the others); source maps are left out.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, "node_modules", "@zazuko", "yasgui");
const out = join(here, "..", "src", "kgbuild", "server", "static");
const LIMIT = 3 * 1024 * 1024; // the committed static assets must stay below 3 MB in total

const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
mkdirSync(out, { recursive: true });

const js = readFileSync(join(pkgDir, "build", "yasgui.min.js"), "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
writeFileSync(join(out, "yasgui.min.js.gz"), gzipSync(Buffer.from(js, "utf8"), { level: 9 }));
const css = readFileSync(join(pkgDir, "build", "yasgui.min.css"), "utf8").replace(/\/\*# sourceMappingURL=\S+\s*\*\/\s*$/, "");
writeFileSync(join(out, "yasgui.min.css"), css);
writeFileSync(
  join(out, "YASGUI-LICENSE.txt"),
  `${pkg.name} ${pkg.version} (${pkg.license} licence), ${pkg.homepage || pkg.repository?.url || ""}\n` +
    "yasgui.min.js.gz and yasgui.min.css are its build/ files, unmodified but for the source-map comment.\n",
);

let total = 0;
for (const f of readdirSync(out)) total += statSync(join(out, f)).size;
console.log(`${pkg.name} ${pkg.version} -> ${out} (${total} bytes of static assets)`);
if (total >= LIMIT) {
  console.error(`static assets total ${total} bytes, over the ${LIMIT}-byte limit`);
  process.exit(1);
}
