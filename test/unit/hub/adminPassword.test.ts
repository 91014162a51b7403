/**
 * `league-desk hub setup|add-device` take the admin password from a file, the environment or a
 * prompt, so it need not sit in the URL, where the process list and shell history show it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD_ENV, createHubCommand, type AdminPasswordSources } from '../../../cli/commands/hub';
import { createTranslator } from '../../../cli/i18n';
import { startTestHub, type TestHub } from './hubServer';
import { APP_REGISTRY } from '../../../shared/app/registry';

vi.setConfig({ testTimeout: 60_000 });

const PASSWORD = 'boss-secret-7';
let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = mkdtempSync(path.join(tmpdir(), 'league-admin-'));
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function hubCli(args: string[], options: Record<string, string | boolean>, sources: Partial<AdminPasswordSources> = {}) {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const command = createHubCommand((url, init) => fetch(url, init), {
    env: {},
    readFile: async () => {
      throw new Error('no file');
    },
    prompt: async (question) => {
      asked.push(question);
      return undefined;
    },
    ...sources,
  });
  const code = await command.run({
    io: { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    lang: 'zh-CN',
    t: createTranslator('zh-CN'),
    options,
    positionals: args,
    commands: [],
    registry: APP_REGISTRY,
  });
  return { code, stdout, stderr, asked };
}

const url = () => `${hub.url.replace('http://', 'http://boss@')}league-lt`;

describe('the hub admin password, kept out of the URL', () => {
  it('comes from HUB_ADMIN_PASSWORD: setup creates the admin with it', async () => {
    const first = await hubCli(['setup', url()], { json: true }, { env: { [ADMIN_PASSWORD_ENV]: PASSWORD } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, steps: { admin: 'created', database: 'created' } });
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);
  });

  it('comes from --admin-password-file (one trailing newline dropped); a wrong one is refused', async () => {
    const file = path.join(dir, 'admin-password');
    writeFileSync(file, `${PASSWORD}\n`);
    const { readFile } = await import('node:fs/promises');
    const fromFile = await hubCli(['setup', url()], { json: true, 'admin-password-file': file }, { readFile: (p) => readFile(p, 'utf8') });
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ ok: true, steps: { admin: 'unchanged', database: 'unchanged' } });
    writeFileSync(file, 'not-it\n');
    const wrong = await hubCli(['setup', url()], {}, { readFile: (p) => readFile(p, 'utf8') });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('(wrong-password)');
    const missing = await hubCli(['setup', url()], { 'admin-password-file': path.join(dir, 'none') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('读不出密码文件');
  });

  it('is asked for on the terminal when neither is given, naming the admin', async () => {
    const answered = await hubCli(['add-device', url()], { name: 'town03-pc', scope: 'LT-03', password: 'town03-pass-1', json: true }, { prompt: async () => PASSWORD });
    expect(JSON.parse(answered.stdout)).toMatchObject({ ok: true, outcome: 'created' });
    const none = await hubCli(['setup', url()], {});
    expect(none.asked).toEqual(['集线服务器管理员 boss 的密码：']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('(wrong-password)');
  });

  it('in the URL still works, and wins over the others', async () => {
    const inUrl = `${hub.url.replace('http://', `http://boss:${PASSWORD}@`)}league-lt`;
    const result = await hubCli(['setup', inUrl], { json: true }, { env: { [ADMIN_PASSWORD_ENV]: 'wrong-one' } });
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
    expect(result.asked).toEqual([]);
  });
});
