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

/**
 * `canonicalJson(change)`, character for character, for a change as `parseChange` returns it: the
 * ten keys of the schema and nothing else, its other values texts and its `schema` a whole number, its
 * `base` text to text. Written out directly, which is several times quicker than sorting and
 * walking it, because an export writes every change the PC holds. A change with a field value
 * other than text, a finite number, true, false or null (an object, an array, anything JSON cannot
 * carry) goes through `canonicalJson` itself, which also throws what it throws.
 */
export function canonicalChangeJson(change: {
  id: string;
  hlc: string;
  device: string;
  author: string;
  table: string;
  row: string;
  fields: Record<string, unknown>;
  base: Record<string, string>;
  scope: string;
  schema: number;
}): string {
  const fields = flatMembers(change.fields);
  const base = fields === undefined ? undefined : flatMembers(change.base);
  if (fields === undefined || base === undefined) return canonicalJson(change);
  // Keys in canonical order: author, base, device, fields, hlc, id, row, schema, scope, table.
  return (
    `{"author":${JSON.stringify(change.author)},"base":${base},"device":${JSON.stringify(change.device)},"fields":${fields},` +
    `"hlc":${JSON.stringify(change.hlc)},"id":${JSON.stringify(change.id)},"row":${JSON.stringify(change.row)},` +
    `"schema":${JSON.stringify(change.schema)},"scope":${JSON.stringify(change.scope)},"table":${JSON.stringify(change.table)}}`
  );
}

/** A plain object of flat values as canonical JSON, or undefined when a value is not flat. */
function flatMembers(record: Record<string, unknown>): string | undefined {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) return undefined;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    let json: string;
    switch (typeof value) {
      case 'undefined':
        continue;
      case 'string':
      case 'boolean':
        json = JSON.stringify(value);
        break;
      case 'number':
        if (!Number.isFinite(value)) return undefined;
        json = JSON.stringify(value);
        break;
      default:
        if (value !== null) return undefined;
        json = 'null';
    }
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${json}`;
  }
  return `${text}}`;
}
