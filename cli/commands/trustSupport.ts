import { readFileSync } from 'node:fs';
import ugTrust from '../../locales/ug/trust.json' with { type: 'json' };
import zhTrust from '../../locales/zh-CN/trust.json' with { type: 'json' };
import type { Lang } from '../../shared/i18n/lang';
import { escapeControls } from '../../shared/sync/bundle/index';
import type { Change } from '../../shared/sync/change';
import type { AuthorityRecord } from '../../shared/trust/authorityRecords';
import { decideCarried, type CarriedDecisions } from '../../shared/trust/decideCarried';
import { demoCounty } from '../../shared/trust/demo';
import { readHomeRecord, type HomeAuthority } from '../../shared/trust/homeRecord';
import { fingerprint } from '../../shared/trust/keys';
import { checkAuthorityRecord, type Checked } from '../../shared/trust/material';
import type { ChangeReason } from '../../shared/trust/reasons';
import type { RuleRegistry } from '../../shared/trust/rules';
import type { WriterTrust } from '../../shared/trust/summary';
import type { Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_USAGE, writeLines } from '../io';
import type { CommandContext, OptionSpecs } from './command';

/*
 * The county authority a command checks files against (docs/FORMATS.md, "Trust records"), and how
 * the command line says what the trust core decided. The command line holds no store, so the home
 * authority comes from the command: `--authority FILE` (the county's authority record, or its
 * authority key file, of which only the public part is read), or `--demo-authority` (the demo
 * county's, whose keys are published). Without either, nothing is decided: every change counts as
 * unverified, as on a PC not yet enrolled in a county.
 */

export const TRUST_OPTIONS: OptionSpecs = {
  authority: { type: 'string', valueHint: '<FILE>', descriptionKey: 'options.authority' },
  'demo-authority': { type: 'boolean', descriptionKey: 'options.demoAuthority' },
};

/** The app's own words for every refusal (locales/<lang>/trust.json `reason`). */
const REASON_MESSAGES: Record<Lang, Record<ChangeReason, string>> = { 'zh-CN': zhTrust.reason, ug: ugTrust.reason };

export type HomeChoice = { kind: 'none' } | ({ kind: 'home' } & HomeAuthority);

/** The home authority the options name, or the exit code when it cannot be used (the reason is written). */
export async function homeFromOptions({ io, t, options }: CommandContext): Promise<HomeChoice | number> {
  const file = options['authority'];
  const demo = options['demo-authority'] === true;
  if (typeof file === 'string' && demo) {
    writeLines(io.stderr, [t('trust.both')]);
    return EXIT_USAGE;
  }
  if (demo) {
    const checked = await checkAuthorityRecord((await demoCounty()).authority);
    if (!checked.ok || checked.value.signature !== 'valid') throw new Error('the demo authority does not verify');
    return { kind: 'home', home: checked.value, successions: [] };
  }
  if (typeof file !== 'string') return { kind: 'none' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    writeLines(io.stderr, [code === 'ENOENT' ? t('errors.fileNotFound', { file }) : t('errors.readFailed', { file, message: error instanceof Error ? error.message : String(error) })]);
    return EXIT_FAILURE;
  }
  const read = await readHomeRecord(text);
  if (!read.ok) {
    writeLines(io.stderr, [t('trust.authorityRefused', { file, reason: read.reason, message: t(`trust.authorityProblems.${read.reason}`) }), `  (${read.problem})`]);
    return EXIT_FAILURE;
  }
  return { kind: 'home', ...read.value };
}

export function homeOf(choice: HomeChoice): Checked<AuthorityRecord> | undefined {
  return choice.kind === 'home' ? choice.home : undefined;
}

/** Decides the changes and carried records of a set of files against the chosen home (`held`: decided with them, not counted). */
export function decideFiles(
  choice: HomeChoice,
  trust: readonly object[],
  changes: readonly Change[],
  rules: RuleRegistry,
  held?: { records: readonly object[]; changes: readonly Change[] },
): Promise<CarriedDecisions> {
  return decideCarried(homeOf(choice), choice.kind === 'home' ? [...choice.successions, ...trust] : trust, changes, rules, held);
}

/** The first line: what the files were checked against (and a warning for the demo's published keys). */
export function homeLines(t: Translate, choice: HomeChoice, changes: number): string[] {
  if (choice.kind === 'none') return [t('trust.unverified', { count: changes })];
  const { record } = choice.home;
  return [t('trust.checkedAgainst', { code: record.county, fingerprint: fingerprint(record.key) }), ...(record.demo ? [t('trust.demoAuthority')] : [])];
}

export const refusedCount = (w: WriterTrust): number => Object.values(w.refused).reduce((n, c) => n + (c ?? 0), 0);

/**
 * Per writing PC: its name (from a certificate whose signature holds; the file may be hostile, so
 * escaped), its counts, and one line per reason with the app's message. `onlyRefused` keeps the PCs
 * with refusals (what `report` says on stderr).
 */
export function writerLines(t: Translate, lang: Lang, decided: CarriedDecisions, onlyRefused = false): string[] {
  const names = new Map<string, string>();
  for (const c of decided.material.certificates) if (c.signature === 'valid') names.set(c.record.device, c.record.name);
  const lines: string[] = [];
  for (const w of decided.summary) {
    const refused = refusedCount(w);
    if (onlyRefused && refused === 0) continue;
    const name = names.get(w.device);
    lines.push(t('trust.writer', { device: w.device, name: name === undefined ? t('trust.unknownPc') : escapeControls(name), authorized: w.authorized, refused, unverified: w.unverified }));
    for (const [reason, count] of Object.entries(w.refused) as [ChangeReason, number][]) {
      lines.push(t('trust.reasonLine', { count, reason, message: REASON_MESSAGES[lang][reason] }));
    }
  }
  return lines;
}

