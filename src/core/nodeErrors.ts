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
const primitiveTypeNames = new Set(['string', 'function', 'number', 'object', 'boolean', 'bigint', 'symbol', 'Function', 'Object']);
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
      return `type string (${text.includes("'") ? doubleQuoted(text) : `'${text}'`})`;
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
  const error = new Error('The operation was aborted', cause === undefined ? undefined : { cause }) as NodeError<Error, 'ABORT_ERR'>;
  error.code = 'ABORT_ERR';
  error.name = 'AbortError';
  return error;
}

// ---------------------------------------------------------------------------------------------
// A small util.inspect: Node's layout (compact 3, breakLength 80, depth 2) for the values that
// show up in error messages. Not covered: Proxy detection, Promise state, colours and the other
// options.

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
// eslint-disable-next-line no-control-regex -- Node's own escaping of control characters in strings.
const controlChar = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const namedEscapes: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };

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
  return formatValue({ depth: options?.depth ?? 2, seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0 }, value, 0);
}

function quoteString(text: string): string {
  let quote = "'";
  if (text.includes(quote)) {
    if (!text.includes('"')) quote = '"';
    else if (!text.includes('`') && !text.includes('${')) quote = '`';
  }
  const escaped = text.replace(controlChar, (ch) => {
    if (ch === "'" && quote !== ch) return ch;
    const code = ch.charCodeAt(0);
    return namedEscapes[ch] ?? (code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`);
  });
  return quote + escaped + quote;
}

function formatPrimitive(ctx: InspectContext, value: unknown): string {
  switch (typeof value) {
    case 'string': {
      // Node splits long multi-line strings at their line breaks.
      const lines = value.length > 16 && value.length > breakLength - ctx.indentationLvl - 4 ? value.split(/(?<=\n)/) : [value];
      return lines.map(quoteString).join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`);
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    default:
      return String(value); // symbol, boolean, undefined
  }
}

function constructorNameOf(value: object): string | null {
  let proto: object | null = value;
  while (proto !== null) {
    const ctor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    if (typeof ctor === 'function' && ctor.name !== '') {
      try {
        if (value instanceof ctor) return ctor.name;
      } catch {
        // Not usable with instanceof: keep walking.
      }
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return Object.getPrototypeOf(value) === null ? null : 'Object <Complex prototype>';
}

/** `Foo(2) `, `Foo [Tag] ` or, without a prototype, `[Map(2): null prototype] `. */
function prefixFor(ctor: string | null, tag: string, fallback: string, size = ''): string {
  const tagged = tag !== '' && tag !== (ctor ?? fallback) ? `[${tag}] ` : '';
  return `${ctor === null ? `[${fallback}${size}: null prototype]` : `${ctor}${size}`} ${tagged}`;
}

function ownKeys(value: object, skipIndices: boolean): Array<string | symbol> {
  const keys: Array<string | symbol> = Object.keys(value).filter((key) => !skipIndices || !/^(0|[1-9]\d*)$/.test(key));
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

function formatProperty(ctx: InspectContext, value: object, recurseTimes: number, key: string | symbol): string {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  let shown = 'undefined';
  if (descriptor?.get !== undefined) shown = descriptor.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  else if (descriptor?.set !== undefined) shown = '[Setter]';
  else if (descriptor !== undefined) shown = formatNested(ctx, descriptor.value, recurseTimes);
  const name = typeof key === 'symbol' ? `[${key.toString()}]` : identifierKey.test(key) ? key : quoteString(key);
  return `${name}: ${shown}`;
}

function formatNested(ctx: InspectContext, value: unknown, recurseTimes: number): string {
  ctx.indentationLvl += 2;
  const shown = formatValue(ctx, value, recurseTimes + 1);
  ctx.indentationLvl -= 2;
  return shown;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any callable, as util.inspect takes.
function functionBase(fn: Function, ctor: string | null, tag: string): string {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // Some host functions refuse; treat them as plain functions.
  }
  const name = typeof fn.name === 'string' ? fn.name : '';
  if (/^class(\s|\{)/.test(source)) {
    const parent = Object.getPrototypeOf(fn) as { name?: unknown } | null;
    const base = parent !== Function.prototype && typeof parent?.name === 'string' && parent.name ? ` extends ${parent.name}` : '';
    return `[class ${name || '(anonymous)'}${base}]`;
  }
  const type = ctor !== null && ['AsyncGeneratorFunction', 'GeneratorFunction', 'AsyncFunction'].includes(ctor) ? ctor : 'Function';
  const nullProto = ctor === null ? ' (null prototype)' : '';
  const tagged = tag !== '' && ctor !== tag ? ` [${tag}]` : '';
  return `[${type}${nullProto}${name === '' ? ' (anonymous)' : `: ${name}`}]${ctor !== type && ctor !== null ? ` ${ctor}` : ''}${tagged}`;
}

function errorBase(ctx: InspectContext, error: Error): string {
  let stack: string;
  try {
    stack = typeof error.stack === 'string' && error.stack !== '' ? error.stack : Error.prototype.toString.call(error);
  } catch {
    stack = Error.prototype.toString.call(error);
  }
  if (!/\n\s+at /.test(stack)) stack = `[${stack}]`;
  return stack.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
}

/** Lays out more than six short array items in aligned columns, as Node does. */
function groupArrayElements(ctx: InspectContext, output: string[], value: ArrayLike<unknown>): string[] {
  // A trailing "... n more items" stays out of the grid.
  const count = output.length > maxArrayLength ? output.length - 1 : output.length;
  const lengths = output.slice(0, count).map((entry) => entry.length);
  const maxLength = Math.max(...lengths) + 2; // ", "
  const totalLength = lengths.reduce((sum, length) => sum + length + 2, 0);
  // Group only if three cells fit side by side and the items are of comparable length.
  if (maxLength * 3 + ctx.indentationLvl >= breakLength || (totalLength / maxLength <= 5 && maxLength > 8)) return output;
  const biasedMax = Math.max(maxLength - 3 - Math.sqrt(maxLength - totalLength / output.length), 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax), // roughly square, chars ~2.5x taller than wide
    Math.floor((breakLength - ctx.indentationLvl) / maxLength),
    12, // compact (3) * 4
  );
  if (columns <= 1) return output;
  const widths: number[] = [];
  for (let column = 0; column < columns; column++) {
    let width = 0;
    for (let j = column; j < count; j += columns) width = Math.max(width, lengths[j]!);
    widths.push(width + 2);
  }
  const numeric = Array.from(output, (_, i) => typeof value[i]).every((type) => type === 'number' || type === 'bigint');
  const rows: string[] = [];
  for (let start = 0; start < count; start += columns) {
    let row = '';
    for (let j = start; j < Math.min(start + columns, count); j++) {
      const last = j === count - 1 || j === start + columns - 1;
      const cell = last ? output[j]! : `${output[j]!}, `;
      const width = widths[j - start]! - (last ? 2 : 0);
      row += numeric ? cell.padStart(width) : last ? cell : cell.padEnd(width);
    }
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
  arrayLike: ArrayLike<unknown> | undefined,
): string {
  const head = base === '' ? '' : `${base} `;
  const entries = output.length;
  if (arrayLike !== undefined && entries > 6) output = groupArrayElements(ctx, output, arrayLike);
  if (ctx.currentDepth - recurseTimes < 3 && entries === output.length) {
    // Fits on one line: `{ a: 1, b: 2 }` (start counts the separators and the braces).
    let total = output.length * 2 + ctx.indentationLvl + braces[0].length + base.length + 10;
    let fits = total + output.length <= breakLength;
    for (const entry of output) total += entry.length;
    const joined = output.join(', ');
    fits &&= total <= breakLength && !base.includes('\n') && !joined.includes('\n');
    if (fits) return `${head}${braces[0]} ${joined} ${braces[1]}`;
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${head}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function formatValue(ctx: InspectContext, value: unknown, recurseTimes: number): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);

  const custom = (value as Record<symbol, unknown>)[inspectCustom];
  if (typeof custom === 'function' && custom !== inspect) {
    const depth = ctx.depth - recurseTimes;
    const result: unknown = custom.call(value, depth, { depth, stylize: (text: string) => text }, inspect);
    if (result !== value) {
      if (typeof result !== 'string') return formatValue(ctx, result, recurseTimes);
      return result.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
    }
  }

  if (ctx.seen.includes(value)) {
    const circular = (ctx.circular ??= new Map());
    let index = circular.get(value);
    if (index === undefined) circular.set(value, (index = circular.size + 1));
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, recurseTimes);
}

type Entries = (ctx: InspectContext, value: object, recurseTimes: number) => string[];

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
  const isList = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  let keys = ownKeys(value, isList);
  let base = '';
  const braces: [string, string] = ['{', '}'];
  let entries: Entries | undefined;
  let size = -1; // Arrays, typed arrays, sets and maps: their size, shown and checked for emptiness.
  let fallbackName = 'Object';
  let arrayLike: ArrayLike<unknown> | undefined;

  if (isList) {
    arrayLike = value as unknown as ArrayLike<unknown>;
    size = arrayLike.length;
    fallbackName = Array.isArray(value) ? 'Array' : (ctor ?? 'TypedArray');
    braces[0] = `${ctor === 'Array' && tag === '' ? '' : prefixFor(ctor, tag, fallbackName, `(${size})`)}[`;
    braces[1] = ']';
    entries = formatArrayEntries;
  } else if (value instanceof Set || value instanceof Map) {
    size = value.size;
    fallbackName = value instanceof Set ? 'Set' : 'Map';
    braces[0] = `${prefixFor(ctor, tag, fallbackName, `(${size})`)}{`;
    entries = (c, v, r) =>
      Array.from(v as Map<unknown, unknown>, (entry) =>
        value instanceof Set ? formatNested(c, entry, r) : `${formatNested(c, entry[0], r)} => ${formatNested(c, entry[1], r)}`,
      );
  } else {
    if (typeof value === 'function') base = functionBase(value, ctor, tag);
    else if (value instanceof RegExp || value instanceof Date) {
      const name = value instanceof Date ? 'Date' : 'RegExp';
      base =
        value instanceof Date
          ? Number.isNaN(value.getTime())
            ? 'Invalid Date'
            : value.toISOString()
          : RegExp.prototype.toString.call(value);
      const prefix = prefixFor(ctor, tag, name);
      if (prefix !== `${name} `) base = prefix + base;
    } else if (value instanceof Error) {
      keys = keys.filter((key) => key !== 'stack' && key !== 'message');
      base = errorBase(ctx, value);
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      braces[0] = `${prefixFor(ctor, tag, (fallbackName = value instanceof WeakMap ? 'WeakMap' : 'WeakSet'))}{`;
      entries = () => ['<items unknown>'];
      keys = [];
    } else if (value instanceof ArrayBuffer) {
      braces[0] = `${prefixFor(ctor, tag, (fallbackName = 'ArrayBuffer'))}{`;
      entries = () => {
        const bytes = new Uint8Array(value);
        const shown = Array.from(bytes.subarray(0, 50), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
        const more = bytes.length > 50 ? ` ... ${bytes.length - 50} more byte${bytes.length > 51 ? 's' : ''}` : '';
        return [`[Uint8Contents]: <${shown}${more}>`, `byteLength: ${bytes.length}`];
      };
    } else if (isBoxedPrimitive(value)) {
      const primitive: unknown = value.valueOf();
      base = `[${typeof primitive === 'bigint' ? 'BigInt' : (ctor ?? 'Object')}: ${formatPrimitive(ctx, primitive)}]`;
      if (typeof primitive === 'string') keys = ownKeys(value, true);
    } else if (ctor !== 'Object' || tag !== '') braces[0] = `${prefixFor(ctor, tag, 'Object')}{`;
    if (keys.length === 0 && entries === undefined) return base === '' ? `${braces[0]}}` : base;
  }

  if (size === 0 && keys.length === 0) return `${braces[0]}${braces[1]}`;
  if (recurseTimes > ctx.depth) {
    const name = prefixFor(ctor, tag, fallbackName).slice(0, -1);
    return ctor === null ? name : `[${name}]`;
  }

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = entries === undefined ? [] : entries(ctx, value, recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key));
  ctx.seen.pop();

  const reference = ctx.circular?.get(value);
  if (reference !== undefined) base = base === '' ? `<ref *${reference}>` : `<ref *${reference}> ${base}`;
  return reduceToSingleString(ctx, output, base, braces, recurseTimes, arrayLike);
}

function formatArrayEntries(ctx: InspectContext, value: object, recurseTimes: number): string[] {
  const list = value as ArrayLike<unknown>;
  const output: string[] = [];
  const shown = Math.min(list.length, maxArrayLength);
  let holes = 0;
  for (let i = 0; i <= shown; i++) {
    if (i < shown && !Object.prototype.hasOwnProperty.call(list, i)) {
      holes++;
      continue;
    }
    if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    holes = 0;
    if (i < shown) output.push(formatNested(ctx, list[i], recurseTimes));
  }
  const remaining = list.length - shown;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function isBoxedPrimitive(value: object): value is { valueOf(): unknown } {
  return [Number, String, Boolean, Symbol, BigInt].some((box) => value instanceof box);
}

const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/**
 * `text` in double quotes with JSON's escapes, exactly as `JSON.stringify(text)` writes it (Node
 * quotes strings that contain `'` this way in its messages). Written out because only the protocol
 * codec may call JSON.
 *
 * @param text Any string.
 * @returns The quoted string.
 */
export function doubleQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16)}`;
    else out += text[i]!;
  }
  return `${out}"`;
}
