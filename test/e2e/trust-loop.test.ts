import { describe, expect, inject, it } from 'vitest';
import { APP_TABLES } from '../../shared/app/registry';
import { decodeBundle, encodeBundle } from '../../shared/sync/bundle/index';
import { formatStamp, parseStamp } from '../../shared/sync/hlc';
import { carriedRecordProblem } from '../../shared/trust/carried';
import { chooseFiles, screenshot, usePcs, type SavedFile } from './browser';
import { addChild, enrollTownshipPc, exportFull, importThroughPreview, openRound, setUpCounty } from './flows';

/*
 * The statistics loop between a real county's PCs once they are enrolled (issue 14), in Chromium:
 * the county sets up its PC and tree, a township PC joins and is certified for LT-03, receives the
 * county's file, enters and submits its branch's figures (no approve button on its screen), and the
 * county takes them and approves. A forged copy of the township's file — an extra change approving
 * its own report, made up under a new id — is refused at the county with the rest of the file
 * applied, and the county finds it on its page of refused changes in both languages.
 */

const pc = usePcs(inject('baseUrl'), { downloads: true });
const PASSPHRASE = '轮台县团委 授权口令 2026';

/** The township's full file with one more change: its own report approved, under an id it never signed. */
async function forgedSelfApproval(file: SavedFile, device: string): Promise<SavedFile> {
  const decoded = await decodeBundle(new Uint8Array(file.bytes), { tables: APP_TABLES });
  if (!decoded.ok) throw new Error(decoded.reason);
  const submitted = decoded.changes.filter((c) => c.device === device && c.table === 'statReport' && c.fields['status'] === 'submitted').at(-1);
  if (!submitted) throw new Error('no submitted report in the township file');
  const last = decoded.changes.filter((c) => c.device === device).map((c) => c.hlc).sort().at(-1)!;
  const stamp = formatStamp(parseStamp(last).wall + 1000, 0, device);
  const approval = { ...submitted, id: stamp, hlc: stamp, fields: { status: 'approved' }, base: { status: submitted.hlc } };
  const changes = [...decoded.changes, approval];
  const vector = { ...decoded.manifest.vector, [device]: stamp };
  const bytes = await encodeBundle({ ...decoded.manifest, changes, vector, blobs: [], trust: decoded.trust }, { tables: APP_TABLES, trustRecord: carriedRecordProblem });
  return { name: `forged-${file.name}`, bytes: Buffer.from(bytes) };
}

describe('the reporting loop between enrolled PCs (issue 14)', () => {
  it('a certified township submits, the county approves; a forged self-approval is refused and listed', async () => {
    const county = (await pc()).page;
    await setUpCounty(county, PASSPHRASE);
    await addChild(county, 'LT', '群巴克镇团委', 'LT-03', '乡镇团委');
    const branch = await addChild(county, 'LT-03', '群巴克镇中学团支部');
    await openRound(county, '2026-12-31');

    // The township PC joins; the county certifies it for LT-03; the answer goes back.
    const township = (await pc()).page;
    await enrollTownshipPc(county, township, '群巴克镇团委 1号机', 'LT-03', PASSPHRASE);

    // The county's tree and round reach the township; it enters and submits its branch's figures.
    const countyFile = await exportFull(county);
    // A PC holding no data yet receives its first file on the sync page's first card.
    expect(await importThroughPreview(township, [countyFile], 'restore-bundle')).toBe('success');
    await township.getByTestId('nav-entry').click();
    await township.getByTestId('entry-grid').waitFor();
    await expect(township.locator('tbody tr').first().getAttribute('data-code')).resolves.toBe(branch);
    for (const [col, value] of ['40', '4', '200', '90', '2', '1'].entries()) {
      const cell = township.locator(`#cell-0-${col}`);
      await cell.fill(value);
      await cell.press('Enter');
    }
    await township.waitForFunction(() => document.querySelector('[data-testid="grid-total-members"]')?.textContent === '40');
    await township.getByTestId('submit-all').click();
    await township.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 1);
    // A township officer reviews nothing: no approve or return, for one report or all.
    for (const id of ['approve', 'approve-all', 'return']) expect(await township.getByTestId(id).count()).toBe(0);
    await screenshot(township, 'trust-township-submitted-zh');
    const honest = await exportFull(township);
    // A forged copy: the honest changes plus the township "approving" its own report.
    const decoded = await decodeBundle(new Uint8Array(honest.bytes), { tables: APP_TABLES });
    if (!decoded.ok) throw new Error(decoded.reason);
    const forged = await forgedSelfApproval(honest, decoded.manifest.sender.device);
    await county.getByTestId('nav-sync').click();
    await chooseFiles(county, 'import-bundle', [forged]);
    await county.getByTestId('import-preview').waitFor();
    const trust = county.getByTestId('preview-trust');
    await trust.waitFor();
    await expect(trust.textContent()).resolves.toMatch(/被拒绝|签名后被改动过|没有签章/);
    await screenshot(county, 'trust-county-preview-zh', { fullPage: false });
    await county.getByTestId('preview-apply').click();
    await county.getByTestId('import-preview').waitFor({ state: 'detached' });

    // The honest part is in: the report is submitted, not approved, and the county approves it.
    await county.getByTestId('nav-entry').click();
    await county.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 1);
    await county.getByTestId('approve').first().click();
    await county.waitForFunction(() => document.querySelectorAll('tr[data-status="approved"]').length === 1);

    // The forged approval waits on the county's page of refused changes, with its reason.
    await county.getByTestId('nav-refused').click();
    const refused = county.getByTestId('refused-change');
    await refused.first().waitFor();
    expect(await refused.count()).toBe(1);
    await expect(refused.first().getAttribute('data-reason')).resolves.toBe('no-seal');
    await expect(refused.first().getByTestId('conflict-subject').textContent()).resolves.toContain('群巴克镇中学团支部');
    await expect(refused.first().getByTestId('refused-pc').textContent()).resolves.toContain('群巴克镇团委 1号机');
    await screenshot(county, 'trust-refused-zh');
    await county.getByTestId('lang-ug').click();
    await county.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(county, 'trust-refused-ug');

    // The same forged file again adds nothing to the list; the honest file again is already here.
    expect(await importThroughPreview(county, [honest])).toBe('already');
    await county.getByTestId('nav-refused').click();
    await refused.first().waitFor();
    expect(await refused.count()).toBe(1);
  });
});
