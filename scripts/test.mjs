// `npm test`: everything, in order — lint (with the layer rule), typecheck (renderer, pure shared/,
// and electron/ against Electron's types), the locale check, unit and component tests, the build,
// and the end-to-end suite in real Chromium. Every step runs even after a failure, so one run shows
// all that is wrong; the exit code is non-zero if anything failed. Ends with one line,
// `tests: N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(root, 'test', 'artifacts', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [];
let passed = 0;
let failed = 0;
/** Each failed test with its first error line, repeated at the end where a log's tail shows it. */
const failures = [];

function step(name, cmd, args, { vitestReport } = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  let counts = '';
  if (vitestReport) {
    if (existsSync(vitestReport)) {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      counts = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
      for (const file of report.testResults ?? []) {
        for (const test of file.assertionResults ?? []) {
          if (test.status !== 'failed') continue;
          const firstLine = String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
          failures.push(`${path.relative(root, file.name)} > ${test.fullName}\n      ${firstLine}`);
        }
        if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') {
          failures.push(`${path.relative(root, file.name)} (did not run)\n      ${String(file.message ?? '').split('\n')[0].slice(0, 300)}`);
        }
      }
      if (!ok && report.numFailedTests === 0) failed += 1; // a suite that crashed before counting
    } else if (!ok) {
      failed += 1;
    }
  } else {
    if (ok) passed += 1;
    else failed += 1;
  }
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), counts });
  return ok;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
step('lint', npx, ['eslint', '.', '--max-warnings', '0']);
step('typecheck: renderer, cli, tests', npx, ['tsc', '-p', 'tsconfig.json']);
step('typecheck: shared (no DOM, no Node)', npx, ['tsc', '-p', 'shared/tsconfig.json']);
step('typecheck: electron (Electron types)', npx, ['tsc', '-p', 'electron/tsconfig.json']);
step('locales in step', process.execPath, ['scripts/check-locales.mjs']);
const unitReport = path.join(reports, 'unit.json');
step('unit and component tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`], { vitestReport: unitReport });
const built = step('build (renderer, electron)', 'npm', ['run', '--silent', 'build']);

const chromium = findChromium();
if (!chromium) {
  console.error(`\n${NO_CHROMIUM_MESSAGE}`);
  steps.push({ name: 'end-to-end (Chromium)', ok: false, seconds: '0', counts: 'no Chromium' });
  failed += 1;
} else if (!built) {
  steps.push({ name: 'end-to-end (Chromium)', ok: false, seconds: '0', counts: 'not run: build failed' });
  failed += 1;
} else {
  const e2eReport = path.join(reports, 'e2e.json');
  step('end-to-end (Chromium)', npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eReport}`], { vitestReport: e2eReport });
}

console.log('\n=== summary ===');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(40)} ${s.seconds.padStart(6)} s  ${s.counts}`);
if (failures.length > 0) {
  console.log('\n=== failed tests ===');
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
