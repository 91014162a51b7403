import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../cli/main';
import { startTestHub, type TestHub } from '../hub/hubServer';

// Real servers and databases: generous limits for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

const admin = () => `${hub.url.replace('http://', 'http://boss:boss-secret-1@')}league-lt`;

describe('league-desk hub', () => {
  it('refuses to set up a hub that has no admin unless the URL names one', async () => {
    const open = await cli(['hub', 'setup', `${hub.url}league-lt`]);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('(admin-needed)');
  });

  it('setup prepares the county database once; a second run changes nothing', async () => {
    const first = await cli(['hub', 'setup', admin(), '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, db: 'league-lt', steps: { admin: 'created', database: 'created', security: 'created', design: 'created' } });
    const second = await cli(['hub', 'setup', admin()]);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/无变化/g)).toHaveLength(5);
    // The admin password never appears in what the command prints.
    expect(first.stdout + second.stdout + first.stderr + second.stderr).not.toContain('boss-secret-1');
  });

  it('add-device creates the account once, corrects a changed scope, and is idempotent', async () => {
    await cli(['hub', 'setup', admin()]);
    const args = ['hub', 'add-device', admin(), '--name', 'town03-pc', '--scope', 'LT-03', '--password', 'town03-pass-1', '--json'];
    expect(JSON.parse((await cli(args)).stdout)).toMatchObject({ ok: true, outcome: 'created' });
    expect(JSON.parse((await cli(args)).stdout)).toMatchObject({ ok: true, outcome: 'unchanged' });
    const moved = await cli([...args.slice(0, 6), 'LT-04', ...args.slice(7)]);
    expect(JSON.parse(moved.stdout)).toMatchObject({ outcome: 'updated', scope: 'LT-04' });
    const ug = await cli([...args.slice(0, 6), 'LT-04', ...args.slice(7, 9), '--lang', 'ug']);
    expect(ug.code).toBe(0);
    expect(ug.stdout).toContain('ئۆزگىرىش يوق');
  });

  it('says what is wrong, in the chosen language, with exit code 1 or 2', async () => {
    const wrong = await cli(['hub', 'setup', `${hub.url.replace('http://', 'http://boss:nope@')}league-lt`, '--lang', 'ug']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('(wrong-password)');
    expect(wrong.stderr).toMatch(/[\u0600-\u06FF]/);
    const down = await cli(['hub', 'setup', 'http://127.0.0.1:9/league-lt']);
    expect(down).toMatchObject({ code: 1 });
    expect(down.stderr).toContain('(unreachable)');
    expect((await cli(['hub', 'setup', 'not a url'])).stderr).toContain('(wrong-address)');
    expect((await cli(['hub', 'setup', `${hub.url}Bad_Name`])).stderr).toContain('(wrong-address)');
    expect((await cli(['hub', 'add-device', admin(), '--name', 'x', '--scope', 'lt', '--password', 'long-enough'])).code).toBe(2);
    expect((await cli(['hub', 'add-device', admin(), '--name', 'x', '--scope', 'LT', '--password', 'short'])).code).toBe(2);
    expect((await cli(['hub', 'add-device', admin(), '--scope', 'LT', '--password', 'long-enough'])).code).toBe(2);
    expect((await cli(['hub', 'frobnicate', admin()])).code).toBe(2);
  });
});
