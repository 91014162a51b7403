import { ORG_KINDS } from '../../shared/domain/org';
import { FIGURES } from '../../shared/domain/stats';
import { pickText } from '../../shared/i18n/lang';
import { DEMO_PERIOD, generateDemoCounty, type DemoCounty } from '../../shared/demo/luntai';
import { countOrgsByKind } from '../../shared/demo/summary';
import { leagueYouthRatio, sumFigures } from '../../shared/stats/totals';
import { encodeBundle } from '../../shared/sync/bundle/index';
import { demoBundleInput } from '../../shared/app/demo';
import { carriedRecordProblem } from '../../shared/trust/carried';
import { demoCounty } from '../../shared/trust/demo';
import { sealChanges } from '../../shared/trust/seal';
import { EXIT_FAILURE, EXIT_OK, writeLines } from '../io';
import { writeFileOrReport } from './bundleSupport';
import type { Command } from './command';

/**
 * `league-desk demo [--json] [--out FILE]`: builds the Luntai demo county and shows what a newcomer
 * would see; with --out, also writes it as a full bundle (the same bytes on every run and PC).
 */
export const demoCommand: Command = {
  name: 'demo',
  summaryKey: 'commands.demo',
  usageKey: 'usage.demo',
  options: {
    json: { type: 'boolean', descriptionKey: 'options.json' },
    out: { type: 'string', valueHint: '<FILE>', descriptionKey: 'options.out' },
  },
  maxPositionals: 0,
  async run({ io, t, lang, options, registry }) {
    const demo = generateDemoCounty();
    const summary = summarizeDemo(demo);
    const out = options['out'];
    if (typeof out === 'string') {
      const input = demoBundleInput();
      // The demo PC's certificate and its seal of every demo change (shared/trust/demo.ts): Ed25519
      // signs deterministically, so the file stays byte-identical.
      const county = await demoCounty();
      const trust = [county.device.certificate, await sealChanges(input.changes, county.device)];
      const bytes = await encodeBundle({ ...input, trust }, { tables: registry.tables, trustRecord: carriedRecordProblem });
      if (!writeFileOrReport(io, t, out, bytes)) return EXIT_FAILURE;
      // With --json, stdout stays pure JSON for scripts; the file is the confirmation.
      if (options['json'] !== true) {
        writeLines(io.stdout, [t('demo.wrote', { file: out, changes: input.changes.length, bytes: bytes.length })]);
        return EXIT_OK;
      }
    }
    if (options['json'] === true) {
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return EXIT_OK;
    }
    const name = pickText(summary.county.name, lang).text;
    writeLines(io.stdout, [
      t('demo.heading', { name, code: summary.county.code }),
      '',
      t('demo.orgsHeading'),
      ...ORG_KINDS.map((kind) => `  ${t(`orgKinds.${kind}`)}: ${summary.orgsByKind[kind]}`),
      '',
      t('demo.figuresHeading', { period: DEMO_PERIOD, units: demo.reports.length }),
      ...FIGURES.map((figure) => `  ${t(`figures.${figure}`)}: ${summary.totals[figure]}`),
      '',
      t('demo.ratio', { percent: formatPercent(summary.leagueYouthRatio) }),
    ]);
    return EXIT_OK;
  },
};

/** What `demo --json` prints; the key order here is the order in the output. */
export function summarizeDemo(demo: DemoCounty) {
  const county = demo.orgs.find((org) => org.kind === 'county');
  if (!county) throw new Error('the demo county has no county committee');
  const totals = sumFigures(demo.reports);
  return {
    county: { code: county.code, name: county.name },
    orgsByKind: countOrgsByKind(demo.orgs),
    totals,
    leagueYouthRatio: leagueYouthRatio(totals.members, totals.youth1428),
  };
}

/** One decimal, as the league's statistics show ratios; a dash when there are no youth to divide by. */
function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : (ratio * 100).toFixed(1);
}
