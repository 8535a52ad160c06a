// npm run lint: enforces the layer arrows of docs/architecture.md on src/ by reading every import
// (the TypeScript parser's, so doc-comment examples and strings don't count).
//
// A file's layer is its first folder under src/ (files directly in src/ are `entry`: the root
// barrel and createIpc). Allowed edges, besides a layer importing itself:
//
//   layer       may import (src layers)                                  may import (packages)
//   ---------   ------------------------------------------------------   ---------------------------
//   core        nothing                                                  nothing
//   errors      nothing                                                  nothing
//   contract    nothing (SubjectLike: what every transport is)           rxjs
//   memory      errors, contract (the in-memory pair)                    rxjs
//   endpoint    errors, contract (the postMessage-style machinery)       rxjs
//   protocol    errors, contract                                         rxjs
//   channel     core, errors                                             rxjs
//   operators   core, errors, channel                                    rxjs
//   renderer,   core, errors, channel, protocol, contract, operators,    rxjs
//   main, host  and each other
//   entry       every layer above, and the memory pair                   rxjs
//   transports  core, errors, contract, endpoint                         rxjs, ws, node:*
//   testing     every layer above + memory + entry                       rxjs
//   angular     every layer above except transports/testing + entry      rxjs, @angular/*, zone.js
//   bridge      every layer above except transports/testing + entry      rxjs
//
// Core, protocol, channel, operators and the facades never import a transport implementation
// (the memory pair, the endpoint machinery, src/transports/**), only the contract.
// Also enforced:
//   - nothing in src/ imports spec/, marble-tests/, bench/, examples/ or anything else outside src/,
//     nor the package itself ('rxipc');
//   - only files under src/transports/** import `node:` modules, Node builtins or `ws` (those are
//     the node-specific files), and no entry point outside src/transports/** (src/index.ts,
//     src/<subpath>/index.ts) reaches one through runtime imports, so they stay browser-safe;
//   - no import cycles among runtime (non-type-only) imports.
// A layer not in the table (a new folder) fails until it is added here. Prints the node-only
// transport entries for information. Exits 1 on any violation.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const ts = createRequire(import.meta.url)('typescript');

const FACADES = ['renderer', 'main', 'host'];
const BELOW_ENTRY = ['core', 'errors', 'contract', 'protocol', 'channel', 'operators', ...FACADES];
/** layer → { layers it may import ('transport:contract' = SubjectLike.ts only), packages it may import } */
const ALLOWED = {
  core: { layers: [], packages: [] },
  errors: { layers: [], packages: [] },
  contract: { layers: [], packages: ['rxjs'] },
  memory: { layers: ['errors', 'contract'], packages: ['rxjs'] },
  endpoint: { layers: ['errors', 'contract'], packages: ['rxjs'] },
  protocol: { layers: ['errors', 'contract'], packages: ['rxjs'] },
  channel: { layers: ['core', 'errors'], packages: ['rxjs'] },
  operators: { layers: ['core', 'errors', 'channel'], packages: ['rxjs'] },
  ...Object.fromEntries(
    FACADES.map((facade) => [
      facade,
      { layers: ['core', 'errors', 'channel', 'protocol', 'contract', 'operators', ...FACADES], packages: ['rxjs'] },
    ]),
  ),
  entry: { layers: [...BELOW_ENTRY, 'memory'], packages: ['rxjs'] },
  transports: { layers: ['core', 'errors', 'contract', 'endpoint'], packages: ['rxjs', 'ws', 'node:*'] },
  testing: { layers: [...BELOW_ENTRY, 'memory', 'entry'], packages: ['rxjs'] },
  angular: { layers: [...BELOW_ENTRY, 'memory', 'entry'], packages: ['rxjs', '@angular/*', 'zone.js'] },
  bridge: { layers: [...BELOW_ENTRY, 'memory', 'entry'], packages: ['rxjs'] },
};
const NODE_ONLY_PACKAGES = ['ws'];

const isNodeBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const rel = (file) => path.relative(src, file).split(path.sep).join('/');
const layerOf = (file) => {
  const parts = rel(file).split('/');
  return parts.length > 1 ? parts[0] : 'entry';
};

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Every import / export-from / import() / require() of a file, with whether it is type-only. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  const add = (node, spec, typeOnly) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ spec, typeOnly, line });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (!!node.exportClause &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) add(node, expr.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      add(node, node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The file a relative import names (NodeNext: './x.js' is './x.ts'), or undefined. */
function resolveRelative(from, spec) {
  const target = path.resolve(path.dirname(from), spec);
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.mjs$/, '.mts'),
    target.replace(/\.cjs$/, '.cts'),
    `${target}.ts`,
    path.join(target, 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && !readdirSafe(c));
}
function readdirSafe(p) {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
}

const allowsPackage = (patterns, spec) =>
  patterns.some((p) =>
    p === 'node:*' ? isNodeBuiltin(spec) : p.endsWith('/*') ? spec.startsWith(p.slice(0, -1)) : packageName(spec) === p,
  );

const files = existsSync(src) ? [...walk(src)] : [];
const violations = [];
const runtimeEdges = new Map(); // file → files it imports at runtime
const nodeSpecific = new Set();
let importCount = 0;

for (const file of files) {
  const from = layerOf(file);
  const rules = ALLOWED[from];
  const where = (line) => `src/${rel(file)}:${line}`;
  if (!rules) {
    violations.push(`src/${rel(file)}: layer '${from}' is not in scripts/check-layers.mjs's table; add its allowed edges there`);
    continue;
  }
  const edges = [];
  runtimeEdges.set(file, edges);
  for (const { spec, typeOnly, line } of importsOf(file)) {
    importCount++;
    if (spec.startsWith('.')) {
      const named = path.resolve(path.dirname(file), spec);
      if (!named.startsWith(src + path.sep)) {
        const outside = path.relative(root, named).split(path.sep)[0];
        violations.push(`${where(line)}: imports ${path.relative(root, named)}: src/ must not import ${outside}/`);
        continue;
      }
      const target = resolveRelative(file, spec);
      if (!target) {
        violations.push(`${where(line)}: '${spec}' does not resolve to a file`);
        continue;
      }
      if (!typeOnly) edges.push(target);
      const to = layerOf(target);
      if (to === from) continue;
      if (!rules.layers.includes(to)) violations.push(`${where(line)}: ${from} → ${to}: '${spec}' (${from} may not import layer '${to}')`);
    } else {
      if (spec === 'rxipc' || spec.startsWith('rxipc/')) {
        violations.push(`${where(line)}: imports the package itself ('${spec}'): import the source file`);
        continue;
      }
      const nodeOnly = isNodeBuiltin(spec) || NODE_ONLY_PACKAGES.includes(packageName(spec));
      if (nodeOnly) nodeSpecific.add(file);
      if (nodeOnly && from !== 'transports') {
        violations.push(`${where(line)}: imports '${spec}': only node-specific files under src/transports/ may`);
      } else if (!allowsPackage(rules.packages, spec)) {
        violations.push(`${where(line)}: ${from} may not import the package '${spec}'`);
      }
    }
  }
}

// Node-specific code must not leak out of src/transports through runtime imports.
const reachesNode = new Map();
const reaches = (file, seen = new Set()) => {
  if (reachesNode.has(file)) return reachesNode.get(file);
  if (seen.has(file)) return undefined;
  seen.add(file);
  let via;
  if (nodeSpecific.has(file)) via = [file];
  else {
    for (const next of runtimeEdges.get(file) ?? []) {
      const chain = reaches(next, seen);
      if (chain) {
        via = [file, ...chain];
        break;
      }
    }
  }
  reachesNode.set(file, via);
  return via;
};
// Checked from each entry point (src/index.ts, src/<subpath>/index.ts): the direct import is reported above.
for (const file of files) {
  if (layerOf(file) === 'transports' || !/^([^/]+\/)?index\.ts$/.test(rel(file))) continue;
  const chain = reaches(file);
  if (chain) violations.push(`src/${rel(file)}: reaches node-specific code: ${chain.map((f) => rel(f)).join(' → ')}`);
}

// Cycles among runtime imports (Tarjan's strongly connected components).
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
const strongConnect = (v) => {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of runtimeEdges.get(v) ?? []) {
    if (!info.has(w)) {
      strongConnect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (runtimeEdges.get(v) ?? []).includes(v)) cycles.push(component);
  }
};
for (const file of runtimeEdges.keys()) if (!info.has(file)) strongConnect(file);
for (const component of cycles)
  violations.push(
    `import cycle: ${component
      .map((f) => rel(f))
      .sort()
      .join(' ↔ ')}`,
  );

const nodeOnlyEntries = files.filter((f) => /^transports\/[^/]+\/index\.ts$/.test(rel(f)) && reaches(f)).map((f) => rel(f).split('/')[1]);
if (violations.length > 0) {
  for (const v of violations) console.error(`  ${v}`);
  console.error(`check-layers: FAILED, ${violations.length} violation(s) in ${files.length} files`);
  process.exit(1);
}
console.log(
  `check-layers: ok (${files.length} files, ${importCount} imports, no cycles; node-only entries: ${nodeOnlyEntries.length ? nodeOnlyEntries.map((n) => `transports/${n}`).join(', ') : 'none'})`,
);
