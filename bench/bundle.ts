// Bundling for the bench: suites and their worker fixtures run as plain JavaScript (no TypeScript
// loader between the code and the clock), built by esbuild into a temporary folder under the
// repository's git-ignored .tmp/ (so packages resolve from node_modules), removed on exit.
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

/** A fresh `<root>/.tmp/<group>/<prefix>XXXXXX` folder, deleted when this process exits. */
export function tempBundleDir(root: string, group: string, prefix: string): string {
  const parent = path.join(root, '.tmp', group);
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Bundles the TypeScript `entry` for Node into `<outDir>/<name>.mjs`; packages stay imports. */
export function bundleForNode(entry: string, outDir: string): string {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
