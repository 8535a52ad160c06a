// npm run lint (2/2): fails when a spec under spec/ or marble-tests/ is focused or skipped:
// fit / fdescribe (focus hides every other spec), xit / xdescribe / pending() (skips), and it() or
// describe() without a function (Jasmine marks those pending). Calls are found with the TypeScript
// parser, so comments, strings, names such as `profit(` and a file's own `describe` helper never match.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(import.meta.url)('typescript');
const FOLDERS = ['spec', 'marble-tests'];
const FORBIDDEN = {
  fit: 'focuses this spec (every other spec is skipped)',
  fdescribe: 'focuses this suite (every other spec is skipped)',
  xit: 'skips this spec',
  xdescribe: 'skips this suite',
  pending: 'marks the spec pending (skipped)',
};

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(c|m)?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

const problems = [];
let fileCount = 0;
for (const folder of FOLDERS) {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) continue;
  for (const file of walk(dir)) {
    fileCount++;
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    // A file that declares its own `describe`, `pending` ... (a helper, a parameter) is not calling Jasmine's.
    const declared = new Set();
    const collect = (node) => {
      if (
        (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isImportSpecifier(node)) &&
        node.name &&
        ts.isIdentifier(node.name)
      ) {
        declared.add(node.name.text);
      }
      ts.forEachChild(node, collect);
    };
    collect(sf);
    const at = (node) => `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && !declared.has(node.expression.text)) {
        const name = node.expression.text;
        if (Object.hasOwn(FORBIDDEN, name)) problems.push(`${at(node)}: ${name}(...) ${FORBIDDEN[name]}`);
        else if ((name === 'it' || name === 'describe') && node.arguments.length < 2) {
          problems.push(`${at(node)}: ${name}() without a function is pending (skipped)`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(`check-focus: FAILED, ${problems.length} focused or skipped spec(s)`);
  process.exit(1);
}
console.log(`check-focus: ok (${fileCount} files in ${FOLDERS.join('/, ')}/: no fit, fdescribe, xit, xdescribe, pending)`);
