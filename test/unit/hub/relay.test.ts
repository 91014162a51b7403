/**
 * The relay (main process, browser-mode server) forwards only the sync client's own requests to
 * the county database: no path may leave it, however it is encoded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../shared/sync/hub/fetchTransport';
import { HubRelayRefusal, relayHubRequest, type HubAccount } from '../../../shared/sync/hub/relay';

const ACCOUNT: HubAccount = { server: 'http://10.0.0.2:5984/', db: 'league-lt', user: 'town03-pc', password: 'secret-pass-9', scope: 'LT-03' };

function recorder() {
  const urls: string[] = [];
  const fetchFn: FetchLike = async (url) => {
    urls.push(url);
    return { status: 200, headers: { get: () => null }, text: async () => '{}' };
  };
  return { urls, fetchFn };
}

/** Where a URL lands once the hub's (WHATWG) parser has resolved dot segments. */
function landsAt(url: string): string {
  return new URL(url).pathname;
}

describe('the hub relay', () => {
  it('forwards exactly the sync client’s requests, to the county database', async () => {
    const { urls, fetchFn } = recorder();
    const allowed = [
      { method: 'GET', path: '' },
      { method: 'GET', path: '_design/league' },
      { method: 'GET', path: '_changes', query: { since: '12', include_docs: 'true', limit: '2000' } },
      { method: 'POST', path: '_bulk_docs', body: { docs: [] } },
      { method: 'GET', path: 'blob%3A' + 'ab'.repeat(32), query: { attachments: 'true' } },
      { method: 'GET', path: '2026-11-22T04:37:52.123Z-002a-9f86d081884c7d65' },
    ];
    for (const request of allowed) await relayHubRequest(ACCOUNT, request, fetchFn);
    expect(urls).toEqual([
      'http://10.0.0.2:5984/league-lt/',
      'http://10.0.0.2:5984/league-lt/_design/league',
      'http://10.0.0.2:5984/league-lt/_changes?since=12&include_docs=true&limit=2000',
      'http://10.0.0.2:5984/league-lt/_bulk_docs',
      `http://10.0.0.2:5984/league-lt/blob%3A${'ab'.repeat(32)}?attachments=true`,
      'http://10.0.0.2:5984/league-lt/2026-11-22T04%3A37%3A52.123Z-002a-9f86d081884c7d65',
    ]);
  });

  const hostile: [string, { method: string; path: string; query?: Record<string, string> }][] = [
    ['encoded dots', { method: 'GET', path: '%2e%2e/_all_dbs' }],
    ['encoded dots, upper case', { method: 'GET', path: '%2E%2E/_users/org.couchdb.user%3Atown03-pc' }],
    ['one encoded dot', { method: 'GET', path: '.%2e/_all_dbs' }],
    ['double encoding', { method: 'GET', path: '%252e%252e/_all_dbs' }],
    ['encoded slash', { method: 'GET', path: '..%2f_all_dbs' }],
    ['encoded slash after dots', { method: 'GET', path: '%2e%2e%2f_all_dbs' }],
    ['encoded backslash', { method: 'GET', path: '%2e%2e%5c_all_dbs' }],
    ['plain dots', { method: 'GET', path: '../_all_dbs' }],
    ['a dot segment', { method: 'GET', path: './_changes' }],
    ['dots as a document id', { method: 'GET', path: '%2e%2e' }],
    ['a lone dot', { method: 'GET', path: '.' }],
    ['semicolon', { method: 'GET', path: '_changes;/../../_all_dbs' }],
    ['encoded semicolon', { method: 'GET', path: '_changes%3B' }],
    ['encoded question mark', { method: 'GET', path: '%2e%2e%3f/_all_dbs' }],
    ['encoded hash', { method: 'GET', path: '_changes%23/../../_all_dbs' }],
    ['full-width dots', { method: 'GET', path: encodeURIComponent('．．') + '/_all_dbs' }],
    ['one-dot leaders', { method: 'GET', path: encodeURIComponent('\u2024\u2024') + '/_all_dbs' }],
    ['full-width solidus', { method: 'GET', path: encodeURIComponent('..／_all_dbs') }],
    ['encoded NUL', { method: 'GET', path: '_changes%00' }],
    ['broken escape', { method: 'GET', path: '%E0%A4%A' }],
    ['empty segment', { method: 'GET', path: '_design//league' }],
    ['trailing slash', { method: 'GET', path: '_changes/' }],
    ['leading slash', { method: 'GET', path: '/_all_dbs' }],
    ['the users database', { method: 'GET', path: '_users' }],
    ['security object', { method: 'GET', path: '_security' }],
    ['another design document', { method: 'GET', path: '_design/other' }],
    ['a design document by encoded slash', { method: 'GET', path: '_design%2Fleague%2F..%2F..%2F_all_dbs' }],
    ['local documents', { method: 'GET', path: '_local/x' }],
    ['an underscore document', { method: 'GET', path: '_all_docs' }],
    ['a sub-path of a document', { method: 'GET', path: 'blob%3Aab/data' }],
    ['writing a document', { method: 'PUT', path: 'doc1' }],
    ['writing the design document', { method: 'PUT', path: '_design/league' }],
    ['writing the database', { method: 'PUT', path: '' }],
    ['reading _bulk_docs', { method: 'GET', path: '_bulk_docs' }],
    ['posting _changes', { method: 'POST', path: '_changes' }],
    ['a continuous feed', { method: 'GET', path: '_changes', query: { feed: 'continuous' } }],
    ['a filter', { method: 'GET', path: '_changes', query: { filter: '_view' } }],
  ];

  it.each(hostile)('refuses %s, and forwards nothing', async (_name, request) => {
    const { urls, fetchFn } = recorder();
    await expect(relayHubRequest(ACCOUNT, request, fetchFn)).rejects.toEqual(new HubRelayRefusal('invalid-request'));
    expect(urls).toEqual([]);
  });

  it('never forwards a request that lands outside the county database or off its few paths', async () => {
    const piece = fc.constantFrom(
      '.', '..', '%2e', '%2E', '%252e', '%2f', '%2F', '%5c', '\\', ';', '%3b', '%3f', '%23', '%00', '%', '/', '//',
      '_', '_all_dbs', '_users', '_design', 'league', '_changes', '_bulk_docs', 'blob%3A', 'a', '0', ':', '-',
      '．', '%EF%BC%8E', '%E2%80%A4', '／', '%EF%BC%8F', '%C0%AE', 'ａ',
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT'),
      path: fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { urls, fetchFn } = recorder();
        try {
          await relayHubRequest(ACCOUNT, r, fetchFn);
        } catch (error) {
          expect(error).toEqual(new HubRelayRefusal('invalid-request'));
          expect(urls).toEqual([]);
          return;
        }
        expect(urls).toHaveLength(1);
        const landed = landsAt(urls[0]!);
        expect(landed.startsWith('/league-lt/')).toBe(true);
        const rest = landed.slice('/league-lt/'.length);
        expect(['', '_design/league', '_changes', '_bulk_docs'].includes(rest) || /^[A-Za-z0-9][A-Za-z0-9%._-]*$/.test(rest)).toBe(true);
        const id = decodeURIComponent(rest);
        expect(/^_(?!design\/league$|changes$|bulk_docs$)/.test(id) || id === '.' || id === '..').toBe(false);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});
