/**
 * The ways the fuzz test damages a bundle: the accidents of USB drives (bits flipped, files cut
 * short, entries lost) and the edits of someone tampering by hand or by script (manifest numbers,
 * records re-hashed so only the schema can catch them, names that climb out of folders, bombs).
 * Each takes a seeded generator, so a failing case can be replayed from its iteration number.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Prng } from '../../../shared/demo/prng';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { text, utf8, type Manifest } from './bundleFixtures';
import { duplicateCentralEntry, layout } from './zipPatch';

export interface Pristine {
  bytes: Uint8Array;
  entries: Record<string, Uint8Array>;
}

export type Mutation = (base: Pristine, prng: Prng) => Promise<Uint8Array>;

/** An item at random; from an empty list (an earlier edit emptied it), `undefined`, which makes an edit of its own. */
const pick = <T>(prng: Prng, items: readonly T[]): T => items[prng.intBetween(0, Math.max(0, items.length - 1))]!;
const hex = (prng: Prng, length: number) => Array.from({ length }, () => pick(prng, [...'0123456789abcdef'])).join('');

/** A random JSON value, small, sometimes of the right type for a field and sometimes not. */
export function randomValue(prng: Prng, depth = 0): unknown {
  switch (prng.intBetween(0, depth > 2 ? 5 : 7)) {
    case 0: return null;
    case 1: return prng.intBetween(0, 1) === 1;
    case 2: return prng.intBetween(-5, 100_000);
    case 3: return prng.intBetween(0, 1) ? 1.5 : -0.25;
    case 4: return pick(prng, ['', 'LT', 'LT-01', '2026-01-25', 'x'.repeat(prng.intBetween(1, 300)), '\u0000', '=cmd|calc', 'ئىتتىپاق']);
    case 5: return pick(prng, ['draft', 'approved', 'county', 'branch', '2025', 'demo-LT']);
    case 6: return Array.from({ length: prng.intBetween(0, 3) }, () => randomValue(prng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: prng.intBetween(0, 3) }, () => [pick(prng, ['zh', 'ug', 'a', '_deleted', 'members']), randomValue(prng, depth + 1)]));
  }
}

async function zip(entries: Record<string, Uint8Array>, manifest?: Manifest, rehash = false): Promise<Uint8Array> {
  const out = { ...entries };
  if (manifest) {
    if (rehash) for (const name of Object.keys(manifest.parts)) if (out[name]) manifest.parts[name] = await sha256Hex(out[name]!);
    out['manifest.json'] = utf8(JSON.stringify(manifest));
  }
  return zipSync(out as Zippable, { mtime: new Date('2026-01-01T00:00:00Z') });
}

const manifestOf = (base: Pristine) => JSON.parse(text(base.entries['manifest.json']!)) as Manifest;
const linesOf = (base: Pristine) => text(base.entries['changes.ndjson']!).split('\n').filter((l) => l !== '');

export const MUTATIONS: Record<string, Mutation> = {
  async flipBits(base, prng) {
    const out = base.bytes.slice();
    for (let i = prng.intBetween(1, 8); i > 0; i--) {
      const at = prng.intBetween(0, out.length - 1);
      out[at] = out[at]! ^ (1 << prng.intBetween(0, 7));
    }
    return out;
  },

  async truncate(base, prng) {
    return base.bytes.slice(0, prng.intBetween(0, base.bytes.length - 1));
  },

  async overwriteRange(base, prng) {
    const out = base.bytes.slice();
    const start = prng.intBetween(0, out.length - 1);
    for (let i = start; i < Math.min(out.length, start + prng.intBetween(1, 64)); i++) out[i] = prng.nextUint32() & 0xff;
    return out;
  },

  async removeEntry(base, prng) {
    const entries = { ...base.entries };
    delete entries[pick(prng, Object.keys(entries))];
    return zip(entries);
  },

  async editManifest(base, prng) {
    const m = manifestOf(base);
    const record = m as Record<string, unknown>;
    const edits: Array<() => void> = [
      () => (m.counts.changes += pick(prng, [-2, -1, 1, 1000])),
      () => (m.counts.blobs += pick(prng, [-1, 1])),
      () => (m.counts.byTable[pick(prng, ['org', 'statReport', 'round', 'other'])] = prng.intBetween(0, 40)),
      () => (m.parts[pick(prng, Object.keys(m.parts))] = hex(prng, 64)),
      () => (m.parts[`blobs/${hex(prng, 64)}`] = hex(prng, 64)),
      () => delete m.parts[pick(prng, Object.keys(m.parts))],
      () => (record['version'] = pick(prng, [0, 2, 3, 99, -1, 1.5, '1', null])),
      () => (record['format'] = pick(prng, ['league-desk', '', 'LEAGUE-DESK-BUNDLE'])),
      () => (record['county'] = pick<unknown>(prng, [{ code: 'KC' }, { code: 'lt' }, { code: 'LT', name: { zh: 1 } }, 'LT', { code: 'LT', extra: 1 }])),
      () => (record['kind'] = pick(prng, ['changes', 'full', 'backup'])),
      () => (record['created'] = pick(prng, ['2026-02-30T00:00:00.000Z', 'yesterday', '2030-01-01T00:00:00.000Z', 0])),
      () => (record['sender'] = pick<unknown>(prng, [{ device: 'nope', account: 'a' }, { device: hex(prng, 16), account: '' }, { device: hex(prng, 16), account: 'other' }])),
      () => (record['vector'] = pick<unknown>(prng, [{}, { [hex(prng, 16)]: '2026-01-25T00:00:00.000Z-0000-de00000000000001' }, { de00000000000001: '2020-01-01T00:00:00.000Z-0000-de00000000000001' }, { de00000000000001: '2099-01-01T00:00:00.000Z-0000-de00000000000001' }, []])),
      () => (record[pick(prng, ['signature', 'app', '__proto__'])] = randomValue(prng)),
      () => delete record[pick(prng, Object.keys(record))],
    ];
    for (let i = prng.intBetween(1, 2); i > 0; i--) pick(prng, edits)();
    return zip(base.entries, m);
  },

  /** Records altered and re-hashed (counts kept up to date too), so only the record checks stand guard. */
  async alterRecords(base, prng) {
    const m = manifestOf(base);
    const lines = linesOf(base);
    const i = prng.intBetween(0, lines.length - 1);
    const change = JSON.parse(lines[i]!) as Record<string, unknown>;
    const keys = Object.keys(change);
    const edits: Array<() => void> = [
      () => delete change[pick(prng, keys)],
      () => (change[pick(prng, keys)] = randomValue(prng)),
      () => (change['fields'] = { [pick(prng, ['members', 'status', 'name', 'kind', 'code', '_deleted', 'id', '_clock', 'newField'])]: randomValue(prng) }),
      () => (change['table'] = pick(prng, ['org', 'statReport', 'round', 'future', 'constructor', '__proto__', ''])),
      () => (change['scope'] = pick(prng, ['LT', 'LT-01', 'LTX', 'KC-01', ''])),
      () => (change['schema'] = pick(prng, [0, 1, 2, 99, 1.5])),
      () => (change['author'] = pick(prng, ['demo', 'mallory', ''])),
    ];
    for (let n = prng.intBetween(1, 2); n > 0; n--) pick(prng, edits)();
    const edited = [...lines];
    switch (prng.intBetween(0, 3)) {
      case 0: edited[i] = JSON.stringify(change); break;
      case 1: edited.splice(i, 0, JSON.stringify(change)); m.counts.changes += 1; break;
      case 2: edited.splice(i, 1); m.counts.changes -= 1; break;
      default: {
        const j = prng.intBetween(0, lines.length - 1);
        [edited[i], edited[j]] = [edited[j]!, edited[i]!];
      }
    }
    const entries = { ...base.entries, 'changes.ndjson': utf8(edited.map((l) => `${l}\n`).join('')) };
    return zip(entries, m, true);
  },

  /**
   * Trust records edited by hand, re-hashed (a bundle of version 3): a signature, key or field
   * changed, a field removed, a record of another kind, a line that is no JSON, a line added or
   * dropped. A bundle without trust records gets some. Only the record schemas and the counts can
   * catch these; a changed signature or hash still parses (the import's decisions refuse its changes).
   */
  async alterTrust(base, prng) {
    const m = manifestOf(base);
    const lines = base.entries['trust.ndjson'] ? text(base.entries['trust.ndjson']).split('\n').filter((l) => l !== '') : [];
    const edited = [...lines];
    const i = prng.intBetween(0, Math.max(0, lines.length - 1));
    const record = lines[i] ? (JSON.parse(lines[i]) as Record<string, unknown>) : { format: 'league-desk-seal', version: 1 };
    const keys = Object.keys(record);
    const edits: Array<() => void> = [
      () => delete record[pick(prng, keys)],
      () => (record[pick(prng, keys)] = randomValue(prng)),
      () => (record['signature'] = `${hex(prng, 8)}${String(record['signature'] ?? '').slice(8)}`),
      () => (record['format'] = pick(prng, ['league-desk-seal', 'league-desk-certificate', 'league-desk-revocation', 'league-desk-authority', 'other'])),
      () => (record['version'] = pick(prng, [0, 1, 2, '1', 1.5])),
      () => (record['extra'] = 1),
    ];
    for (let n = prng.intBetween(1, 2); n > 0; n--) pick(prng, edits)();
    switch (prng.intBetween(0, 3)) {
      case 0: edited[i] = JSON.stringify(record); break;
      case 1: edited.splice(i, 0, JSON.stringify(record)); break;
      case 2: edited.splice(i, 1); break;
      default: edited[i] = pick(prng, ['{', '[]', '"seal"', 'null']);
    }
    const counted = prng.intBetween(0, 4) > 0;
    const entries: Record<string, Uint8Array> = { ...base.entries, 'trust.ndjson': utf8(edited.map((l) => `${l}\n`).join('')) };
    const counts = m.counts as Manifest['counts'] & { trust?: number };
    if (edited.length === 0) {
      delete entries['trust.ndjson'];
      delete m.parts['trust.ndjson'];
      delete counts.trust;
    } else {
      m.parts['trust.ndjson'] = '';
      counts.trust = counted ? edited.length : edited.length + 1;
      (m as Record<string, unknown>)['version'] = 3;
    }
    return zip(entries, m, true);
  },

  /** Changed bytes without a new hash: what damage in transit looks like once the zip is intact. */
  async alterWithoutRehash(base, prng) {
    const lines = linesOf(base);
    const i = prng.intBetween(0, lines.length - 1);
    const line = lines[i]!;
    const digit = line.search(/\d/);
    lines[i] = prng.intBetween(0, 1)
      ? `${line} ` // still the same JSON, not the same bytes
      : `${line.slice(0, digit)}${(Number(line[digit]) + 1) % 10}${line.slice(digit + 1)}`;
    return zip({ ...base.entries, 'changes.ndjson': utf8(lines.map((l) => `${l}\n`).join('')) });
  },

  async unsafeName(base, prng) {
    const name = pick(prng, ['../evil', '../../../../etc/cron.d/x', '/abs', '\\\\server\\share', 'C:\\x', 'c:x', 'blobs\\..\\x', 'a/../../b', '\u0000', 'x\u001b[2J']);
    const m = manifestOf(base);
    if (prng.intBetween(0, 1)) m.parts[name] = hex(prng, 64);
    return zip({ ...base.entries, [name]: randomBytes(prng, prng.intBetween(0, 100)) }, m);
  },

  async bomb(base, prng) {
    const name = `blobs/${hex(prng, 64)}`;
    const m = manifestOf(base);
    const data = new Uint8Array(prng.intBetween(1, 4) * 1024 * 1024).fill(prng.intBetween(0, 255));
    if (prng.intBetween(0, 1)) {
      m.parts[name] = await sha256Hex(data);
      m.counts.blobs += 1;
    }
    return zip({ ...base.entries, [name]: data }, m);
  },

  /** A lying size in the directory (and local header), with or without the compression ratio in range. */
  async lyingSize(base, prng) {
    const out = base.bytes.slice();
    const view = new DataView(out.buffer);
    const at = layout(out);
    const i = prng.intBetween(0, at.central.length - 1);
    const size = prng.intBetween(0, 1) ? prng.intBetween(0, 2000) : prng.intBetween(0, 0xfffffffe);
    view.setUint32(at.central[i]! + 24, size, true);
    if (prng.intBetween(0, 1)) view.setUint32(at.local[i]! + 22, size, true);
    return out;
  },

  async duplicateEntry(base, prng) {
    return duplicateCentralEntry(base.bytes, prng.intBetween(0, layout(base.bytes).central.length - 1));
  },

  async unexpectedEntry(base, prng) {
    const name = pick(prng, ['notes.txt', 'blobs/', 'blobs/abc', '__MACOSX/._manifest.json', 'changes.ndjson.bak', 'MANIFEST.JSON']);
    return zip({ ...base.entries, [name]: randomBytes(prng, prng.intBetween(0, 50)) });
  },
};

function randomBytes(prng: Prng, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => prng.nextUint32() & 0xff);
}
