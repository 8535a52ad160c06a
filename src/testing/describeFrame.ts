// Internal to rxipc/testing: how failure messages print what a renderer sent. The values are
// decoded JSON (strings, numbers, booleans, null, arrays, plain objects), so a small printer is
// enough and the codec stays the only place calling JSON.stringify.

const MAX_TEXT = 200;

/**
 * Prints a decoded JSON value compactly: `["theme",{"dark":true}]`, cut at 200 characters.
 *
 * @param value A value decoded from a frame.
 * @returns Its text.
 */
export function describeValue(value: unknown): string {
  const text = print(value, 0);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * One line per frame for failure messages: `invoke 'settings:load' ["theme"]`, plus the state
 * notes the caller passes (`matched`, `cancelled` ...).
 *
 * @param kind The frame kind.
 * @param channel The channel.
 * @param args The arguments.
 * @param notes Words to add in parentheses.
 * @returns The line.
 */
export function describeFrame(kind: string, channel: string, args: readonly unknown[], notes: readonly string[] = []): string {
  const suffix = notes.length === 0 ? '' : ` (${notes.join(', ')})`;
  return `${kind} '${channel}' ${describeValue(args)}${suffix}`;
}

function print(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      return typeof value;
  }
  if (depth > 8) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return `[${value.map((item) => print(item, depth + 1)).join(',')}]`;
  const entries = Object.keys(value).map((key) => `${quote(key)}:${print((value as Record<string, unknown>)[key], depth + 1)}`);
  return `{${entries.join(',')}}`;
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}
