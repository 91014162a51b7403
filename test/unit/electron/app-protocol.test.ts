import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, handleAppRequest, type ReadRendererFile } from '../../../electron/appProtocol';
import { bytes, fsError } from './fakes';

const RENDERER = '/opt/League Desk/resources/app.asar/dist/renderer';

/**
 * A disk where secrets exist outside the renderer folder, so a traversal that escaped would be
 * answered with 200 and the secret, and the test would fail.
 */
function fakeDisk() {
  const files = new Map<string, string>([
    [`${RENDERER}/index.html`, '<!doctype html><title>League Desk</title>'],
    [`${RENDERER}/assets/index-3f2a.js`, 'console.log(1)'],
    [`${RENDERER}/assets/index-3f2a.css`, 'body{}'],
    [`${RENDERER}/assets/noto-naskh-arabic.woff2`, 'wOF2'],
    [`${RENDERER}/assets/logo.svg`, '<svg/>'],
    ['/etc/passwd', 'root:x:0:0'],
    ['/opt/League Desk/resources/app.asar/package.json', '{"name":"league-desk"}'],
  ]);
  const requested: string[] = [];
  const read: ReadRendererFile = async (file) => {
    requested.push(file);
    const content = files.get(file);
    if (content === undefined) throw fsError('ENOENT');
    return bytes(content);
  };
  return { read, requested };
}

describe('the app:// protocol handler', () => {
  it('serves index.html for the bare origin, as HTML, under the strict policy', async () => {
    const disk = fakeDisk();

    const response = await handleAppRequest('app://league-desk/', RENDERER, disk.read);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>League Desk</title>');
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-3f2a.css', 'text/css; charset=utf-8'],
    ['/assets/noto-naskh-arabic.woff2', 'font/woff2'],
    ['/assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (urlPath, mime) => {
    const response = await handleAppRequest(`app://league-desk${urlPath}`, RENDERER, fakeDisk().read);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
  });

  it.each([
    'app://league-desk/../../etc/passwd',
    'app://league-desk/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://league-desk/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://league-desk/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://league-desk/assets/..%2F..%2F..%2Fpackage.json',
    'app://league-desk/..%2f..%2fpackage.json',
    'app://league-desk/%2fetc%2fpasswd',
    'app://league-desk/index.html%00.js',
    'app://league-desk/%E0%A4%A',
    'app://other-host/index.html',
    'app://league-desk.evil/index.html',
    'https://league-desk/index.html',
  ])('answers %s with 404 under the strict policy and reads nothing outside the renderer', async (url) => {
    const disk = fakeDisk();

    const response = await handleAppRequest(url, RENDERER, disk.read);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const file of disk.requested) expect(file.startsWith(`${RENDERER}/`)).toBe(true);
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const response = await handleAppRequest('app://league-desk/stats/quarterly', RENDERER, fakeDisk().read);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers an unreadable file with 404 and does not reveal the error', async () => {
    const read: ReadRendererFile = async () => {
      throw fsError('EACCES');
    };

    const response = await handleAppRequest('app://league-desk/index.html', RENDERER, read);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('EACCES');
  });

  it('the policy allows our own scripts only, inline styles for Emotion, and nothing from elsewhere', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );

    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
  });
});

describe('the app:// protocol handler on a real disk', () => {
  let root = '';
  let rendererDir = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'league-desk-protocol-'));
    rendererDir = path.join(root, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    // A sibling whose name starts with the renderer folder's name: a naive prefix check lets it through.
    await mkdir(path.join(root, 'renderer-secrets'));
    await writeFile(path.join(root, 'renderer-secrets', 'key.txt'), 'secret');
    await writeFile(path.join(root, 'secret.txt'), 'secret');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const readReal: ReadRendererFile = (file) => readFile(file);

  it('serves a real file from the renderer folder', async () => {
    const response = await handleAppRequest('app://league-desk/index.html', rendererDir, readReal);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
  });

  it.each([
    'app://league-desk/..%2fsecret.txt',
    'app://league-desk/..%2frenderer-secrets%2fkey.txt',
    `app://league-desk/${encodeURIComponent(path.join('..', 'secret.txt'))}`,
  ])('does not serve %s from beside the renderer folder', async (url) => {
    const response = await handleAppRequest(url, rendererDir, readReal);

    expect(response.status).toBe(404);
  });

  it('answers a folder with 404 rather than a file-system error', async () => {
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });

    const response = await handleAppRequest('app://league-desk/assets', rendererDir, readReal);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
