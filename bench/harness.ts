// The measuring loop shared by every bench suite. Each suite runs in its own process (bench/run.ts
// spawns it) and compares rxipc with its baselines side by side: warm-up, then several rounds in
// which every case runs once, in a rotating order, each round timed with process.hrtime; the median
// of the rounds is reported. Output: one JSON document on stdout.

export interface BenchCase {
  /** 'rxipc' or the baseline's name. */
  name: string;
  /** Runs `ops` operations (may be async) and returns when they are done. */
  run(ops: number): void | Promise<void>;
  /** Optional one-time set-up / tear-down around all rounds. */
  setup?(): void | Promise<void>;
  teardown?(): void | Promise<void>;
}

export interface BenchRow {
  /** What is measured, e.g. 'emit, 1 listener, 1 arg'. */
  row: string;
  /** Operations per timed run. */
  ops: number;
  cases: BenchCase[];
  /**
   * A figure that is not a time (heap growth, bytes), read after the cases' teardown and printed
   * by run.ts next to the row (alone when the row has no cases).
   */
  note?: string | (() => string | undefined);
}

export interface CaseResult {
  name: string;
  /** Median nanoseconds per operation. */
  nsPerOp: number;
  /** Every round's ns/op, for judging noise. */
  rounds: number[];
  /** (max − min) / median of the rounds. */
  spread: number;
}

export interface RowResult {
  suite: string;
  row: string;
  ops: number;
  results: CaseResult[];
  /** The row's `note`, when it has one. */
  note?: string;
}

export const quick = process.argv.includes('--quick');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeOnce(c: BenchCase, ops: number): Promise<number> {
  const start = process.hrtime.bigint();
  const maybe = c.run(ops);
  if (maybe !== undefined) await maybe;
  return Number(process.hrtime.bigint() - start) / ops;
}

/** Runs the rows of one suite and prints them as JSON on stdout. */
export async function runSuite(suite: string, rows: BenchRow[], options: { rounds?: number; warmup?: number } = {}): Promise<void> {
  const rounds = options.rounds ?? (quick ? 5 : 15);
  const warmup = options.warmup ?? (quick ? 1 : 3);
  const out: RowResult[] = [];
  for (const { row, ops, cases, note } of rows) {
    for (const c of cases) await c.setup?.();
    const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
    for (let w = 0; w < warmup; w++) for (const c of cases) await timeOnce(c, ops);
    for (let r = 0; r < rounds; r++) {
      // Rotate the order each round so no case always runs first (or right after a GC-heavy one).
      for (let i = 0; i < cases.length; i++) {
        const c = cases[(i + r) % cases.length]!;
        times.get(c.name)!.push(await timeOnce(c, ops));
      }
    }
    for (const c of cases) await c.teardown?.();
    const result: RowResult = {
      suite,
      row,
      ops,
      results: cases.map((c) => {
        const t = times.get(c.name)!;
        const m = median(t);
        return { name: c.name, nsPerOp: m, rounds: t, spread: (Math.max(...t) - Math.min(...t)) / m };
      }),
    };
    const text = typeof note === 'function' ? note() : note;
    if (text !== undefined) result.note = text;
    out.push(result);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** A sink the optimiser cannot remove. */
export let blackhole = 0;
export function consume(value: unknown): void {
  blackhole = (blackhole + (typeof value === 'number' ? value : 1)) | 0;
}
