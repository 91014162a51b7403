/*
 * Every reason the trust core gives, as a code. The UI and the command line show them through
 * `locales/<lang>/trust.json` (`reason.<code>`), to be written with the integration; the English
 * lines here are the codes' definitions, for logs, support and the people writing those messages.
 */

/** Why a change is not verified: its signature does not bind it to the PC it names. */
export const VERIFICATION_REASONS = ['no-seal', 'bad-signature', 'hash-not-sealed', 'sealed-by-other-device', 'unsupported-algorithm', 'conflicting-id'] as const;
export type VerificationReason = (typeof VERIFICATION_REASONS)[number];

/**
 * Why a change a county checkpoint lists is not adopted (checkpoint.ts); given only when nothing
 * else authorizes it either.
 */
export const ADOPTION_REASONS = ['checkpoint-late', 'checkpoint-untrusted'] as const;
export type AdoptionReason = (typeof ADOPTION_REASONS)[number];

/** Why a verified change's author may not write at all: its certificate. */
export const CERTIFICATE_REASONS = [
  'home-unverified',
  'unknown-device',
  'wrong-key',
  'certificate-untrusted',
  'other-county',
  'certificate-not-yet-valid',
  'certificate-expired',
  'revoked',
  'revoked-unseen',
] as const;
export type CertificateReason = (typeof CERTIFICATE_REASONS)[number];

/** Why a certified author may not write this: the table's rule. */
export const RULE_REASONS = [
  'no-rule',
  'outside-county',
  'row-org-unknown',
  'outside-scope',
  'role-not-allowed',
  'field-not-allowed',
  'status-not-allowed',
  'report-locked',
  'county-root-fixed',
  'second-root',
  'not-own-score',
  'not-own-device-row',
] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

/** Why a change is refused, in the order the checks run. */
export const CHANGE_REASONS = [...VERIFICATION_REASONS, ...ADOPTION_REASONS, ...CERTIFICATE_REASONS, ...RULE_REASONS] as const;
export type ChangeReason = (typeof CHANGE_REASONS)[number];

/** What is wrong with a certificate (or a revocation, or a succession) that is not believed. */
export const STANDING_REASONS = ['bad-signature', 'unsupported-algorithm', 'other-county', 'issuer-not-county', 'issuer-retired'] as const;
export type StandingReason = (typeof STANDING_REASONS)[number];

export const CHANGE_REASON_DESCRIPTIONS: Readonly<Record<ChangeReason, string>> = {
  'no-seal': 'No seal of the PC the change names lists it: it was never signed, or its seal has not arrived.',
  'bad-signature': 'The seals that list the change have signatures that do not hold: forged or damaged.',
  'hash-not-sealed': 'A seal of the PC covers the change’s time but does not list it: altered after signing, or made up under a new id.',
  'sealed-by-other-device': 'The change names one PC but is sealed by another: a PC posing as another.',
  'unsupported-algorithm': 'This PC cannot check the kind of signature used; a PC with a newer browser can. Not a forgery.',
  'conflicting-id': 'Another signed change carries the same id with other content; neither is applied.',
  'home-unverified': 'This PC’s own record of its county’s authority does not verify (damaged, or a kind of signature this PC cannot check): nothing is let in, and nothing written, until it is set right.',
  'checkpoint-late': 'A county checkpoint lists the change, but it is stamped after the county’s first checkpoint: a checkpoint adopts only data written before trust.',
  'checkpoint-untrusted': 'Only checkpoints not signed by this county’s authority (forged, altered or another county’s) list the change.',
  'unknown-device': 'No certificate is known for the PC that wrote the change (it may not have arrived yet, or the PC is not enrolled).',
  'wrong-key': 'The PC’s certificate names another key than the one that signed the change: a copied device id.',
  'certificate-untrusted': 'The PC’s certificate is not signed by this county’s authority (or a successor of it).',
  'other-county': 'The PC’s certificate belongs to another county.',
  'certificate-not-yet-valid': 'The change is dated before the PC’s certificate starts.',
  'certificate-expired': 'The change is dated after the PC’s certificate ended.',
  revoked: 'The PC was revoked, and the change is dated after the last change the county had seen from it.',
  'revoked-unseen': 'The PC was revoked; the change is dated before the cut but the county had never seen it: written later with the clock set back.',
  'no-rule': 'This build knows no rule for the table the change writes; it is kept until an upgrade brings one.',
  'outside-county': 'The change writes an organisation outside this county.',
  'row-org-unknown': 'The organisation the row belongs to is not known here (yet).',
  'outside-scope': 'The row belongs to an organisation outside the PC’s scope.',
  'role-not-allowed': 'The PC’s role may not write this table.',
  'field-not-allowed': 'The PC’s role may not write one of the fields.',
  'status-not-allowed': 'The PC’s role may not give the report this status (approve or return is the county’s).',
  'report-locked': 'The report was approved before this change: only the county can change it (reopen).',
  'county-root-fixed': 'The county’s own organisation cannot be deleted, archived, moved, recoded or changed in kind.',
  'second-root': 'Only the county’s own organisation may stand at the top of the tree.',
  'not-own-score': 'A judge writes only the scores of the contests and judge ids its certificate names.',
  'not-own-device-row': 'A PC writes only its own name.',
};

export const STANDING_REASON_DESCRIPTIONS: Readonly<Record<StandingReason, string>> = {
  'bad-signature': 'The record’s signature does not hold: forged or altered.',
  'unsupported-algorithm': 'This PC cannot check the record’s kind of signature.',
  'other-county': 'The record is another county’s.',
  'issuer-not-county': 'The record is signed by a key that is not this county’s authority nor a successor of it.',
  'issuer-retired': 'The record was signed by an authority key after it was succeeded.',
};

/** Refusals of files and actions outside the change stream, each with its definition. */
export const OTHER_REASON_DESCRIPTIONS = {
  'not-json': 'The file is not JSON.',
  'unknown-format': 'The file or record is not of the kind expected.',
  'newer-version': 'Made by a newer League Desk: update to read it.',
  'record-invalid': 'The record does not have the required shape.',
  'file-invalid': 'The authority file does not have the required shape.',
  tampered: 'The file was changed after it was written, or its parts do not belong together.',
  'wrong-passphrase': 'The passphrase is not the one the file was written with.',
  'weak-passphrase': 'The passphrase is too short to protect the county’s authority (10 characters or more).',
  'recovery-code-malformed': 'That is not a recovery code: 25 letters and digits, in five groups of five.',
  'wrong-recovery-code': 'The recovery code is not this authority’s.',
  'scope-outside-county': 'The scope chosen is not in this county.',
  'county-admin-scope': 'A county administrator’s scope is the whole county.',
  'validity-empty': 'The certificate would end before it starts.',
  'judging-only-for-judges': 'Only a judge’s certificate names contests to judge.',
} as const satisfies Record<string, string>;
