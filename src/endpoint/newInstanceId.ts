let counter = 0;

/**
 * A random id for one transport instance, written into transport-level messages so that several
 * connections sharing one window or one channel name never take each other's messages. Not a
 * secret: origins, sources and the browser's same-origin rule are the security. Internal.
 *
 * @returns A short id such as `'k3j9x0q21'`.
 */
export function newInstanceId(): string {
  counter = (counter + 1) % 0x7fffffff;
  return `${Math.random().toString(36).slice(2, 10)}${counter.toString(36)}`;
}
