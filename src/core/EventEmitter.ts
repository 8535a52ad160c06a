import { abortError, inspect, invalidArgType, outOfRange, unhandledError } from './nodeErrors.js';

/** A listener: called with the emitter as `this` and the arguments given to `emit`. */
export type Listener = (...args: any[]) => unknown;

/** The wrapper `once` registers: `rawListeners` returns it, `.listener` is the original. */
export interface OnceListener extends Listener {
  /** The function given to `once` / `prependOnceListener`. */
  listener: Listener;
}

/**
 * @internal Two or more listeners of one event, in call order. `warned` is set once the
 * max-listeners warning was given for it; `emitting` counts the `emit` calls iterating it, during
 * which it is never changed in place (changes go to a copy), so an `emit` needs no snapshot.
 */
export interface ListenerList extends Array<Listener> {
  warned?: boolean;
  emitting: number;
}

/** @internal Event name → its listener (one function) or listeners (a {@link ListenerList}). */
export type ListenerTable = Record<string | symbol, Listener | ListenerList | undefined>;

/** The value returned by the static {@link EventEmitter.once}: the arguments of the event. */
export type OnceResult = unknown[];

/** Options of the static {@link EventEmitter.once}. */
export interface StaticOnceOptions {
  /** Rejects the promise with an `AbortError` (and stops listening) when aborted. */
  signal?: AbortSignal;
}

interface EventTargetLike {
  addEventListener(type: string, listener: (event: unknown) => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
}

interface EmitterLike {
  on?: unknown;
  once?: unknown;
  removeListener?: unknown;
  addEventListener?: unknown;
  removeEventListener?: unknown;
  listenerCount?: unknown;
  setMaxListeners?: unknown;
}

let defaultMaxListeners = 10;

// Tables are instances of a constructor whose prototype has a null prototype: no inherited keys
// (so '__proto__' or 'toString' are ordinary event names), yet V8 keeps them as fast objects,
// unlike `Object.create(null)` which starts as a slower hash table.
const Table = function ListenerTable(): void {} as unknown as new () => ListenerTable;
Table.prototype = Object.create(null) as ListenerTable;

function newTable(): ListenerTable {
  return new Table();
}

function newList(first: Listener, second: Listener): ListenerList {
  const list = [first, second] as ListenerList;
  list.emitting = 0;
  return list;
}

/** A copy of `list` that may be changed (the original is being iterated by an `emit`). */
function unshare(list: ListenerList): ListenerList {
  const copy = list.slice() as ListenerList;
  copy.emitting = 0;
  if (list.warned !== undefined) copy.warned = list.warned;
  return copy;
}

function checkListener(listener: unknown): void {
  if (typeof listener !== 'function') throw invalidArgType('listener', 'Function', listener);
}

function maxListenersOf(emitter: EventEmitter): number {
  const max = emitter._maxListeners;
  return max === undefined ? defaultMaxListeners : max;
}

/** Node 20's `validateNumber(value, name, 0)`: a TypeError for non-numbers, a RangeError below 0 or NaN. */
function checkMaxListeners(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (value < 0 || Number.isNaN(value)) throw outOfRange(name, '>= 0', value);
}

interface LeakWarning extends Error {
  emitter: EventEmitter;
  type: string | symbol;
  count: number;
}

function warnLeak(emitter: EventEmitter, type: string | symbol, count: number, max: number): void {
  const warning = new Error(
    `Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners added to ` +
      `${inspect(emitter, { depth: -1 })}. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`,
  ) as LeakWarning;
  warning.name = 'MaxListenersExceededWarning';
  warning.emitter = emitter;
  warning.type = type;
  warning.count = count;
  // Node prints it as `(node:pid) MaxListenersExceededWarning: ...`; browsers get the console.
  const proc = (globalThis as { process?: { emitWarning?: unknown } | null }).process;
  if (proc != null && typeof proc.emitWarning === 'function') {
    (proc as { emitWarning(warning: Error): void }).emitWarning(warning);
  } else {
    console.warn(warning);
  }
}

function register(emitter: EventEmitter, type: string | symbol, listener: Listener, prepend: boolean): EventEmitter {
  checkListener(listener);
  let events = emitter._events;
  let existing: Listener | ListenerList | undefined;
  if (events === undefined) {
    events = emitter._events = newTable();
    emitter._eventsCount = 0;
  } else {
    // Announced before it is added, so a 'newListener' listener adding for the same event goes first.
    if (events.newListener !== undefined) {
      emitter.emit('newListener', type, (listener as Partial<OnceListener>).listener ?? listener);
      events = emitter._events;
      if (events === undefined) {
        events = emitter._events = newTable();
        emitter._eventsCount = 0;
      }
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++emitter._eventsCount;
    return emitter;
  }
  let list: ListenerList;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? newList(listener, existing) : newList(existing, listener);
  } else {
    list = existing.emitting > 0 ? (events[type] = unshare(existing)) : existing;
    if (prepend) list.unshift(listener);
    else list.push(listener);
  }
  const max = maxListenersOf(emitter);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true;
    warnLeak(emitter, type, list.length, max);
  }
  return emitter;
}

interface OnceState {
  fired: boolean;
  wrapper: OnceListener | undefined;
  readonly emitter: EventEmitter;
  readonly type: string | symbol;
  readonly listener: Listener;
}

// Bound to a OnceState per `once` call (a bound function measured faster than a closure here).
function onceWrapper(this: OnceState, ...args: unknown[]): unknown {
  if (this.fired) return undefined;
  this.emitter.removeListener(this.type, this.wrapper!);
  this.fired = true;
  return this.listener.apply(this.emitter, args);
}

function onceWrap(emitter: EventEmitter, type: string | symbol, listener: Listener): OnceListener {
  const state: OnceState = { fired: false, wrapper: undefined, emitter, type, listener };
  const wrapper = onceWrapper.bind(state) as OnceListener;
  wrapper.listener = listener;
  state.wrapper = wrapper;
  return wrapper;
}

function listenersOf(emitter: EventEmitter, type: string | symbol, unwrap: boolean): Listener[] {
  const events = emitter._events;
  if (events === undefined) return [];
  const slot = events[type];
  if (slot === undefined) return [];
  if (typeof slot === 'function') return [unwrap ? (slot as Partial<OnceListener>).listener || slot : slot];
  const copy = slot.slice();
  if (unwrap) {
    for (let i = 0; i < copy.length; i++) {
      const original = (copy[i] as Partial<OnceListener>).listener;
      if (typeof original === 'function') copy[i] = original;
    }
  }
  return copy;
}

/** Calls one listener or a list of them (see `ListenerList.emitting`). */
function dispatch(self: EventEmitter, handler: Listener | ListenerList, args: unknown[]): void {
  if (typeof handler === 'function') {
    handler.apply(self, args);
    return;
  }
  const length = handler.length;
  handler.emitting++;
  for (let i = 0; i < length; i++) handler[i]!.apply(self, args);
  handler.emitting--;
}

/** `emit('error', ...args)`: error monitors first, then the listeners or a throw. */
function emitError(self: EventEmitter, args: unknown[]): boolean {
  const events = self._events;
  if (events !== undefined) {
    const monitor = EventEmitter.errorMonitor;
    if (events[monitor] !== undefined) self.emit(monitor, ...args);
    const handler = events.error;
    if (handler !== undefined) {
      dispatch(self, handler, args);
      return true;
    }
  }
  const error = args.length > 0 ? args[0] : undefined;
  if (error instanceof Error) throw error; // Unhandled 'error' event
  throw unhandledError(error); // Unhandled 'error' event
}

/**
 * Node's `EventEmitter` (as in Node 20), for every JavaScript runtime: the same methods, argument
 * checks and error codes, `'newListener'` / `'removeListener'` events, `'error'` semantics,
 * `errorMonitor`, max-listener warnings and `once` wrappers, with no dependency on Node.
 *
 * Listeners run synchronously in registration order with the emitter as `this`; adding or removing
 * listeners while an event is emitted does not change who receives that emit. A listener that
 * throws stops the `emit` and the error propagates to its caller. Event names may be any string or
 * symbol, including `'__proto__'` or `'constructor'`.
 *
 * ## Example
 * ```ts
 * import { EventEmitter } from 'rxipc';
 *
 * class Door extends EventEmitter {
 *   open(by: string): void {
 *     this.emit('open', by);
 *   }
 * }
 *
 * const door = new Door();
 * door.on('open', (by: string) => console.log(`opened by ${by}`));
 * door.once('open', () => console.log('first time only'));
 * door.open('Ada'); // opened by Ada, first time only
 * door.open('Bob'); // opened by Bob
 * door.emit('error', new Error('stuck')); // throws: no 'error' listener
 * ```
 */
export class EventEmitter {
  /**
   * A symbol to listen on to watch `'error'` events without handling them: its listeners run
   * before the `'error'` listeners, and an `'error'` with only monitors still throws.
   */
  static readonly errorMonitor: unique symbol = Symbol('events.errorMonitor');

  /** The max-listeners limit of emitters that have not set their own (10; 0 means no limit). */
  static get defaultMaxListeners(): number {
    return defaultMaxListeners;
  }

  static set defaultMaxListeners(n: number) {
    checkMaxListeners(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  }

  /**
   * Sets the max-listeners limit of each given emitter, or `EventEmitter.defaultMaxListeners` when
   * none is given. DOM `EventTarget`s are accepted and left alone (they have no such limit here).
   *
   * @param n A non-negative number (default: the current `defaultMaxListeners`).
   * @param eventTargets Emitters (anything with a `setMaxListeners` method) or `EventTarget`s;
   *   anything else throws a `TypeError` `ERR_INVALID_ARG_TYPE`.
   */
  static setMaxListeners(n: number = defaultMaxListeners, ...eventTargets: Array<EventEmitter | EventTarget>): void {
    checkMaxListeners(n, 'setMaxListeners');
    if (eventTargets.length === 0) {
      defaultMaxListeners = n;
      return;
    }
    for (const target of eventTargets) {
      const candidate = target as EmitterLike | null | undefined;
      if (typeof candidate?.setMaxListeners === 'function') {
        (target as EventEmitter).setMaxListeners(n);
      } else if (typeof candidate?.addEventListener !== 'function') {
        throw invalidArgType('eventTargets', ['EventEmitter', 'EventTarget'], target);
      }
    }
  }

  /**
   * How many listeners `emitter` has for `eventName` (deprecated in Node in favour of
   * `emitter.listenerCount(eventName)`, which it calls when present).
   *
   * @param emitter The emitter.
   * @param eventName The event.
   * @returns The number of listeners.
   */
  static listenerCount(emitter: EventEmitter, eventName: string | symbol): number {
    if (typeof (emitter as EmitterLike).listenerCount === 'function') return emitter.listenerCount(eventName);
    return EventEmitter.prototype.listenerCount.call(emitter, eventName);
  }

  /**
   * A promise for the next `eventName` event of `emitter`, fulfilled with the event's arguments as
   * an array. It rejects if `emitter` emits `'error'` first (unless waiting for `'error'` itself),
   * or with an `AbortError` when `options.signal` aborts. Works with DOM `EventTarget`s too.
   *
   * @param emitter An `EventEmitter` (or `EventTarget`).
   * @param eventName The event to wait for.
   * @param options `signal`: stops waiting.
   * @returns The arguments the event was emitted with.
   */
  static once(emitter: EventEmitter | EventTarget, eventName: string | symbol, options?: StaticOnceOptions): Promise<OnceResult> {
    const signal = options?.signal;
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      return Promise.reject(invalidArgType('options.signal', 'AbortSignal', signal));
    }
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    const target = emitter as EmitterLike;
    return new Promise<OnceResult>((resolve, reject) => {
      const onError = (error: unknown): void => {
        removeFrom(target, eventName, onEvent);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const onEvent = (...args: unknown[]): void => {
        if (typeof target.removeListener === 'function') removeFrom(target, 'error', onError);
        signal?.removeEventListener('abort', onAbort);
        resolve(args);
      };
      const onAbort = (): void => {
        removeFrom(target, eventName, onEvent);
        removeFrom(target, 'error', onError);
        reject(abortError(signal?.reason));
      };
      if (typeof target.on === 'function') {
        (emitter as EventEmitter).once(eventName, onEvent);
      } else if (typeof target.addEventListener === 'function') {
        (target as EventTargetLike).addEventListener(eventName as string, onEvent, { once: true });
      } else {
        throw invalidArgType('emitter', 'EventEmitter', emitter);
      }
      if (eventName !== 'error' && typeof target.once === 'function') (emitter as EventEmitter).once('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** @internal Listeners by event name (Node's layout: one function, or an array of two or more). */
  _events: ListenerTable | undefined;
  /** @internal How many event names `_events` holds. */
  _eventsCount: number;
  /** @internal This emitter's own limit, or `undefined` for `EventEmitter.defaultMaxListeners`. */
  _maxListeners: number | undefined;

  /** Creates an emitter with no listeners. */
  constructor() {
    this._events = newTable();
    this._eventsCount = 0;
    this._maxListeners = undefined;
  }

  /**
   * Sets how many listeners one event may have before a `MaxListenersExceededWarning` is issued
   * (once per event, again only after its listeners dropped back to one; 0 or `Infinity` disables it).
   *
   * @param n A non-negative number; otherwise a `TypeError` `ERR_INVALID_ARG_TYPE` (not a number) or a `RangeError` `ERR_OUT_OF_RANGE` (negative or NaN) is thrown, as in Node 20.
   * @returns This emitter.
   */
  setMaxListeners(n: number): this {
    checkMaxListeners(n, 'setMaxListeners');
    this._maxListeners = n;
    return this;
  }

  /**
   * @returns This emitter's max-listeners limit (its own, or `EventEmitter.defaultMaxListeners`).
   */
  getMaxListeners(): number {
    return maxListenersOf(this);
  }

  /**
   * Calls every listener of `eventName`, in order, with `args` and this emitter as `this`. For
   * `'error'` with no listener, throws the error (or an `ERR_UNHANDLED_ERROR` wrapping a non-Error).
   *
   * @param eventName The event.
   * @param args The listeners' arguments.
   * @returns Whether the event had listeners.
   */
  emit(eventName: string | symbol, ...args: unknown[]): boolean {
    if (eventName === 'error') return emitError(this, args);
    const events = this._events;
    if (events === undefined) return false;
    const handler = events[eventName];
    if (handler === undefined) return false;
    // `apply` with the untouched rest array: V8 forwards the arguments without allocating the
    // array, which measured faster than fixed-arity `call`s switched on `args.length`.
    if (typeof handler === 'function') {
      handler.apply(this, args);
      return true;
    }
    // No snapshot: while `emitting` is non-zero the list is replaced, never changed in place.
    const length = handler.length;
    handler.emitting++;
    for (let i = 0; i < length; i++) handler[i]!.apply(this, args);
    handler.emitting--;
    return true;
  }

  /**
   * Adds `listener` at the end of `eventName`'s listeners (after emitting `'newListener'`); the
   * same function may be added several times. Also available as `on`.
   *
   * @param eventName The event.
   * @param listener The function; a `TypeError` `ERR_INVALID_ARG_TYPE` is thrown otherwise.
   * @returns This emitter.
   */
  addListener(eventName: string | symbol, listener: Listener): this {
    return register(this, eventName, listener, false) as this;
  }

  /**
   * Adds `listener` at the beginning of `eventName`'s listeners.
   *
   * @param eventName The event.
   * @param listener The function.
   * @returns This emitter.
   */
  prependListener(eventName: string | symbol, listener: Listener): this {
    return register(this, eventName, listener, true) as this;
  }

  /**
   * Adds a listener called at most once: it is removed before it runs. `rawListeners` shows the
   * wrapper (with `.listener`), `listeners` the original, which `removeListener` also accepts.
   *
   * @param eventName The event.
   * @param listener The function.
   * @returns This emitter.
   */
  once(eventName: string | symbol, listener: Listener): this {
    checkListener(listener);
    this.on(eventName, onceWrap(this, eventName, listener));
    return this;
  }

  /**
   * Like `once`, but adds the listener at the beginning of `eventName`'s listeners.
   *
   * @param eventName The event.
   * @param listener The function.
   * @returns This emitter.
   */
  prependOnceListener(eventName: string | symbol, listener: Listener): this {
    checkListener(listener);
    this.prependListener(eventName, onceWrap(this, eventName, listener));
    return this;
  }

  /**
   * Removes the most recently added instance of `listener` (or of a `once` wrapper of it) from
   * `eventName`, then emits `'removeListener'`. Also available as `off`.
   *
   * @param eventName The event.
   * @param listener The function to remove.
   * @returns This emitter.
   */
  removeListener(eventName: string | symbol, listener: Listener): this {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const slot = events[eventName];
    if (slot === undefined) return this;

    if (typeof slot === 'function') {
      const original = (slot as Partial<OnceListener>).listener;
      if (slot !== listener && original !== listener) return this;
      if (--this._eventsCount === 0) {
        this._events = newTable();
      } else {
        delete events[eventName];
        if (events.removeListener !== undefined) this.emit('removeListener', eventName, original || listener);
      }
      return this;
    }

    let position = -1;
    for (let i = slot.length - 1; i >= 0; i--) {
      const candidate = slot[i]!;
      if (candidate === listener || (candidate as Partial<OnceListener>).listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (slot.length === 2) {
      events[eventName] = slot[1 - position];
    } else if (slot.emitting > 0) {
      const copy = unshare(slot);
      copy.splice(position, 1);
      events[eventName] = copy;
    } else if (position === 0) {
      slot.shift();
    } else if (position === slot.length - 1) {
      slot.pop();
    } else {
      slot.splice(position, 1);
    }
    if (events.removeListener !== undefined) this.emit('removeListener', eventName, listener);
    return this;
  }

  /**
   * Removes every listener of `eventName`, or of every event when called without argument,
   * emitting `'removeListener'` for each (last added first; `'removeListener'` listeners last).
   *
   * @param eventName The event; omit it to clear all events.
   * @returns This emitter.
   */
  removeAllListeners(eventName?: string | symbol): this {
    const events = this._events;
    if (events === undefined) return this;
    const all = arguments.length === 0;

    if (events.removeListener === undefined) {
      if (all) {
        this._events = newTable();
        this._eventsCount = 0;
      } else if (events[eventName!] !== undefined) {
        if (--this._eventsCount === 0) this._events = newTable();
        else delete events[eventName!];
      }
      return this;
    }

    if (all) {
      for (const key of Reflect.ownKeys(events)) {
        if (key !== 'removeListener') this.removeAllListeners(key);
      }
      this.removeAllListeners('removeListener');
      this._events = newTable();
      this._eventsCount = 0;
      return this;
    }

    const slot = events[eventName!];
    if (typeof slot === 'function') {
      this.removeListener(eventName!, slot);
    } else if (slot !== undefined) {
      for (let i = slot.length - 1; i >= 0; i--) this.removeListener(eventName!, slot[i]!);
    }
    return this;
  }

  /**
   * @param eventName The event.
   * @returns A copy of `eventName`'s listeners, `once` listeners shown as the original function.
   */
  listeners(eventName: string | symbol): Listener[] {
    return listenersOf(this, eventName, true);
  }

  /**
   * @param eventName The event.
   * @returns A copy of `eventName`'s listeners, `once` listeners shown as their wrapper (which has
   *   a `.listener` property and, when called, removes itself and calls the original).
   */
  rawListeners(eventName: string | symbol): Listener[] {
    return listenersOf(this, eventName, false);
  }

  /**
   * @param eventName The event.
   * @param listener When given, only this function (or `once` wrappers of it) is counted.
   * @returns How many listeners `eventName` has.
   */
  listenerCount(eventName: string | symbol, listener?: Listener): number {
    const events = this._events;
    if (events === undefined) return 0;
    const slot = events[eventName];
    if (slot === undefined) return 0;
    if (typeof slot === 'function') {
      if (listener === undefined || listener === null) return 1;
      return slot === listener || (slot as Partial<OnceListener>).listener === listener ? 1 : 0;
    }
    if (listener === undefined || listener === null) return slot.length;
    let matching = 0;
    for (let i = 0; i < slot.length; i++) {
      const candidate = slot[i]!;
      if (candidate === listener || (candidate as Partial<OnceListener>).listener === listener) matching++;
    }
    return matching;
  }

  /**
   * @returns The names of the events that have listeners: strings (integer-like ones first, as
   *   object keys are ordered) then symbols, each in the order they were first added.
   */
  eventNames(): Array<string | symbol> {
    const events = this._events;
    return this._eventsCount > 0 && events !== undefined ? Reflect.ownKeys(events) : [];
  }
}

export interface EventEmitter {
  /**
   * Alias of `addListener`: adds `listener` at the end of `eventName`'s listeners.
   *
   * @param eventName The event.
   * @param listener The function.
   * @returns This emitter.
   */
  on(eventName: string | symbol, listener: Listener): this;

  /**
   * Alias of `removeListener`: removes the most recently added instance of `listener`.
   *
   * @param eventName The event.
   * @param listener The function to remove.
   * @returns This emitter.
   */
  off(eventName: string | symbol, listener: Listener): this;
}

// The aliases are the very same functions, as in Node (`prototype.on === prototype.addListener`).
Object.defineProperty(EventEmitter.prototype, 'on', {
  value: EventEmitter.prototype.addListener,
  writable: true,
  configurable: true,
});
Object.defineProperty(EventEmitter.prototype, 'off', {
  value: EventEmitter.prototype.removeListener,
  writable: true,
  configurable: true,
});

function removeFrom(target: EmitterLike, type: string | symbol, listener: (...args: unknown[]) => void): void {
  if (typeof target.removeListener === 'function') {
    (target as EventEmitter).removeListener(type, listener);
  } else if (typeof target.removeEventListener === 'function') {
    (target as EventTargetLike).removeEventListener(type as string, listener);
  }
}
