import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the real executable as a user would: a fresh Node process, no vitest transforms. */
function leagueDesk(args: string[]) {
  return spawnSync(process.execPath, ['bin/league-desk.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEAGUE_DESK_LANG: '' },
    timeout: 60_000,
  });
}

describe('bin/league-desk.mjs', () => {
  it('runs `demo --json` from the checkout and prints the published totals', () => {
    const result = leagueDesk(['demo', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { totals: Record<string, number>; orgsByKind: Record<string, number> };
    expect(summary.totals).toMatchObject({ members: 5849, youth1435: 26328, youth1428: 12028 });
    expect(summary.orgsByKind['branch']).toBe(157);
  }, 60_000);

  it('exits with status 2 on an unknown command', () => {
    const result = leagueDesk(['frob']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('frob');
  }, 60_000);
});
