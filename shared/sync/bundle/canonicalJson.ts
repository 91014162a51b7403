/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, in the manner of RFC 8785:
 * the same value always gives the same text, whatever order its keys were built in. That is what
 * makes a re-export of the same changes byte-identical, whether they came from IndexedDB or memory.
 *
 * Only JSON values are accepted. Anything JSON.stringify would silently change (a Date turned into
 * text, NaN into null, a Map into {}) or lose (a cycle) throws instead, so a change that could not
 * come back unchanged never gets into a bundle. Object properties holding `undefined` are left out,
 * as JSON.stringify does; -0 is written as 0.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
  const object = value as object;
  if (ancestors.has(object)) throw new TypeError('a value contains itself');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    const items: string[] = [];
    for (let i = 0; i < object.length; i++) {
      if (!(i in object) || object[i] === undefined) throw new TypeError(`array item ${i} is missing`);
      items.push(write(object[i], ancestors));
    }
    text = `[${items.join(',')}]`;
  } else {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) throw new TypeError('not a plain object');
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(record[key], ancestors)}`);
    }
    text = `{${members.join(',')}}`;
  }
  ancestors.delete(object);
  return text;
}
