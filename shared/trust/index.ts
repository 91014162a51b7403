/**
 * The trust core (issue 14): keys, the county's authority, certificates, revocations, seals, and
 * the one rule that decides whether a change may be applied. Pure TypeScript over WebCrypto; no
 * store, no UI. docs/FORMATS.md ("Trust records") specifies every record; docs/ARCHITECTURE.md
 * ("Trust") says how the pieces fit.
 */
export { fingerprint, generateKeyPair, keyId, preferredAlgorithm, supportedAlgorithms, type KeyPair, type PublicKey, type SigningAlgorithm } from './keys';
export { createAuthority, newRecoveryCode, normalizeRecoveryCode, openRecoveryKey, succeedAuthority } from './authority';
export { parseAuthorityRecord, parseSuccession, type AuthorityRecord, type Generation, type Succession } from './authorityRecords';
export { readAuthorityFile, writeAuthorityFile, type AuthorityFile } from './authorityFile';
export { createEnrollmentRequest, readEnrollmentRequest, type EnrollmentRequest } from './enrollment';
export { issueCertificate, parseCertificate, ROLES, type Certificate, type Role } from './certificate';
export { parseRevocation, revokeDevice, type Revocation } from './revocation';
export { changeHash, parseSeal, sealChanges, type Seal } from './seal';
export { checkAuthorityRecord, mergeMaterial, prepareMaterial, type Checked, type PreparedMaterial, type TrustMaterial } from './material';
export { trustView, type TrustView } from './chain';
export { sealIndex, verifyChange } from './verify';
export { verifyChanges, type Authenticity } from './authenticity';
export { authenticate, authorize, type Verdict } from './authorize';
export { ruleRegistry, type RowFacts, type RuleRegistry, type TableRule } from './rules';
export { decideAll, type Decision } from './decide';
export { TrustLedger, type DecisionChange } from './ledger';
export { demoCounty, DEMO_RECOVERY_CODE } from './demo';
export * from './reasons';
