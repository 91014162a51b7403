import { AUTHORITY_FORMAT, SUCCESSION_FORMAT, type AuthorityRecord, type Generation, type Recovery, type Succession } from './authorityRecords';
import { authorityFile, type AuthorityFile } from './authorityFile';
import { grouped, normalizeCrockford, toCrockford } from './encoding';
import { exportPrivateKey, generateKeyPair, importPrivateKey, keyId, type KeyPair, type PublicKey, type SigningAlgorithm } from './keys';
import { isStrongEnough, openSealedKey, PBKDF2_ITERATIONS, sealPrivateKey, type SealedKey } from './sealedKey';
import { signRecord } from './signed';
import { randomBytes } from './webcrypto';

/*
 * Making the county's authority, and handing it on.
 *
 * Setup (createAuthority): the county office's PC makes the authority key and a recovery key, and
 * the person is given two things to keep apart: the authority file (on a USB drive, under a
 * passphrase they choose) and the recovery code (printed, in a drawer). The PC keeps the authority
 * private key non-extractable, and the encrypted file to write again to another drive.
 *
 * Succession: with the old authority key at hand (a planned change of PC that wants a fresh key, or
 * a key thought exposed), it signs the new one (succeedAuthority). With the old key lost (the PC
 * died and the USB copy is lost or its passphrase forgotten), the recovery code opens the recovery
 * key in the county's authority record, and that signs the new one (recoverAuthority). Either way
 * the new generation comes with a new recovery code. Certificates issued before stay valid; the old
 * key's signatures made after the succession are not believed (chain.ts).
 */

/** Why a succession cannot be signed with a recovery code. */
export type RecoveryRefusal = 'recovery-code-malformed' | 'wrong-recovery-code' | 'tampered';
export type SetupRefusal = 'weak-passphrase';

/** 25 characters of Crockford base32 (125 random bits), printed in five groups of five. */
const RECOVERY_CODE_CHARS = 25;

export function newRecoveryCode(): string {
  return grouped(toCrockford(randomBytes(16), RECOVERY_CODE_CHARS), 5);
}

/** A typed recovery code as its 25 characters, or undefined if it cannot be one. */
export function normalizeRecoveryCode(typed: string): string | undefined {
  const code = normalizeCrockford(typed);
  return code !== undefined && code.length === RECOVERY_CODE_CHARS ? code : undefined;
}

interface GenerationOptions {
  county: string;
  passphrase: string;
  algorithm?: SigningAlgorithm;
  /** PBKDF2 iterations for both encrypted keys; tests lower it to the readers' minimum. */
  iterations?: number;
}

interface NewGeneration {
  authority: KeyPair;
  sealedAuthority: SealedKey;
  recovery: Recovery;
  recoveryCode: string;
}

async function makeGeneration(options: GenerationOptions): Promise<NewGeneration> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const authority = await generateKeyPair({ algorithm: options.algorithm, extractable: true });
  const authorityPkcs8 = await exportPrivateKey(authority.privateKey);
  const sealedAuthority = await sealPrivateKey(authorityPkcs8, options.passphrase, { purpose: 'authority', county: options.county, key: authority.publicKey }, iterations);
  const privateKey = await importPrivateKey(authority.publicKey.algorithm, authorityPkcs8);

  const recoveryCode = newRecoveryCode();
  const recoveryKeys = await generateKeyPair({ algorithm: authority.publicKey.algorithm, extractable: true });
  const sealedRecovery = await sealPrivateKey(
    await exportPrivateKey(recoveryKeys.privateKey),
    normalizeRecoveryCode(recoveryCode)!,
    { purpose: 'recovery', county: options.county, key: recoveryKeys.publicKey },
    iterations,
  );
  return {
    authority: { publicKey: authority.publicKey, privateKey },
    sealedAuthority,
    recovery: { key: recoveryKeys.publicKey, sealed: sealedRecovery },
    recoveryCode,
  };
}

export interface CreatedAuthority {
  record: AuthorityRecord;
  /** The authority key, private half non-extractable: what the county PC keeps and signs with. */
  authority: KeyPair;
  /** To print, once, and keep apart from the PC and the USB drive. */
  recoveryCode: string;
  /** To write to a USB drive (writeAuthorityFile). */
  file: AuthorityFile;
}

/**
 * A new county authority. `created` is the setup time (given, not read from a clock, like every
 * time in shared/). Refused as `weak-passphrase` below MIN_PASSPHRASE_LENGTH characters.
 */
export async function createAuthority(
  options: GenerationOptions & { name?: AuthorityRecord['name']; created: string },
): Promise<{ ok: true; value: CreatedAuthority } | { ok: false; reason: SetupRefusal }> {
  if (!isStrongEnough(options.passphrase)) return { ok: false, reason: 'weak-passphrase' };
  const generation = await makeGeneration(options);
  const body: Omit<AuthorityRecord, 'signer' | 'signature'> = {
    format: AUTHORITY_FORMAT,
    version: 1,
    county: options.county,
    ...(options.name === undefined ? {} : { name: options.name }),
    demo: false,
    created: options.created,
    key: generation.authority.publicKey,
    recovery: generation.recovery,
  };
  const record: AuthorityRecord = await signRecord(body, generation.authority);
  const file = authorityFile({ home: record, successions: [], key: generation.authority.publicKey, sealed: generation.sealedAuthority, exported: options.created });
  return { ok: true, value: { record, authority: generation.authority, recoveryCode: generation.recoveryCode, file } };
}

export interface Successor {
  succession: Succession;
  authority: KeyPair;
  recoveryCode: string;
  file: AuthorityFile;
}

/**
 * A new authority generation after `current`, signed by `signer` — the current authority key, or
 * the current recovery key (openRecoveryKey). The new file carries the whole line of successions.
 */
export async function succeedAuthority(options: {
  home: AuthorityRecord;
  /** The successions so far, oldest first, leading to `current`. */
  successions: readonly Succession[];
  current: Generation;
  signer: KeyPair;
  at: string;
  passphrase: string;
  algorithm?: SigningAlgorithm;
  iterations?: number;
}): Promise<{ ok: true; value: Successor } | { ok: false; reason: SetupRefusal }> {
  if (!isStrongEnough(options.passphrase)) return { ok: false, reason: 'weak-passphrase' };
  const county = options.home.county;
  const generation = await makeGeneration({ county, passphrase: options.passphrase, algorithm: options.algorithm, iterations: options.iterations });
  const succession: Succession = await signRecord<Omit<Succession, 'signer' | 'signature'>>(
    {
      format: SUCCESSION_FORMAT,
      version: 1,
      county,
      previous: keyId(options.current.key),
      at: options.at,
      key: generation.authority.publicKey,
      recovery: generation.recovery,
    },
    options.signer,
  );
  const file = authorityFile({
    home: options.home,
    successions: [...options.successions, succession],
    key: generation.authority.publicKey,
    sealed: generation.sealedAuthority,
    exported: options.at,
  });
  return { ok: true, value: { succession, authority: generation.authority, recoveryCode: generation.recoveryCode, file } };
}

/** The recovery key of a generation, opened with its printed code, to sign the next succession. */
export async function openRecoveryKey(county: string, generation: Pick<Generation, 'recovery'>, typedCode: string): Promise<{ ok: true; value: KeyPair } | { ok: false; reason: RecoveryRefusal }> {
  const code = normalizeRecoveryCode(typedCode);
  if (code === undefined) return { ok: false, reason: 'recovery-code-malformed' };
  const key: PublicKey = generation.recovery.key;
  const opened = await openSealedKey(generation.recovery.sealed, code, { purpose: 'recovery', county, key });
  if (!opened.ok) return { ok: false, reason: opened.reason === 'wrong-passphrase' ? 'wrong-recovery-code' : 'tampered' };
  return { ok: true, value: { publicKey: key, privateKey: opened.privateKey } };
}
