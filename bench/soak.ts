// npm run soak: the long soak runs (not part of npm test; the spec spec/node/reliability/soak.spec.ts
// runs a short version of each). Prints one line per scenario and writes bench/results/soak.json.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { runSoak, type SoakOptions } from '../spec/node/reliability/soakScenario.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) console.warn('run with --expose-gc for heap figures (npm run soak does)');

const scenarios: Array<[string, SoakOptions]> = [
  [
    '1 000 000 mixed messages, 4 renderers in 2 workers',
    { workers: 2, renderersPerWorker: 2, messagesPerRenderer: 250_000, ...(gc ? { gc } : {}) },
  ],
  [
    '100 renderers on one main, 2 000 messages each',
    { workers: 4, renderersPerWorker: 25, messagesPerRenderer: 2_000, ...(gc ? { gc } : {}) },
  ],
];

const results = [];
let failed = 0;
for (const [name, options] of scenarios) {
  const r = await runSoak(options);
  const ok = r.outOfOrder.length === 0 && r.incomplete.length === 0 && r.wrongAnswers === 0;
  if (!ok) failed++;
  const growthKB = Math.round((r.heapAtEnd - r.heapAtQuarter) / 1024);
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name}: ${r.messages} messages in ${r.seconds.toFixed(1)} s ` +
      `(${Math.round(r.messages / r.seconds)}/s), out of order ${r.outOfOrder.length}, incomplete ${r.incomplete.length}, ` +
      `wrong answers ${r.wrongAnswers}, main heap after GC: ${Math.round(r.heapAtQuarter / 1024)} KB at 25% → ${Math.round(r.heapAtEnd / 1024)} KB at end (${growthKB >= 0 ? '+' : ''}${growthKB} KB)`,
  );
  if (!ok) console.log('     ', JSON.stringify({ outOfOrder: r.outOfOrder, incomplete: r.incomplete }));
  results.push({ name, ...r, growthKB });
}
writeFileSync(
  new URL('./results/soak.json', import.meta.url),
  `${JSON.stringify({ node: process.version, cpus: os.cpus().length, date: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(`${scenarios.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
