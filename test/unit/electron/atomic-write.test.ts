import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/ipc/atomicWrite';
import { reasonForFsError } from '../../../electron/ipc/fsErrors';
import type { BridgeFs } from '../../../electron/ipc/types';
import { bytes, fsError } from './fakes';

describe('writeFileAtomically on a real disk', () => {
  let folder = '';

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'league-desk-save-'));
  });

  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('creates the file and leaves nothing else in the folder', async () => {
    const target = path.join(folder, '团员名册.xlsx');

    await writeFileAtomically(fs, target, bytes('roster'));

    expect(await fs.readFile(target, 'utf8')).toBe('roster');
    expect(await fs.readdir(folder)).toEqual(['团员名册.xlsx']);
  });

  it('replaces an existing file of the same name', async () => {
    const target = path.join(folder, 'report.pdf');
    await fs.writeFile(target, 'old');

    await writeFileAtomically(fs, target, bytes('new'));

    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect(await fs.readdir(folder)).toEqual(['report.pdf']);
  });

  it('when the rename fails, keeps the old file and removes the temporary one', async () => {
    const target = path.join(folder, 'report.pdf');
    await fs.writeFile(target, 'old');
    const renameRefused: BridgeFs = {
      ...fs,
      writeFile: (file, data, options) => fs.writeFile(file, data, options),
      rm: (file, options) => fs.rm(file, options),
      stat: (file) => fs.stat(file),
      readFile: (file) => fs.readFile(file),
      rename: async () => {
        throw fsError('EBUSY');
      },
    };

    await expect(writeFileAtomically(renameRefused, target, bytes('new'))).rejects.toMatchObject({ code: 'EBUSY' });

    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(folder)).toEqual(['report.pdf']);
  });

  it('into a folder that no longer exists, fails with the file-system error', async () => {
    const target = path.join(folder, 'unplugged', 'report.pdf');

    await expect(writeFileAtomically(fs, target, bytes('x'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('reasonForFsError', () => {
  it.each([
    ['ENOSPC', 'write', 'disk-full'],
    ['EACCES', 'write', 'no-permission'],
    ['EPERM', 'read', 'no-permission'],
    ['EROFS', 'write', 'no-permission'],
    ['EBUSY', 'write', 'file-in-use'],
    ['EIO', 'write', 'write-failed'],
    ['ENOENT', 'read', 'read-failed'],
  ] as const)('maps %s during a %s to %s', (code, direction, reason) => {
    expect(reasonForFsError(fsError(code), direction)).toBe(reason);
  });

  it('maps something that is not an fs error to the generic failure', () => {
    expect(reasonForFsError(new Error('boom'), 'write')).toBe('write-failed');
    expect(reasonForFsError('boom', 'read')).toBe('read-failed');
  });
});
