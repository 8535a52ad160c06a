// npm run build: ESM + .d.ts (dist/esm), CommonJS (dist/cjs, marked by its own package.json),
// and webpack's UMD + ESM browser bundles (dist/bundles), all with rxjs external.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['tsc', '-p', 'tsconfig.cjs.json']);
mkdirSync('dist/cjs', { recursive: true });
writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
writeFileSync('dist/esm/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');
run('npx', ['webpack', '--config', 'webpack.config.js']);
console.log('built dist/esm, dist/cjs, dist/bundles');
