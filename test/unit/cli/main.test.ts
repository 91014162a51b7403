import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';

/** Runs the CLI in-process with a given environment and collects what it writes. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const HAN = /[\u4E00-\u9FFF]/;

describe('league-desk help', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j lists the commands and exits 0', async (argv) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^\s+demo\s+\S/m);
    expect(stdout).toMatch(/^\s+help\s+\S/m);
    expect(stdout).toContain('--lang');
    expect(stdout).toContain('用法');
  });

  it('shows a command\'s own options with `help demo` and `demo --help`', async () => {
    for (const argv of [['help', 'demo'], ['demo', '--help']]) {
      const { code, stdout } = await cli(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('league-desk demo [--json]');
      expect(stdout).toMatch(/^\s+--json\s+\S/m);
    }
  });

  it('speaks Uyghur with --lang ug', async () => {
    const { code, stdout } = await cli(['--help', '--lang', 'ug']);
    expect(code).toBe(0);
    expect(stdout).toMatch(ARABIC_SCRIPT);
    expect(stdout).not.toMatch(HAN);
    expect(stdout).toContain('بۇيرۇقلار');
  });

  it('takes the language from LEAGUE_DESK_LANG, and --lang wins over it', async () => {
    expect((await cli(['help'], { LEAGUE_DESK_LANG: 'ug' })).stdout).toMatch(ARABIC_SCRIPT);
    const overridden = await cli(['help', '--lang=zh-CN'], { LEAGUE_DESK_LANG: 'ug' });
    expect(overridden.stdout).toMatch(HAN);
    expect(overridden.stdout).not.toMatch(ARABIC_SCRIPT);
  });

  it('ignores an environment language it does not know and uses Chinese', async () => {
    const { code, stdout } = await cli(['help'], { LEAGUE_DESK_LANG: 'en' });
    expect(code).toBe(0);
    expect(stdout).toContain('用法');
  });
});

describe('league-desk --version', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      expect(await cli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });
});

describe('league-desk demo', () => {
  it('prints the demo summary as JSON with numbers as numbers', async () => {
    const { code, stdout, stderr } = await cli(['demo', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['county', 'orgsByKind', 'totals', 'leagueYouthRatio']);
    expect(summary).toMatchObject({
      county: { code: 'LT', name: { zh: '共青团轮台县委员会' } },
      orgsByKind: { county: 1, township: 11, school: 2, working: 2, generalBranch: 2, branch: 157, twoNew: 80, community: 8 },
      totals: { members: 5849, youth1435: 26328, youth1428: 12028 },
    });
    expect(summary['leagueYouthRatio']).toBeCloseTo(5849 / 12028, 12);
  });

  it('prints a readable summary in the chosen language', async () => {
    const zh = await cli(['demo']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('共青团轮台县委员会');
    expect(zh.stdout).toContain('团支部: 157');
    expect(zh.stdout).toContain('48.6%');

    const ug = await cli(['demo', '--lang', 'ug']);
    expect(ug.stdout).toContain('بۈگۈر');
    expect(ug.stdout).toContain('48.6%');
  });
});

describe('league-desk usage errors', () => {
  it.each([
    [['frob'], 'frob'],
    [['--frob'], '--frob'],
    [['demo', '--frob'], '--frob'],
    [['demo', '-x'], '-x'],
    [['demo', '--json=yes'], '--json'],
    [['demo', 'extra'], 'extra'],
    [['help', 'frob'], 'frob'],
    [['--lang'], '--lang'],
    [['--lang', 'en', 'help'], 'en'],
  ])('%j: names %s on stderr and exits 2', async (argv, culprit) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(culprit);
    expect(stderr.endsWith('\n')).toBe(true);
  });

  it('reports errors in the chosen language', async () => {
    const { code, stderr } = await cli(['frob', '--lang', 'ug']);
    expect(code).toBe(2);
    expect(stderr).toMatch(ARABIC_SCRIPT);
    expect(stderr).not.toMatch(HAN);
  });
});
