/** The packaged app's Electron fuses (build/fuses.cjs, run by electron-builder after packing). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };

interface FusesModule {
  FUSES: Record<string, unknown>;
  packedBinary(context: unknown): string;
  default: (context: unknown) => Promise<void>;
}

const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
const hook = require(path.join(ROOT, String(config['afterPack']))) as FusesModule;

describe('the desktop build’s Electron fuses', () => {
  it('electron-builder runs the fuse hook after packing, over an ASAR', () => {
    expect(config['afterPack']).toBe('build/fuses.cjs');
    expect(config['asar']).toBe(true);
    expect(typeof hook.default).toBe('function');
  });

  it('turn off RunAsNode, NODE_OPTIONS and --inspect, and turn on ASAR integrity and loading only from the ASAR', () => {
    expect(hook.FUSES).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('are flipped in the binary each platform packs', () => {
    const context = (electronPlatformName: string) => ({
      electronPlatformName,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'League Desk' }, executableName: 'league-desk' },
    });
    expect(hook.packedBinary(context('win32'))).toBe(path.join('/out', 'League Desk.exe'));
    expect(hook.packedBinary(context('linux'))).toBe(path.join('/out', 'league-desk'));
    expect(hook.packedBinary(context('darwin'))).toBe(path.join('/out', 'League Desk.app'));
    expect((config['linux'] as { executableName: string }).executableName).toBe('league-desk');
  });

  it('the hook flips them in a binary that carries Electron’s fuse wire, and leaves the others as they were', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'league-fuses-'));
    try {
      // What Electron's binaries carry: a sentinel, the wire's version and length, then one byte per
      // fuse ('1' on, '0' off); Electron 40 ships RunAsNode, NODE_OPTIONS, --inspect and file:// on.
      const wire = Buffer.from('101100011', 'latin1');
      const binary = Buffer.concat([Buffer.from('\x7fELF…', 'latin1'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'), Buffer.from([1, wire.length]), wire, Buffer.from('…rest', 'latin1')]);
      writeFileSync(path.join(dir, 'league-desk'), binary);
      await hook.default({ electronPlatformName: 'linux', appOutDir: dir, packager: { appInfo: { productFilename: 'League Desk' }, executableName: 'league-desk' } });
      const flipped = await getCurrentFuseWire(path.join(dir, 'league-desk'));
      const on = (option: FuseV1Options) => flipped[option] === 49;
      expect(on(FuseV1Options.RunAsNode)).toBe(false);
      expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
      expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
      expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
      expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
      expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
      // A fuse this build does not name (Electron's ninth) is left alone.
      expect(readFileSync(path.join(dir, 'league-desk')).subarray(-14, -5).toString('latin1')).toBe('000011001');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
