// Runs `npm start` and the Node examples (examples/messagePort, worker, nodeProcess) as child
// processes, as a person would, and checks their key lines and exit codes, so the examples
// cannot rot. All four start at once (each runs real workers or a real child process).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/**
 * Only a hang hits these bounds: every spec waits for its example to exit by itself. They are far
 * above what a loaded machine takes (the four examples start at once, each with real workers or a
 * child process), so a busy laptop or CI runner never races them.
 */
const RUN_BOUND_MS = 150_000;
const SPEC_BOUND_MS = RUN_BOUND_MS + 30_000;

/** Runs `node <args>` from the repository root; a run that hangs is killed after `RUN_BOUND_MS`. */
function runNode(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: RUN_BOUND_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const failed = error as (Error & { code?: unknown; signal?: NodeJS.Signals | null }) | null;
      resolve({
        code: failed === null ? 0 : typeof failed.code === 'number' ? failed.code : null,
        signal: failed?.signal ?? null,
        lines: stdout.split('\n').filter((line) => line !== ''),
        stderr,
      });
    });
  });
}

/** What `npm start` runs: package.json's start script, with this Node. */
function startScriptArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`the start script should run node: ${pkg.scripts.start}`);
  return args;
}

const line = (pattern: RegExp): jasmine.AsymmetricMatcher<string> => jasmine.stringMatching(pattern);

/** The lines of `run` that start with `[<side>`, in order. */
const side = (run: Run, label: string): string[] => run.lines.filter((l) => l.startsWith(`[${label}`));

/** Expects the run to have ended by itself with exit code 0 and nothing on stderr. */
function expectCleanExit(run: Run): void {
  expect(run.signal)
    .withContext(`killed: ${run.lines.join('\n')}`)
    .toBeNull();
  expect(run.code).withContext(run.stderr).toBe(0);
  expect(run.stderr).toBe('');
}

describe('examples', () => {
  let runs: Record<'start' | 'messagePort' | 'worker' | 'nodeProcess', Promise<Run>>;

  beforeAll(() => {
    runs = {
      start: runNode(startScriptArgs()),
      messagePort: runNode(['--import', 'tsx', 'examples/messagePort/main.ts']),
      worker: runNode(['--import', 'tsx', 'examples/worker/main.ts']),
      nodeProcess: runNode(['--import', 'tsx', 'examples/nodeProcess/main.ts']),
    };
  });

  describe('npm start', () => {
    it(
      'should run the embedded demo, then the worker threads demo, and exit by itself',
      async () => {
        const run = await runs.start;
        expectCleanExit(run);
        expect(run.lines).toContain('[renderer] reply received: Hello, rxipc!');
        expect(run.lines).toContain("[renderer] invoke('math:sum', 2, 40) → 42");
        expect(run.lines).toContain("[host    ] ipc-message 'ready': { loadedIn: '12ms' }");
        const partOne = run.lines.indexOf('[demo    ] part 1 (embedded, one thread) done');
        const partTwo = run.lines.findIndex((l) => l.startsWith('[worker'));
        expect(partOne).toBeGreaterThan(0);
        expect(partTwo).toBeGreaterThan(partOne);
        expect(run.lines.at(-1)).toBe('[demo    ] done');
      },
      SPEC_BOUND_MS,
    );

    it(
      'should do send/on, event.reply, invoke, a cancelled invoke$ and a blocking sendSync in each worker, in order',
      async () => {
        const run = await runs.start;
        for (const name of ['worker A', 'worker B']) {
          const started = run.lines.find((l) => l.startsWith(`[main    ] started ${name} as webContents #`));
          const id = started?.split('#')[1];
          expect(id).withContext(`${name} started`).toMatch(/^\d+$/);
          expect(run.lines).toContain(`[main    ] on('hello') from webContents #${id}: ${name}`);
          expect(side(run, name).slice(0, 4)).toEqual([
            `[${name}] reply received: Hello ${name}, you are webContents #${id}`,
            `[${name}] invoke('sum', 2, 40) → 42`,
            `[${name}] invoke$('ticks') took 1, 2, 3 then unsubscribed`,
            line(
              new RegExp(`^\\[${name}\\] sendSync\\('config:get'\\) → \\{"key":"theme","theme":"dark"\\}, blocked this thread [\\d.]+ ms$`),
            ),
          ]);
          expect(run.lines).toContain(
            `[main    ] answering sendSync('config:get', 'theme') from #${id} (that worker is blocked meanwhile)`,
          );
          expect(run.lines).toContain(`[main    ] webContents #${id} (${name}) emitted 'destroyed'`);
          expect(run.lines).toContain(`[main    ] ${name}'s thread ended (exit code 0)`);
        }
      },
      SPEC_BOUND_MS,
    );

    it(
      'should stop the stream handler on main when a worker unsubscribes, and when a worker exits mid-stream',
      async () => {
        const run = await runs.start;
        const idOf = (name: string): string | undefined =>
          run.lines.find((l) => l.startsWith(`[main    ] started ${name} as webContents #`))?.split('#')[1];
        const stopped = (id: string | undefined): number =>
          run.lines.filter((l) => l === `[main    ] ticks stream for #${id} stopped (event.signal aborted)`).length;
        expect(stopped(idOf('worker A'))).toBe(1); // take(3)
        expect(stopped(idOf('worker B'))).toBe(2); // take(3), then the endless stream when its thread exited
        expect(side(run, 'worker B').slice(-3)).toEqual([
          "[worker B] endless invoke$('ticks') got 1",
          "[worker B] endless invoke$('ticks') got 2",
          '[worker B] exiting its thread in the middle of the stream',
        ]);
      },
      SPEC_BOUND_MS,
    );
  });

  describe('examples/messagePort', () => {
    it(
      'should talk to a renderer in a worker over a transferred MessagePort, with a blocking sendSync',
      async () => {
        const run = await runs.messagePort;
        expectCleanExit(run);
        expect(side(run, 'renderer')).toEqual([
          '[renderer] event.reply: hello worker, from the main thread',
          "[renderer] invoke('sum', 20, 22) → 42",
          "[renderer] sendSync('config:get') → { theme: 'dark' }",
        ]);
        expect(run.lines).toContain(line(/^\[main {4}\] webContents #\d+ destroyed: the renderer closed its port$/));
        expect(run.lines.at(-1)).toBe('[main    ] worker exited with code 0');
      },
      SPEC_BOUND_MS,
    );
  });

  describe('examples/worker', () => {
    it(
      'should serve a renderer in a worker_threads Worker, then close it from main',
      async () => {
        const run = await runs.worker;
        expectCleanExit(run);
        expect(side(run, 'renderer')).toEqual([
          '[renderer] main says: you are webContents #1',
          "[renderer] invoke$('progress') → 25% 50% 75% 100% (then unsubscribed)",
          "[renderer] sendSync('config:get', 'theme') → dark",
        ]);
        expect(side(run, 'main')).toEqual([
          "[main    ] the renderer unsubscribed from 'progress': handler aborted",
          "[main    ] sendSync('config:get', 'theme'): the worker is blocked until this returns",
          '[main    ] renderer #1 is done: closing it (the transport then ends the worker)',
          '[main    ] webContents #1 destroyed',
          line(/^\[main {4}\] worker ended \(exit code [01]\)$/),
        ]);
      },
      SPEC_BOUND_MS,
    );
  });

  describe('examples/nodeProcess', () => {
    it(
      'should serve a forked child, which exits by itself once it closes',
      async () => {
        const run = await runs.nodeProcess;
        expectCleanExit(run);
        const child = run.lines.filter((l) => l.startsWith('[child ')).map((l) => l.replace(/^\[child \d+\] /, ''));
        expect(child).toEqual([
          line(/^event\.reply: you are webContents #1 of parent \d+$/),
          "invoke('sum', 2, 40) → 42",
          "invoke rejected: Error invoking remote method 'file:read': Error: no such file: /nope (code ENOENT)",
          "invoke$('heartbeat') → 0, 1, 2 (then unsubscribed)",
          line(/^sendSync threw IpcSyncUnsupportedError: .*Use invoke\('anything', \.\.\.\) instead\.$/),
        ]);
        const main = run.lines.filter((l) => l.startsWith('[main ')).map((l) => l.replace(/^\[main \d+\] /, ''));
        expect(main).toEqual([
          line(/^hello from child \d+$/),
          "the child unsubscribed from 'heartbeat': handler aborted",
          'webContents #1 destroyed',
          'child exited by itself (code 0)',
        ]);
      },
      SPEC_BOUND_MS,
    );
  });
});
