/**
 * Node.js compatible errors (`code`, message text and `toString()` as Node builds them) and the
 * small `util.inspect` subset their messages need, without importing anything from Node: this
 * module runs unchanged in browsers.
 *
 * ## Example
 * ```ts
 * import { invalidArgType } from './nodeErrors.js';
 *
 * function send(channel: unknown): void {
 *   if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
 * }
 * send(1); // TypeError [ERR_INVALID_ARG_TYPE]: The "channel" argument must be of type string. Received type number (1)
 * ```
 *
 * @module
 */

/** An `Error` carrying a Node.js error `code` such as `'ERR_INVALID_ARG_TYPE'`. */
export type NodeError<E extends Error = Error, C extends string = string> = E & { code: C };

/** The options understood by {@link inspect}. */
export interface InspectOptions {
  /** How many levels of nested objects to show (Node's default: 2). `-1` shows only `[Name]`. */
  depth?: number;
}

/** The symbol Node's `util.inspect.custom` is (`Symbol.for('nodejs.util.inspect.custom')`). */
export const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

// Types named by their lower-case `typeof` in Node's messages; other capitalised names are classes.
const primitiveTypeNames = new Set([
  'string',
  'function',
  'number',
  'object',
  'boolean',
  'bigint',
  'symbol',
  'Function',
  'Object',
]);
const classNamePattern = /^([A-Z][a-z0-9]*)+$/;

/**
 * Gives `error` a Node-style `code`: an own enumerable `code` property, `toString()` returning
 * `Name [CODE]: message`, and (where the engine builds `stack` lazily, as V8 does) a stack whose
 * first line reads the same.
 */
function withCode<E extends Error, C extends string>(error: E, code: C): NodeError<E, C> {
  const coded = error as NodeError<E, C>;
  coded.code = code;
  const name = coded.name;
  Object.defineProperty(coded, 'toString', {
    value(this: Error): string {
      return `${this.name} [${code}]: ${this.message}`;
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  // Materialise the stack while the name carries the code, then restore the inherited name.
  Object.defineProperty(coded, 'name', { value: `${name} [${code}]`, writable: true, configurable: true });
  void coded.stack;
  delete (coded as { name?: string }).name;
  return coded;
}

function joinAlternatives(words: string[], lead: string): string {
  if (words.length > 2) return `${lead}${words.slice(0, -1).join(', ')}, or ${words[words.length - 1]}`;
  if (words.length === 2) return `${lead}${words[0]} or ${words[1]}`;
  return `${lead}${words[0]}`;
}

/**
 * Describes a received value the way Node 20's `ERR_INVALID_ARG_TYPE` does: `undefined`, `null`,
 * `function f`, `an instance of Foo`, `type number (1)`, `type string ('x')` (strings cut after
 * 25 characters, double-quoted when they contain a single quote).
 */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'function':
      return `function ${String((value as { name?: unknown }).name)}`;
    case 'object': {
      if (value === null) return 'null';
      const ctor = (value as { constructor?: unknown }).constructor;
      if (ctor && (typeof ctor === 'object' || typeof ctor === 'function') && 'name' in ctor) {
        return `an instance of ${String(ctor.name)}`;
      }
      return inspect(value, { depth: -1 });
    }
    case 'string': {
      const text = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return `type string (${text.includes("'") ? JSON.stringify(text) : `'${text}'`})`;
    }
    case 'number':
      return `type number (${Object.is(value, -0) ? '-0' : String(value)})`;
    case 'bigint':
      return `type bigint (${String(value)}n)`;
    case 'symbol':
      return `type symbol (${value.toString()})`;
    default: {
      let shown = inspect(value);
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
      return `type ${typeof value} (${shown})`;
    }
  }
}

/**
 * Creates Node's `ERR_INVALID_ARG_TYPE` `TypeError`.
 *
 * @param name The argument's name (`'listener'`); a name with a dot is called a property, one
 *   ending in `' argument'` is used as is.
 * @param expected What was expected: `typeof` names (`'string'`, `'function'`), class names
 *   (`'AbortSignal'`) or other words, alone or as a list.
 * @param actual The value received.
 * @returns The error, e.g. `The "listener" argument must be of type function. Received null`.
 */
export function invalidArgType(
  name: string,
  expected: string | readonly string[],
  actual: unknown,
): NodeError<TypeError, 'ERR_INVALID_ARG_TYPE'> {
  const wanted = typeof expected === 'string' ? [expected] : expected;
  let message = 'The ';
  if (name.endsWith(' argument')) message += `${name} `;
  else message += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  message += 'must be ';

  const types: string[] = [];
  const instances: string[] = [];
  const others: string[] = [];
  for (const word of wanted) {
    if (primitiveTypeNames.has(word)) types.push(word.toLowerCase());
    else if (classNamePattern.test(word)) instances.push(word);
    else others.push(word);
  }
  // With class names present, `object` reads better as "an instance of ... or Object".
  const objectAt = instances.length > 0 ? types.indexOf('object') : -1;
  if (objectAt !== -1) {
    types.splice(objectAt, 1);
    instances.push('Object');
  }
  const parts: string[] = [];
  if (types.length > 0) parts.push(joinAlternatives(types, types.length > 1 ? 'one of type ' : 'of type '));
  if (instances.length > 0) parts.push(joinAlternatives(instances, 'an instance of '));
  if (others.length > 0) {
    const single = others.length === 1 && others[0] !== undefined ? others[0] : undefined;
    if (single !== undefined) parts.push(`${single.toLowerCase() !== single ? 'an ' : ''}${single}`);
    else parts.push(joinAlternatives(others, 'one of '));
  }
  message += `${parts.join(' or ')}. Received ${describeReceived(actual)}`;
  return withCode(new TypeError(message), 'ERR_INVALID_ARG_TYPE');
}

function withUnderscores(digits: string): string {
  const sign = digits.startsWith('-') ? '-' : '';
  let rest = sign ? digits.slice(1) : digits;
  let grouped = '';
  while (rest.length > 3) {
    grouped = `_${rest.slice(-3)}${grouped}`;
    rest = rest.slice(0, -3);
  }
  return `${sign}${rest}${grouped}`;
}

/**
 * Creates Node's `ERR_OUT_OF_RANGE` `RangeError`.
 *
 * @param name The value's name (`'n'`).
 * @param range What it must be (`'a non-negative number'`, `'>= 0'`).
 * @param received The value received; big integers are shown with `_` separators like Node does.
 * @returns The error, e.g. `The value of "n" is out of range. It must be a non-negative number. Received -1`.
 */
export function outOfRange(name: string, range: string, received: unknown): NodeError<RangeError, 'ERR_OUT_OF_RANGE'> {
  let shown: string;
  if (typeof received === 'number' && Number.isInteger(received) && Math.abs(received) > 2 ** 32) {
    shown = withUnderscores(String(received));
  } else if (typeof received === 'bigint') {
    const big = received > 2n ** 32n || received < -(2n ** 32n);
    shown = `${big ? withUnderscores(String(received)) : String(received)}n`;
  } else {
    shown = inspect(received);
  }
  const message = `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`;
  return withCode(new RangeError(message), 'ERR_OUT_OF_RANGE');
}

/**
 * Creates Node's `ERR_UNHANDLED_ERROR`, thrown by `emit('error', value)` without an `'error'`
 * listener when `value` is not an `Error`.
 *
 * @param context The value emitted; it is inspected into the message and kept as `.context`.
 * @returns The error, e.g. `Unhandled error. ('boom')`.
 */
export function unhandledError(context: unknown): NodeError<Error, 'ERR_UNHANDLED_ERROR'> & { context: unknown } {
  let shown: unknown;
  try {
    shown = inspect(context);
  } catch {
    shown = context;
  }
  const error = withCode(new Error(`Unhandled error. (${String(shown)})`), 'ERR_UNHANDLED_ERROR');
  (error as typeof error & { context: unknown }).context = context;
  return error as typeof error & { context: unknown };
}

/**
 * Creates Node's `AbortError` (`name` `'AbortError'`, `code` `'ABORT_ERR'`).
 *
 * @param cause The abort reason, kept as `.cause`.
 * @returns The error, with the message `The operation was aborted`.
 */
export function abortError(cause?: unknown): NodeError<Error, 'ABORT_ERR'> {
  const error = new Error('The operation was aborted', cause === undefined ? undefined : { cause }) as NodeError<
    Error,
    'ABORT_ERR'
  >;
  error.code = 'ABORT_ERR';
  error.name = 'AbortError';
  return error;
}

// ---------------------------------------------------------------------------------------------
// A small util.inspect: Node's layout (compact 3, breakLength 80, depth 2) for the values that
// show up in error messages. Not covered: array grouping in columns for more than 6 items,
// Proxy detection, Promise state, colours and the other options.

interface InspectContext {
  depth: number;
  seen: object[];
  circular: Map<object, number> | undefined;
  indentationLvl: number;
  currentDepth: number;
}

const breakLength = 80;
const maxArrayLength = 100;
const identifierKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const controlChar = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const namedEscapes: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/**
 * Formats a value like Node's `util.inspect` does with default options, for the values error
 * messages meet: primitives, arrays, plain and class objects, functions, errors, dates, regular
 * expressions, maps, sets, typed arrays, circular references, `[util.inspect.custom]`.
 *
 * @param value What to show.
 * @param options `depth` (default 2).
 * @returns E.g. `{ a: 1, b: [ 'x' ] }`, `'it\'s'` → `"it's"`, `[Function: f]`, `Foo {}`.
 */
export function inspect(value: unknown, options?: InspectOptions): string {
  const ctx: InspectContext = {
    depth: options?.depth ?? 2,
    seen: [],
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
  };
  return formatValue(ctx, value, 0);
}

function quoteString(text: string): string {
  let quote = "'";
  if (text.includes("'")) {
    if (!text.includes('"')) quote = '"';
    else if (!text.includes('`') && !text.includes('${')) quote = '`';
  }
  const escaped = text.replace(controlChar, (ch) => {
    if (ch === "'") return quote === "'" ? "\\'" : ch;
    if (ch === '\\') return '\\\\';
    const named = namedEscapes[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  return `${quote}${escaped}${quote}`;
}

function formatString(ctx: InspectContext, text: string): string {
  // Node splits long multi-line strings at their line breaks.
  if (text.length > 16 && text.length > breakLength - ctx.indentationLvl - 4 && text.includes('\n')) {
    const lines = text.split(/(?<=\n)/);
    if (lines.length > 1) {
      return lines.map((line) => quoteString(line)).join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`);
    }
  }
  return quoteString(text);
}

function formatPrimitive(ctx: InspectContext, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return formatString(ctx, value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'symbol':
      return value.toString();
    default:
      return String(value);
  }
}

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return identifierKey.test(key) ? key : quoteString(key);
}

function constructorNameOf(value: object): string | null {
  let proto: object | null = value;
  let first = true;
  let firstProto: object | null = null;
  while (proto !== null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
    const ctor: unknown = descriptor?.value;
    if (typeof ctor === 'function' && ctor.name !== '') {
      try {
        if (value instanceof ctor) return ctor.name;
      } catch {
        // Not usable with instanceof: keep walking.
      }
    }
    proto = Object.getPrototypeOf(proto) as object | null;
    if (first) {
      firstProto = proto;
      first = false;
    }
  }
  return firstProto === null ? null : 'Object <Complex prototype>';
}

function prefixFor(ctor: string | null, tag: string, fallback: string, size = ''): string {
  if (ctor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && ctor !== tag) return `${ctor}${size} [${tag}] `;
  return `${ctor}${size} `;
}

function ownKeys(value: object, skipIndices: boolean): Array<string | symbol> {
  const keys: Array<string | symbol> = [];
  for (const key of Object.keys(value)) {
    if (skipIndices && /^(0|[1-9][0-9]*)$/.test(key)) continue;
    keys.push(key);
  }
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

function formatProperty(ctx: InspectContext, value: object, recurseTimes: number, key: string | symbol): string {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  let shown: string;
  if (descriptor === undefined) {
    shown = 'undefined';
  } else if (descriptor.get !== undefined || descriptor.set !== undefined) {
    if (descriptor.get !== undefined) shown = descriptor.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    else shown = '[Setter]';
  } else {
    ctx.indentationLvl += 2;
    shown = formatValue(ctx, descriptor.value, recurseTimes + 1);
    ctx.indentationLvl -= 2;
  }
  return `${formatKey(key)}: ${shown}`;
}

function formatNested(ctx: InspectContext, value: unknown, recurseTimes: number): string {
  ctx.indentationLvl += 2;
  const shown = formatValue(ctx, value, recurseTimes + 1);
  ctx.indentationLvl -= 2;
  return shown;
}

function functionBase(fn: Function, ctor: string | null, tag: string): string {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // Some host functions refuse; treat them as plain functions.
  }
  const name = typeof fn.name === 'string' ? fn.name : '';
  if (source.startsWith('class') && /^class(\s|\{)/.test(source)) {
    let base = `[class ${name || '(anonymous)'}`;
    const parent = Object.getPrototypeOf(fn) as { name?: unknown } | null;
    if (parent !== Function.prototype && parent !== null && typeof parent.name === 'string' && parent.name) {
      base += ` extends ${parent.name}`;
    }
    return `${base}]`;
  }
  const kinds = ['AsyncGeneratorFunction', 'GeneratorFunction', 'AsyncFunction'];
  const type = ctor !== null && kinds.includes(ctor) ? ctor : 'Function';
  let base = `[${type}`;
  if (ctor === null) base += ' (null prototype)';
  base += name === '' ? ' (anonymous)' : `: ${name}`;
  base += ']';
  if (ctor !== type && ctor !== null) base += ` ${ctor}`;
  if (tag !== '' && ctor !== tag) base += ` [${tag}]`;
  return base;
}

function errorBase(ctx: InspectContext, error: Error): string {
  let stack: string;
  try {
    stack = typeof error.stack === 'string' && error.stack !== '' ? error.stack : Error.prototype.toString.call(error);
  } catch {
    stack = Error.prototype.toString.call(error);
  }
  if (!/\n\s+at /.test(stack)) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) stack = stack.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
  return stack;
}

function isBelowBreakLength(output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > breakLength) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

/** Lays out more than six short array items in aligned columns, as Node does. */
function groupArrayElements(ctx: InspectContext, output: string[], value: ArrayLike<unknown>): string[] {
  const separatorSpace = 2; // ", "
  // A trailing "... n more items" stays out of the grid.
  const count = output.length > maxArrayLength ? output.length - 1 : output.length;
  const lengths: number[] = [];
  let totalLength = 0;
  let maxLength = 0;
  for (let i = 0; i < count; i++) {
    const length = output[i]!.length;
    lengths.push(length);
    totalLength += length + separatorSpace;
    if (length > maxLength) maxLength = length;
  }
  const cellMax = maxLength + separatorSpace;
  // Group only if three cells fit side by side and the items are of comparable length.
  if (cellMax * 3 + ctx.indentationLvl >= breakLength || (totalLength / cellMax <= 5 && maxLength > 6)) return output;

  const bias = Math.sqrt(cellMax - totalLength / output.length);
  const biasedMax = Math.max(cellMax - 3 - bias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax), // roughly square, chars ~2.5x taller than wide
    Math.floor((breakLength - ctx.indentationLvl) / cellMax),
    12, // compact (3) * 4
    15,
  );
  if (columns <= 1) return output;

  const widths: number[] = [];
  for (let column = 0; column < columns; column++) {
    let width = 0;
    for (let j = column; j < count; j += columns) width = Math.max(width, lengths[j]!);
    widths.push(width + separatorSpace);
  }
  let numeric = true;
  for (let i = 0; i < output.length; i++) {
    const item = value[i];
    if (typeof item !== 'number' && typeof item !== 'bigint') {
      numeric = false;
      break;
    }
  }
  const rows: string[] = [];
  for (let start = 0; start < count; start += columns) {
    const end = Math.min(start + columns, count);
    let row = '';
    for (let j = start; j < end - 1; j++) {
      const cell = `${output[j]!}, `;
      row += numeric ? cell.padStart(widths[j - start]!) : cell.padEnd(widths[j - start]!);
    }
    const last = output[end - 1]!;
    row += numeric ? last.padStart(widths[end - 1 - start]! - separatorSpace) : last;
    rows.push(row);
  }
  if (count < output.length) rows.push(output[count]!);
  return rows;
}

function reduceToSingleString(
  ctx: InspectContext,
  output: string[],
  base: string,
  braces: [string, string],
  recurseTimes: number,
  arrayLike?: ArrayLike<unknown>,
): string {
  const head = base === '' ? '' : `${base} `;
  const entries = output.length;
  if (arrayLike !== undefined && entries > 6) output = groupArrayElements(ctx, output, arrayLike);
  if (ctx.currentDepth - recurseTimes < 3 && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${head}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${head}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function formatValue(ctx: InspectContext, value: unknown, recurseTimes: number): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  const object = value as object;

  const custom = (object as Record<symbol, unknown>)[inspectCustom];
  if (typeof custom === 'function' && custom !== inspect) {
    const depth = ctx.depth - recurseTimes;
    const result: unknown = custom.call(object, depth, { depth, stylize: (text: string) => text }, inspect);
    if (result !== object) {
      if (typeof result !== 'string') return formatValue(ctx, result, recurseTimes);
      return result.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
    }
  }

  if (ctx.seen.includes(object)) {
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(object);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(object, index);
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, object, recurseTimes);
}

type Formatter = (ctx: InspectContext, value: object, recurseTimes: number) => string[];

const noEntries: Formatter = () => [];

function formatArrayBufferEntries(_ctx: InspectContext, value: object): string[] {
  const bytes = new Uint8Array(value as ArrayBuffer);
  const shown = Array.from(bytes.subarray(0, 50), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  const more = bytes.length > 50 ? ` ... ${bytes.length - 50} more byte${bytes.length > 51 ? 's' : ''}` : '';
  return [`[Uint8Contents]: <${shown}${more}>`, `byteLength: ${bytes.length}`];
}

function formatRaw(ctx: InspectContext, value: object, recurseTimes: number): string {
  const ctor = constructorNameOf(value);
  let tag = '';
  try {
    const rawTag: unknown = (value as Record<symbol, unknown>)[Symbol.toStringTag];
    const own = Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag);
    if (typeof rawTag === 'string' && rawTag !== '' && !own && rawTag !== (ctor ?? 'Object')) tag = rawTag;
  } catch {
    // A throwing toStringTag getter: no tag.
  }

  let keys: Array<string | symbol>;
  let base = '';
  let braces: [string, string];
  let formatter: Formatter = noEntries;
  let fallbackName = 'Object';
  let isEmpty: boolean;
  let arrayLike: ArrayLike<unknown> | undefined;

  if (Array.isArray(value)) {
    keys = ownKeys(value, true);
    const prefix = ctor !== 'Array' || tag !== '' ? prefixFor(ctor, tag, 'Array', `(${value.length})`) : '';
    braces = [`${prefix}[`, ']'];
    fallbackName = 'Array';
    isEmpty = value.length === 0 && keys.length === 0;
    formatter = formatArrayEntries;
    arrayLike = value;
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const view = value as unknown as ArrayLike<unknown>;
    keys = ownKeys(value, true);
    const name = ctor ?? 'TypedArray';
    braces = [`${prefixFor(ctor, tag, name, `(${view.length})`)}[`, ']'];
    fallbackName = name;
    isEmpty = view.length === 0 && keys.length === 0;
    formatter = formatArrayEntries;
    arrayLike = view;
  } else if (value instanceof Set) {
    keys = ownKeys(value, false);
    braces = [`${prefixFor(ctor, tag, 'Set', `(${value.size})`)}{`, '}'];
    fallbackName = 'Set';
    isEmpty = value.size === 0 && keys.length === 0;
    formatter = formatSetEntries;
  } else if (value instanceof Map) {
    keys = ownKeys(value, false);
    braces = [`${prefixFor(ctor, tag, 'Map', `(${value.size})`)}{`, '}'];
    fallbackName = 'Map';
    isEmpty = value.size === 0 && keys.length === 0;
    formatter = formatMapEntries;
  } else {
    keys = ownKeys(value, false);
    braces = ['{', '}'];
    if (typeof value === 'function') {
      base = functionBase(value as Function, ctor, tag);
      if (keys.length === 0) return base;
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      const prefix = prefixFor(ctor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (value instanceof Date) {
      base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      const prefix = prefixFor(ctor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (value instanceof Error) {
      keys = keys.filter((key) => key !== 'stack' && key !== 'message');
      base = errorBase(ctx, value);
      if (keys.length === 0) return base;
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      const name = value instanceof WeakMap ? 'WeakMap' : 'WeakSet';
      braces[0] = `${prefixFor(ctor, tag, name)}{`;
      fallbackName = name;
      formatter = () => ['<items unknown>'];
      keys = [];
    } else if (value instanceof ArrayBuffer) {
      braces[0] = `${prefixFor(ctor, tag, 'ArrayBuffer')}{`;
      fallbackName = 'ArrayBuffer';
      formatter = formatArrayBufferEntries;
    } else if (isBoxedPrimitive(value)) {
      const primitive: unknown = value.valueOf();
      const kind = typeof primitive === 'bigint' ? 'BigInt' : ctor ?? 'Object';
      base = `[${kind}: ${formatPrimitive(ctx, primitive)}]`;
      if (typeof primitive === 'string') keys = ownKeys(value, true);
      if (keys.length === 0) return base;
    } else {
      if (ctor !== 'Object' || tag !== '') braces[0] = `${prefixFor(ctor, tag, 'Object')}{`;
    }
    isEmpty = keys.length === 0 && formatter === noEntries;
    if (isEmpty) return `${braces[0]}}`;
  }

  if (isEmpty) return `${braces[0]}${braces[1]}`;
  if (recurseTimes > ctx.depth) {
    const name = prefixFor(ctor, tag, fallbackName).slice(0, -1);
    return ctor === null ? name : `[${name}]`;
  }

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key));
  ctx.seen.pop();

  const reference = ctx.circular?.get(value);
  if (reference !== undefined) base = base === '' ? `<ref *${reference}>` : `<ref *${reference}> ${base}`;
  return reduceToSingleString(ctx, output, base, braces, recurseTimes, arrayLike);
}

function isBoxedPrimitive(value: object): value is { valueOf(): unknown } {
  return (
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    value instanceof Symbol ||
    (typeof BigInt === 'function' && value instanceof BigInt)
  );
}

function formatArrayEntries(ctx: InspectContext, value: object, recurseTimes: number): string[] {
  const list = value as ArrayLike<unknown>;
  const output: string[] = [];
  const shownLength = Math.min(list.length, maxArrayLength);
  let holes = 0;
  const flushHoles = (): void => {
    if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    holes = 0;
  };
  for (let i = 0; i < shownLength; i++) {
    if (!Object.prototype.hasOwnProperty.call(list, i)) {
      holes++;
      continue;
    }
    flushHoles();
    output.push(formatNested(ctx, list[i], recurseTimes));
  }
  flushHoles();
  const remaining = list.length - shownLength;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatSetEntries(ctx: InspectContext, value: object, recurseTimes: number): string[] {
  const output: string[] = [];
  for (const entry of value as Set<unknown>) output.push(formatNested(ctx, entry, recurseTimes));
  return output;
}

function formatMapEntries(ctx: InspectContext, value: object, recurseTimes: number): string[] {
  const output: string[] = [];
  for (const [key, entry] of value as Map<unknown, unknown>) {
    output.push(`${formatNested(ctx, key, recurseTimes)} => ${formatNested(ctx, entry, recurseTimes)}`);
  }
  return output;
}
