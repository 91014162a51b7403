import { describe, expect, it } from 'vitest';
import { APP_TABLES } from '../../../shared/app/registry';
import { createPrng } from '../../../shared/demo/prng';
import { demoBundleInput } from '../../../shared/app/demo';
import { BundleEncodeError, decodeBundle, encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import { MAX_TRUST_RECORDS } from '../../../shared/sync/bundle/trustLines';
import { carriedRecordProblem } from '../../../shared/trust/carried';
import { demoCounty } from '../../../shared/trust/demo';
import { sealChanges } from '../../../shared/trust/seal';
import { entriesOf, rebuild, text, utf8 } from './bundleFixtures';

/** Format version 3: trust.ndjson carries the seals, certificates, revocations and successions. */

const options = { tables: APP_TABLES, trustRecord: carriedRecordProblem };

async function signedDemo(): Promise<{ input: BundleInput; trust: object[] }> {
  const demo = demoBundleInput();
  const county = await demoCounty();
  const changes = demo.changes.slice(0, 20);
  const input: BundleInput = { ...demo, changes, vector: { [changes[0]!.device]: changes.at(-1)!.hlc } };
  return { input, trust: [await sealChanges(changes, county.device), county.device.certificate] };
}

async function decoded(bytes: Uint8Array) {
  const result = await decodeBundle(bytes, options);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail.problem}`);
  return result;
}

describe('bundle format version 3', () => {
  it('carries trust records as canonical JSON lines, listed with their hash and counted; they come back as written', async () => {
    const { input, trust } = await signedDemo();
    const bytes = await encodeBundle({ ...input, trust }, options);
    const result = await decoded(bytes);
    expect(result.manifest).toMatchObject({ version: 3, counts: { trust: 2 }, parts: { 'trust.ndjson': expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(result.trust).toHaveLength(2);
    expect(result.trust).toEqual(expect.arrayContaining(trust));
    const lines = text(entriesOf(bytes)['trust.ndjson']!).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([...lines.slice(0, -1)].sort());
  });

  it('is deterministic: the same records in any order and repeated give the same bytes', async () => {
    const { input, trust } = await signedDemo();
    const a = await encodeBundle({ ...input, trust }, options);
    const b = await encodeBundle({ ...input, trust: [...trust].reverse().concat(trust) }, options);
    expect(b).toEqual(a);
  });

  it('writes version 1 or 2 when there are no trust records, and a reader of 3 reads those with none', async () => {
    const { input } = await signedDemo();
    const plain = await decoded(await encodeBundle(input, options));
    expect(plain.manifest.version).toBeLessThan(3);
    expect(plain.trust).toEqual([]);
  });

  it('refuses to write a record the reader would refuse', async () => {
    const { input, trust } = await signedDemo();
    const broken = { ...(trust[1] as Record<string, unknown>), role: 'emperor' };
    await expect(encodeBundle({ ...input, trust: [broken] }, options)).rejects.toBeInstanceOf(BundleEncodeError);
    await expect(encodeBundle({ ...input, trust: [{ format: 'league-desk-authority', version: 1 }] }, options)).rejects.toBeInstanceOf(BundleEncodeError);
  });

  const withTrustLines = async (lines: string[], count = lines.length) => {
    const { input, trust } = await signedDemo();
    const good = await encodeBundle({ ...input, trust }, options);
    return rebuild(
      good,
      (entries, manifest) => {
        entries['trust.ndjson'] = utf8(lines.map((l) => `${l}\n`).join(''));
        Object.assign(manifest.counts, { trust: count });
      },
      { rehash: true },
    );
  };

  it.each([
    ['a line that is not JSON', ['{"format":']],
    ['a line that is not an object', ['[1,2]']],
    ['a record of a kind no bundle carries', [JSON.stringify({ format: 'league-desk-authority-key', version: 1 })]],
    ['a certificate missing its key', [JSON.stringify({ format: 'league-desk-certificate', version: 1, county: 'LT' })]],
    ['a seal with an unknown field', [JSON.stringify({ format: 'league-desk-seal', version: 1, extra: true })]],
  ])('refuses %s as trust-invalid, naming the line', async (_name, lines) => {
    const { trust } = await signedDemo();
    const result = await decodeBundle(await withTrustLines([JSON.stringify(trust[1]), ...lines]), options);
    expect(result).toMatchObject({ ok: false, reason: 'trust-invalid', detail: { line: 2 } });
  });

  it('accepts a record of a newer version (a newer build reads it) and refuses a wrong count', async () => {
    const { trust } = await signedDemo();
    const newer = JSON.stringify({ ...(trust[0] as object), version: 2 });
    expect((await decodeBundle(await withTrustLines([newer]), options)).ok).toBe(true);
    expect(await decodeBundle(await withTrustLines([newer], 2), options)).toMatchObject({ ok: false, reason: 'manifest-invalid' });
  });

  it('refuses more than the limit of trust records', async () => {
    // Lines of random noise, so the part does not compress like a bomb.
    const prng = createPrng(7);
    const lines = Array.from({ length: MAX_TRUST_RECORDS + 1 }, () => JSON.stringify({ format: 'league-desk-x', version: 1, noise: prng.nextUint32().toString(36) }));
    const result = await decodeBundle(await withTrustLines(lines), { tables: APP_TABLES });
    expect(result).toMatchObject({ ok: false, reason: 'trust-invalid' });
  });
});
