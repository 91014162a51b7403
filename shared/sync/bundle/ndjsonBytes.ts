import { canonicalChangeJson } from './canonicalJson';

/** A change as `parseChange` returns it (see `canonicalChangeJson`). */
type ParsedChange = Parameters<typeof canonicalChangeJson>[0];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

/**
 * changes.ndjson as bytes, written straight from the changes: for each change, the UTF-8 of
 * `canonicalChangeJson(change)` and a newline. Identical bytes (property-tested against
 * TextEncoder over canonicalChangeJson), without making a string per line, joining the lines
 * and encoding the whole: an export writes tens of megabytes of it, and that was most of its time.
 *
 * Texts made of printable ASCII other than `"` and `\` (ids, stamps, field names, most values)
 * are copied byte for byte; anything else goes through JSON.stringify and TextEncoder, which is
 * what canonicalJson does. Numbers are written as JSON.stringify writes them.
 */
export class NdjsonBytes {
  private bytes = new Uint8Array(1 << 16);
  private at = 0;
  private readonly encoder = new TextEncoder();

  get length(): number {
    return this.at;
  }

  /** The bytes written so far (a view, valid until the next write). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.at);
  }

  /** Forgets everything written. */
  clear(): void {
    this.at = 0;
  }

  /** Writes one change's line. */
  writeChange(change: ParsedChange): void {
    const start = this.at;
    // Keys in canonical order: author, base, device, fields, hlc, id, row, schema, scope, table.
    this.raw('{"author":');
    this.text(change.author);
    this.raw(',"base":');
    if (!this.flatObject(change.base)) return this.fallback(start, change);
    this.raw(',"device":');
    this.text(change.device);
    this.raw(',"fields":');
    if (!this.flatObject(change.fields)) return this.fallback(start, change);
    this.raw(',"hlc":');
    this.text(change.hlc);
    this.raw(',"id":');
    this.text(change.id);
    this.raw(',"row":');
    this.text(change.row);
    this.raw(',"schema":');
    this.number(change.schema);
    this.raw(',"scope":');
    this.text(change.scope);
    this.raw(',"table":');
    this.text(change.table);
    this.room(2);
    this.bytes[this.at++] = 0x7d; // }
    this.bytes[this.at++] = NEWLINE;
  }

  /** A change with a nested or unusual value: its canonical JSON, through canonicalJson itself. */
  private fallback(start: number, change: ParsedChange): void {
    this.at = start;
    this.encoded(`${canonicalChangeJson(change)}\n`);
  }

  /** A plain object of flat values, keys sorted; false (having written part of it) when it is not one. */
  private flatObject(record: Record<string, unknown>): boolean {
    const proto: unknown = Object.getPrototypeOf(record);
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Object.keys(record);
    if (keys.length > 1) keys.sort();
    this.room(1);
    this.bytes[this.at++] = 0x7b; // {
    let first = true;
    for (const key of keys) {
      const value = record[key];
      if (value === undefined) continue;
      if (!first) {
        this.room(1);
        this.bytes[this.at++] = COMMA;
      }
      first = false;
      this.text(key);
      this.room(1);
      this.bytes[this.at++] = COLON;
      switch (typeof value) {
        case 'string':
          this.text(value);
          break;
        case 'number':
          if (!Number.isFinite(value)) return false;
          this.number(value);
          break;
        case 'boolean':
          this.raw(value ? 'true' : 'false');
          break;
        default:
          if (value !== null) return false;
          this.raw('null');
      }
    }
    this.room(1);
    this.bytes[this.at++] = 0x7d; // }
    return true;
  }

  /** A JSON string, as JSON.stringify writes it. */
  private text(value: string): void {
    const length = value.length;
    this.room(length + 2);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = QUOTE;
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x20 || code > 0x7e || code === QUOTE || code === BACKSLASH) {
        this.encoded(JSON.stringify(value));
        return;
      }
      bytes[at++] = code;
    }
    bytes[at++] = QUOTE;
    this.at = at;
  }

  private number(value: number): void {
    this.raw(JSON.stringify(value));
  }

  /** ASCII text known to need no escaping. */
  private raw(ascii: string): void {
    this.room(ascii.length);
    for (let i = 0; i < ascii.length; i++) this.bytes[this.at++] = ascii.charCodeAt(i);
  }

  /** Any well-formed text (JSON.stringify escapes lone surrogates), as UTF-8. */
  private encoded(text: string): void {
    const bytes = this.encoder.encode(text);
    this.room(bytes.length);
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
  }

  private room(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }
}
