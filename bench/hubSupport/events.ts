// A small stand-in for Node's `events` module, which pouchdb-browser imports and a browser bundle
// lacks (esbuild aliases `events` to this file for the hub benchmark's page script only). The
// methods are enumerable because PouchDB copies `Object.keys(EE.prototype)` onto its constructor.
type Listener = (...args: unknown[]) => void;

const EVENTS = Symbol('events');

export default class EventEmitter {
  /** Made on first use (PouchDB calls these methods on objects its own constructors made). */
  private get [EVENTS](): Map<string | symbol, Listener[]> {
    const self = this as unknown as { __events?: Map<string | symbol, Listener[]> };
    if (!self.__events) Object.defineProperty(self, '__events', { value: new Map(), enumerable: false });
    return self.__events!;
  }

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  on(type: string | symbol, listener: Listener): this {
    this[EVENTS].set(type, [...(this[EVENTS].get(type) ?? []), listener]);
    return this;
  }

  addListener(type: string | symbol, listener: Listener): this {
    return this.on(type, listener);
  }

  once(type: string | symbol, listener: Listener): this {
    const wrapped: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, wrapped);
      listener.apply(this, args);
    };
    wrapped.listener = listener;
    return this.on(type, wrapped);
  }

  removeListener(type: string | symbol, listener: Listener): this {
    const list = this[EVENTS].get(type);
    if (!list) return this;
    const i = list.findIndex((l) => l === listener || (l as { listener?: Listener }).listener === listener);
    if (i >= 0) {
      const next = [...list.slice(0, i), ...list.slice(i + 1)];
      if (next.length > 0) this[EVENTS].set(type, next);
      else this[EVENTS].delete(type);
    }
    return this;
  }

  off(type: string | symbol, listener: Listener): this {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) this[EVENTS].clear();
    else this[EVENTS].delete(type);
    return this;
  }

  setMaxListeners(): this {
    return this;
  }

  listeners(type: string | symbol): Listener[] {
    return (this[EVENTS].get(type) ?? []).map((l) => (l as { listener?: Listener }).listener ?? l);
  }

  listenerCount(type: string | symbol): number {
    return this[EVENTS].get(type)?.length ?? 0;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = this[EVENTS].get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(`unhandled error event: ${String(args[0])}`);
      return false;
    }
    for (const listener of [...list]) listener.apply(this, args);
    return true;
  }
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}
