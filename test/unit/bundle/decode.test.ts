import fc from 'fast-check';
import { zipSync } from 'fflate';
import { PARKING_BUDGET } from '../../../shared/sync/parking';
import { describe, expect, it } from 'vitest';
import {
  bundleInfo,
  decodeBundle,
  encodeBundle,
  REFUSAL_REASONS,
  verifyBundle,
  type BundleRefusal,
  type RefusalReason,
} from '../../../shared/sync/bundle/index';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { changeSchema } from '../../../shared/sync/change';
import {
  changeLines,
  entriesOf,
  junkInput,
  linesToBytes,
  rebuild,
  smallBundle,
  smallInput,
  text,
  utf8,
  withChange,
  withLines,
} from './bundleFixtures';
import { assembleZip, prepareEntry } from '../../../shared/sync/bundle/zipWrite';
import { patch } from './zipPatch';
import { APP_TABLES } from '../../../shared/app/registry';

const blob = utf8('a scanned letter, say');
const good = await smallBundle(12, [blob]);
const blobHash = await sha256Hex(blob);

async function refusal(bytes: Uint8Array, options = {}): Promise<BundleRefusal> {
  const result = await decodeBundle(bytes, { tables: APP_TABLES, ...options });
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('decodeBundle on an intact bundle', () => {
  it('returns the manifest, the changes in clock order and the blobs', async () => {
    const result = await decodeBundle(good, { tables: APP_TABLES, expectedCounty: 'LT' });
    if (!result.ok) throw new Error(result.reason);
    const input = smallInput(12);
    expect(result.changes).toEqual(input.changes);
    expect(result.changes.every((c) => changeSchema.safeParse(c).success)).toBe(true);
    expect([...result.blobs]).toEqual([[blobHash, blob]]);
    expect(result.manifest).toMatchObject({
      format: 'league-desk-bundle',
      version: 1,
      county: { code: 'LT' },
      sender: { device: 'de00000000000001', account: 'demo', scope: 'LT' },
      kind: 'full',
      counts: { changes: 12, blobs: 1, byTable: { org: 12 } },
      parts: { 'changes.ndjson': expect.stringMatching(/^[0-9a-f]{64}$/), [`blobs/${blobHash}`]: blobHash },
      vector: { de00000000000001: input.changes.at(-1)!.hlc },
    });
  });

  it('reports progress in bytes of parts, ending at the total', async () => {
    const seen: Array<[number, number]> = [];
    await decodeBundle(good, { tables: APP_TABLES, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBe(2);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
  });

  it('accepts a bundle with no changes at all', async () => {
    const empty = await encodeBundle({ ...smallInput(0), vector: {} }, { tables: APP_TABLES });
    const result = await decodeBundle(empty, { tables: APP_TABLES });
    expect(result.ok && result.changes).toEqual([]);
  });

  it('keeps a change repeated word for word once, and counts its lines', async () => {
    const repeated = await rebuild(
      good,
      (entries, manifest) => {
        const lines = changeLines(entries);
        entries['changes.ndjson'] = linesToBytes([lines[0]!, ...lines]);
        manifest.counts.changes += 1;
        manifest.counts.byTable['org']! += 1;
      },
      { rehash: true },
    );
    const result = await decodeBundle(repeated, { tables: APP_TABLES });
    expect(result.ok && result.changes.length).toBe(12);
  });

  it('forgives a missing newline at the end, as the checksum vouches for the bytes', async () => {
    const bytes = await rebuild(good, (entries) => void (entries['changes.ndjson'] = utf8(changeLines(entries).join('\n'))), { rehash: true });
    expect((await decodeBundle(bytes, { tables: APP_TABLES })).ok).toBe(true);
  });

  it('carries the sending PC\'s name as format version 2, and writes version 1 when the PC has none', async () => {
    const named = await encodeBundle({ ...smallInput(3), sender: { ...smallInput(3).sender, name: '轮台镇团委 1号机' } }, { tables: APP_TABLES });
    const result = await decodeBundle(named, { tables: APP_TABLES });
    expect(result.ok && result.manifest).toMatchObject({ version: 2, sender: { name: '轮台镇团委 1号机' } });
    const unnamed = await decodeBundle(await encodeBundle({ ...smallInput(3), sender: { ...smallInput(3).sender, name: undefined } }, { tables: APP_TABLES }), { tables: APP_TABLES });
    expect(unnamed.ok && unnamed.manifest.version).toBe(1);
    expect(unnamed.ok && 'name' in unnamed.manifest.sender).toBe(false);
  });

  it('reads a version-2 file without a sender name', async () => {
    const bytes = await rebuild(good, (_, m) => void (m['version'] = 2));
    expect(await decodeBundle(bytes, { tables: APP_TABLES })).toMatchObject({ ok: true, manifest: { version: 2 } });
  });

  it('verifyBundle and bundleInfo agree with it', async () => {
    expect(await verifyBundle(good, { tables: APP_TABLES })).toMatchObject({ ok: true, changes: 12, blobs: 1 });
    const info = bundleInfo(good);
    expect(info.ok && info.entries.map((e) => e.name)).toEqual(['manifest.json', 'changes.ndjson', `blobs/${blobHash}`]);
  });
});

/** One hostile or damaged bundle per case; together they produce every reason code. */
const CASES: Array<[string, RefusalReason, () => Promise<Uint8Array>, object?]> = [
  ['a text file', 'not-a-zip', async () => utf8('hello')],
  ['a bundle cut in half', 'truncated', async () => good.subarray(0, good.length >> 1)],
  ['a zip without a manifest', 'unknown-format', async () => zipSync({ 'readme.txt': utf8('hi') })],
  ['another program\'s manifest', 'unknown-format', async () => rebuild(good, (_, m) => void (m['format'] = 'other-app'))],
  ['format version 0', 'unknown-format', async () => rebuild(good, (_, m) => void (m['version'] = 0))],
  ['format version "1"', 'unknown-format', async () => rebuild(good, (_, m) => void (m['version'] = '1'))],
  ['format version 4', 'newer-format', async () => rebuild(good, (_, m) => void (m['version'] = 4))],
  ['a version-1 manifest naming its sender', 'manifest-invalid', async () => rebuild(good, (_, m) => void ((m['sender'] as Record<string, unknown>)['name'] = '县团委 1号机'))],
  ['a sender name carrying direction characters', 'manifest-invalid', async () =>
    rebuild(good, (_, m) => {
      m['version'] = 2;
      (m['sender'] as Record<string, unknown>)['name'] = '县团委\u202E1号机';
    })],
  ['a manifest that is not JSON', 'manifest-invalid', async () => rebuild(good, (e) => void (e['manifest.json'] = utf8('{nope')))],
  ['a manifest with an unknown key', 'manifest-invalid', async () => rebuild(good, (_, m) => void (m['extra'] = 1))],
  ['a manifest without a creation time', 'manifest-invalid', async () => rebuild(good, (_, m) => void delete m['created'])],
  ['a wrong change count', 'manifest-invalid', async () => rebuild(good, (_, m) => void (m.counts.changes = 11))],
  ['a wrong per-table count', 'manifest-invalid', async () => rebuild(good, (_, m) => void (m.counts.byTable = { org: 11, round: 1 }))],
  ['a wrong blob count', 'manifest-invalid', async () => rebuild(good, (_, m) => void (m.counts.blobs = 0))],
  ['a vector behind its changes', 'manifest-invalid', async () => rebuild(good, (_, m) => void (m['vector'] = { de00000000000001: '2026-01-25T00:00:00.000Z-0000-de00000000000001' }))],
  ['a full bundle whose vector names a device without changes', 'manifest-invalid', async () =>
    rebuild(good, (_, m) => void ((m['vector'] as Record<string, string>)['00000000000000ff'] = '2026-01-25T00:00:00.000Z-0000-00000000000000ff'))],
  ['a blob listed under another hash', 'manifest-invalid', async () => rebuild(good, (_, m) => void (m.parts[`blobs/${blobHash}`] = '0'.repeat(64)))],
  ['a listed blob missing', 'part-missing', async () => rebuild(good, (e) => void delete e[`blobs/${blobHash}`])],
  ['the change log missing', 'part-missing', async () => rebuild(good, (e) => void delete e['changes.ndjson'])],
  ['a change log altered, not re-hashed', 'hash-mismatch', async () => withLines(good, (l) => l.slice(1)).then((b) => rebuild(b, (_, m) => void (m.parts['changes.ndjson'] = '1'.repeat(64))))],
  ['a blob altered', 'hash-mismatch', async () => rebuild(good, (e) => void (e[`blobs/${blobHash}`] = utf8('another letter')))],
  ['a flipped bit in the manifest', 'hash-mismatch', async () => patch(good, (v, at) => v.setUint8(at.local[0]! + 30 + 13 + 40, v.getUint8(at.local[0]! + 30 + 13 + 40) ^ 4))],
  ['a record that is not JSON', 'record-invalid', async () => withLines(good, (l) => ['{', ...l.slice(1)])],
  ['an empty line', 'record-invalid', async () => withLines(good, (l) => [l[0]!, '', ...l.slice(1)])],
  ['a record without an author', 'record-invalid', async () => withChange(good, 3, (c) => void delete c['author'])],
  ['a record whose id is not its stamp', 'record-invalid', async () => withChange(good, 3, (c) => void (c['id'] = String(c['id']).replace('0003', '0fff')))],
  ['a record stamped by another device', 'record-invalid', async () => withChange(good, 3, (c) => void (c['device'] = '00000000000000aa'))],
  ['a record outside the county', 'record-invalid', async () => withChange(good, 3, (c) => void (c['scope'] = 'KC-01'))],
  ['a record with a negative member count', 'record-invalid', async () =>
    withChange(good, 3, (c) => Object.assign(c, { table: 'statReport', fields: { members: -5 }, base: { members: '' } }))],
  ['a record writing a reserved field', 'record-invalid', async () => withChange(good, 3, (c) => Object.assign(c, { fields: { _clock: {} }, base: { _clock: '' } }))],
  ['a record with a table name that is no identifier', 'record-invalid', async () => withChange(good, 3, (c) => void (c['table'] = 'constructor!'))],
  ['records out of clock order', 'record-invalid', async () => withLines(good, (l) => [l[1]!, l[0]!, ...l.slice(2)])],
  ['a record nested 40 deep', 'record-invalid', async () => withChange(good, 3, (c) => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    Object.assign(c, { table: 'futureTable', fields: { x: deep }, base: { x: '' } });
  })],
  ['a record with invalid UTF-8', 'record-invalid', async () =>
    rebuild(good, (e) => void (e['changes.ndjson'] = new Uint8Array([...e['changes.ndjson']!.subarray(0, 10), 0xff, ...e['changes.ndjson']!.subarray(11)])), { rehash: true })],
  ['a zip-slip entry name', 'unsafe-entry-name', async () => rebuild(good, (e) => void (e['../../evil.lnk'] = utf8('x')))],
  ['an absolute entry name', 'unsafe-entry-name', async () => rebuild(good, (e) => void (e['/etc/passwd'] = utf8('x')))],
  ['a drive-letter entry name', 'unsafe-entry-name', async () => rebuild(good, (e) => void (e['C:evil.txt'] = utf8('x')))],
  ['a backslash entry name', 'unsafe-entry-name', async () => rebuild(good, (e) => void (e['blobs\\x'] = utf8('x')))],
  ['a terminal escape in an entry name', 'unsafe-entry-name', async () => rebuild(good, (e) => void (e['\u001b[2Jx'] = utf8('x')))],
  ['two entries of one name', 'unsafe-entry-name', async () =>
    // fflate keys entries by name, so the twins are laid out by the low-level writer.
    assembleZip([prepareEntry('a.txt', utf8('1')), prepareEntry('a.txt', utf8('2'))])],
  ['a part over the entry limit', 'entry-too-large', async () => good, { maxEntryBytes: 1000 }],
  ['parts over the total limit', 'bundle-too-large', async () => good, { maxTotalBytes: 1000 }],
  ['an entry inflating 1000×', 'compression-bomb', async () => rebuild(good, (e) => void (e['blobs/bomb'] = new Uint8Array(2_000_000)))],
  ['the same id with other content', 'duplicate-change', async () => withLines(good, (l) => {
    const twin = JSON.parse(l[0]!) as Record<string, unknown>;
    twin['author'] = 'someone-else';
    return [l[0]!, JSON.stringify(twin), ...l.slice(1)];
  })],
  ['a trust record that is no JSON', 'trust-invalid', async () =>
    rebuild(good, (e, m) => {
      e['trust.ndjson'] = utf8('{"format":"league-desk-seal"\n');
      Object.assign(m, { version: 3 });
      Object.assign(m.counts, { trust: 1 });
      m.parts['trust.ndjson'] = '';
    }, { rehash: true })],
  ['another county', 'wrong-county', async () => good, { expectedCounty: 'KC' }],
  ['an unlisted entry', 'unexpected-entry', async () => rebuild(good, (e) => void (e['notes.txt'] = utf8('x')))],
  ['a directory entry', 'unexpected-entry', async () => rebuild(good, (e) => void (e['blobs/'] = new Uint8Array(0)))],
  ['more changes for an unknown table than the parking budget', 'too-many-parked', async () => encodeBundle(junkInput(3), { tables: APP_TABLES }), { parkingBudget: 2 }],
];

describe('decodeBundle refuses', () => {
  it.each(CASES)('%s: %s', async (_name, reason, make, options) => {
    const result = await refusal(await make(), options);
    expect(result.reason, result.detail.problem).toBe(reason);
    expect(result.detail.problem.length).toBeGreaterThan(0);
    expect(result.detail.problem).not.toMatch(/[\u0000-\u001f]/);
  });

  it('names the line of an invalid record, counting from 1', async () => {
    const result = await refusal(await withChange(good, 3, (c) => void delete c['author']));
    expect(result).toMatchObject({ reason: 'record-invalid', detail: { line: 4 } });
  });

  it('names the id and line of a duplicate', async () => {
    const lines = changeLines(entriesOf(good));
    const first = JSON.parse(lines[0]!) as { id: string };
    const result = await refusal(await withLines(good, (l) => [l[0]!, l[0]!.replace('"demo"', '"demo2"'), ...l.slice(1)]));
    expect(result).toMatchObject({ reason: 'duplicate-change', detail: { id: first.id, line: 2 } });
  });

  it('with every reason code among the cases above', () => {
    expect(new Set(CASES.map(([, reason]) => reason))).toEqual(new Set(REFUSAL_REASONS));
  });

  it('the newer format with its version, so the message can name it', async () => {
    const result = await refusal(await rebuild(good, (_, m) => void (m['version'] = 7)));
    expect(result).toMatchObject({ reason: 'newer-format', detail: { version: 7 } });
  });

  it('checks names before sizes: a hostile name is reported as such even when its entry is huge', async () => {
    const bytes = await rebuild(good, (e) => void (e['../x'] = new Uint8Array(2_000_000)));
    expect((await refusal(bytes)).reason).toBe('unsafe-entry-name');
  });

  it('bundleInfo refuses what cannot be read, but not what only verifying finds', async () => {
    expect(bundleInfo(utf8('hello'))).toMatchObject({ ok: false, reason: 'not-a-zip' });
    const tampered = await rebuild(good, (e) => void (e[`blobs/${blobHash}`] = utf8('another letter')));
    expect(bundleInfo(tampered).ok).toBe(true);
    expect(await verifyBundle(tampered, { tables: APP_TABLES })).toMatchObject({ ok: false, reason: 'hash-mismatch' });
  });

  it('escapes what it quotes from the file', async () => {
    const result = await refusal(await rebuild(good, (e) => void (e['\u001b[31m\u202eevil'] = utf8('x'))));
    expect(result.reason).toBe('unsafe-entry-name');
    if (result.reason === 'unsafe-entry-name') expect(result.detail.entry).toBe('\\u001b[31m\\u202eevil');
    expect(text(utf8(result.detail.problem))).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('the parking budget', () => {
  it('refuses a file of 50,000 junk changes for an unknown table, with the count and the budget', async () => {
    const result = await refusal(await encodeBundle(junkInput(50_000), { tables: APP_TABLES }));
    expect(result).toMatchObject({ reason: 'too-many-parked', detail: { parked: 50_000, limit: PARKING_BUDGET } });
  }, 60_000);

  it('accepts a file at the budget, refuses one over it (any budget)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -2, max: 2 }), async (budget, offset) => {
        const count = Math.max(0, budget + offset);
        const decoded = await decodeBundle(await encodeBundle(junkInput(count), { tables: APP_TABLES }), { tables: APP_TABLES, parkingBudget: budget });
        if (count <= budget) expect(decoded.ok).toBe(true);
        else expect(decoded).toMatchObject({ ok: false, reason: 'too-many-parked', detail: { parked: count, limit: budget } });
      }),
      { numRuns: 30 },
    );
  });
});
