import { describe, expect, it } from 'vitest';
import { createAuthority, normalizeRecoveryCode, openRecoveryKey } from '../../../shared/trust/authority';
import { generationAfter } from '../../../shared/trust/authorityRecords';
import { readAuthorityFile, writeAuthorityFile, type AuthorityFile } from '../../../shared/trust/authorityFile';
import { authorityGenerations } from '../../../shared/trust/chain';
import { demoCounty, DEMO_RECOVERY_CODE } from '../../../shared/trust/demo';
import { fromBase64Url, toBase64Url } from '../../../shared/trust/encoding';
import { fingerprint, keyId, signBytes, verifyBytes } from '../../../shared/trust/keys';
import { checkAuthorityRecord, prepareMaterial } from '../../../shared/trust/material';
import { demoBundleInput } from '../../../shared/sync/bundle/demo';
import { sealChanges } from '../../../shared/trust/seal';
import { PBKDF2_ITERATIONS } from '../../../shared/trust/sealedKey';
import { recordId } from '../../../shared/trust/signed';
import { ISO, ITERATIONS, makeCounty, PASSPHRASE, succeed, T0 } from './trustFixtures';

const data = new TextEncoder().encode('certificate body');

async function canSign(keys: { publicKey: Parameters<typeof verifyBytes>[0]; privateKey: Parameters<typeof signBytes>[1] }) {
  return verifyBytes(keys.publicKey, await signBytes(keys.publicKey.algorithm, keys.privateKey, data), data);
}

describe('setting up the county’s authority', () => {
  it('makes a self-signed authority record, a recovery code to print and an encrypted file for a USB drive', async () => {
    const county = await makeCounty();
    const { record, recoveryCode, file, authority } = county.created;
    expect(county.home.signature).toBe('valid');
    expect(record).toMatchObject({ format: 'league-desk-authority', version: 1, county: 'LT', demo: false });
    expect(recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(file).toMatchObject({ format: 'league-desk-authority-key', county: 'LT', demo: false, successions: [] });
    expect(file.key).toEqual(record.key);
    expect(authority.privateKey.extractable).toBe(false);
    expect(fingerprint(record.key)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  });

  it('writes the file with 600,000 PBKDF2 iterations unless told otherwise', async () => {
    const made = await createAuthority({ county: 'LT', passphrase: PASSPHRASE, created: ISO(T0) });
    expect(made.ok && made.value.file.sealed.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('refuses a passphrase shorter than 10 characters', async () => {
    expect(await createAuthority({ county: 'LT', passphrase: '团县委2026', created: ISO(T0), iterations: ITERATIONS })).toEqual({ ok: false, reason: 'weak-passphrase' });
  });
});

describe('the authority file', () => {
  it('restores the authority onto a new PC: the same key, able to sign, not extractable', async () => {
    const county = await makeCounty();
    const restored = await readAuthorityFile(writeAuthorityFile(county.created.file), PASSPHRASE);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.home).toEqual(county.created.record);
    expect(restored.value.authority.publicKey).toEqual(county.created.record.key);
    expect(restored.value.authority.privateKey.extractable).toBe(false);
    expect(await canSign(restored.value.authority)).toBe('valid');
  });

  it('opens with the passphrase typed in another Unicode normal form', async () => {
    const composed = 'Qäsim-ئۇيغۇر-2026';
    const made = await createAuthority({ county: 'LT', passphrase: composed, created: ISO(T0), iterations: ITERATIONS });
    if (!made.ok) throw new Error(made.reason);
    expect((await readAuthorityFile(writeAuthorityFile(made.value.file), composed.normalize('NFD'))).ok).toBe(true);
  });

  it('refuses a wrong passphrase as wrong-passphrase', async () => {
    const county = await makeCounty();
    expect(await readAuthorityFile(writeAuthorityFile(county.created.file), `${PASSPHRASE}!`)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
  });

  it('refuses every kind of tampering as tampered, even with the right passphrase', async () => {
    const county = await makeCounty();
    const other = await makeCounty('AK');
    const file = county.created.file;
    const flip = (text: string) => {
      const bytes = fromBase64Url(text)!;
      bytes[bytes.length - 1]! ^= 1;
      return toBase64Url(bytes);
    };
    const edits: [string, AuthorityFile][] = [
      ['ciphertext', { ...file, sealed: { ...file.sealed, ciphertext: flip(file.sealed.ciphertext) } }],
      ['iv', { ...file, sealed: { ...file.sealed, cipher: { ...file.sealed.cipher, iv: flip(file.sealed.cipher.iv) } } }],
      ['county', { ...file, county: 'AK' }],
      ['demo mark', { ...file, demo: true }],
      ['home record', { ...file, home: { ...file.home, demo: true } }],
      ['another county’s home', { ...file, home: other.created.record }],
      ['another key named', { ...file, key: other.created.record.key }],
      ['another county’s encrypted key', { ...file, sealed: other.created.file.sealed }],
    ];
    for (const [what, edited] of edits) {
      expect(await readAuthorityFile(writeAuthorityFile(edited), PASSPHRASE), what).toMatchObject({ ok: false, reason: 'tampered' });
    }
  });

  it('says what else is wrong with a file: not JSON, not an authority file, newer, invalid', async () => {
    const county = await makeCounty();
    const file = county.created.file;
    expect(await readAuthorityFile('PK\u0003\u0004', PASSPHRASE)).toMatchObject({ ok: false, reason: 'not-json' });
    expect(await readAuthorityFile(JSON.stringify({ format: 'league-desk-bundle', version: 1 }), PASSPHRASE)).toMatchObject({ ok: false, reason: 'unknown-format' });
    expect(await readAuthorityFile(JSON.stringify({ ...file, version: 2 }), PASSPHRASE)).toMatchObject({ ok: false, reason: 'newer-version' });
    expect(await readAuthorityFile(JSON.stringify({ ...file, extra: 1 }), PASSPHRASE)).toMatchObject({ ok: false, reason: 'file-invalid' });
    const weak = { ...file, sealed: { ...file.sealed, kdf: { ...file.sealed.kdf, iterations: 1000 } } };
    expect(await readAuthorityFile(JSON.stringify(weak), PASSPHRASE)).toMatchObject({ ok: false, reason: 'file-invalid' });
  });
});

describe('succession', () => {
  it('the old key signs the new one: both are the county’s, the old one retired from then on', async () => {
    const county = await makeCounty();
    const next = await succeed(county);
    expect(next.succession).toMatchObject({ format: 'league-desk-succession', previous: keyId(county.created.record.key), at: ISO(T0) });
    expect(generationAfter(county.created.record, [next.succession])?.key).toEqual(next.authority.publicKey);
    const { successions } = await prepareMaterial({ successions: [next.succession] });
    const generations = authorityGenerations(county.home, successions);
    expect(generations.get(keyId(county.created.record.key))?.retiredAt).toBe(ISO(T0));
    expect(generations.get(keyId(next.authority.publicKey))?.retiredAt).toBeUndefined();
    // The new file restores the new key, with the line of successions.
    const restored = await readAuthorityFile(writeAuthorityFile(next.file), 'the next authority’s passphrase');
    expect(restored.ok && restored.value.successions).toEqual([next.succession]);
  });

  it('with the old key lost, the printed recovery code opens the recovery key, which signs the new one', async () => {
    const county = await makeCounty();
    const typed = county.created.recoveryCode.toLowerCase().replace(/-/g, ' ');
    const recovery = await openRecoveryKey('LT', county.created.record, typed);
    if (!recovery.ok) throw new Error(recovery.reason);
    const next = await succeed(county, recovery.value);
    const { successions } = await prepareMaterial({ successions: [next.succession] });
    expect(authorityGenerations(county.home, successions).has(keyId(next.authority.publicKey))).toBe(true);
    expect(next.recoveryCode).not.toBe(county.created.recoveryCode);
  });

  it('a wrong or malformed recovery code opens nothing', async () => {
    const county = await makeCounty();
    expect(await openRecoveryKey('LT', county.created.record, 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE')).toEqual({ ok: false, reason: 'wrong-recovery-code' });
    expect(await openRecoveryKey('LT', county.created.record, 'ABCDE-ABCDE')).toEqual({ ok: false, reason: 'recovery-code-malformed' });
    expect(await openRecoveryKey('LT', county.created.record, 'UUUUU-ABCDE-ABCDE-ABCDE-ABCDE')).toEqual({ ok: false, reason: 'recovery-code-malformed' });
    expect(normalizeRecoveryCode(' dem00 dem00-deMOO-dem00-DEM00 ')).toBe('DEM00DEM00DEM00DEM00DEM00');
  });

  it('a succession signed by someone else’s key adds no generation', async () => {
    const county = await makeCounty();
    const thief = await makeCounty();
    const forged = await succeed(county, thief.created.authority);
    const { successions } = await prepareMaterial({ successions: [forged.succession] });
    expect(successions[0]!.signature).toBe('valid');
    expect([...authorityGenerations(county.home, successions).keys()]).toEqual([keyId(county.created.record.key)]);
  });
});

describe('the demo county', () => {
  it('has its own authority, marked demo in its records, the same on every run', async () => {
    const demo = await demoCounty();
    expect(demo.authority).toMatchObject({ county: 'LT', demo: true });
    const checked = await checkAuthorityRecord(demo.authority);
    expect(checked.ok && checked.value.signature).toBe('valid');
    expect(demo.device.certificate).toMatchObject({ device: 'de00000000000001', role: 'countyAdmin', scope: 'LT', issuer: keyId(demo.authority.key) });
    // Deterministic: Ed25519 from published seeds, fixed times, a fixed salt for the recovery key.
    expect(keyId(demo.authority.key)).toBe(keyId((await demoCounty()).authority.key));
    const recovery = await openRecoveryKey('LT', demo.authority, DEMO_RECOVERY_CODE);
    expect(recovery.ok).toBe(true);
  });

  it('signs the same bytes on every PC: the examples in docs/FORMATS.md', async () => {
    const demo = await demoCounty();
    expect(fingerprint(demo.authority.key)).toBe('A7WD-3SZ8-AKHH-DA5E-PSQE');
    expect(demo.device.certificate.signature).toBe('TtZD-Mf7uQggxWpvlyJzI3ws6kbTSm4arShAKY0uA59l_P5Xtv--mg3mBGxulQQ9UtPrNyAUwtV4wzEHIMBLDQ');
    const sealed = await sealChanges(demoBundleInput().changes.slice(0, 3), demo.device);
    expect(recordId(sealed)).toBe('99a57bcf660b2069fa2a59c91a403cf3f707f379309f80e779169b87b23e82f7');
  });
});
