/** Setup against scripted CouchDB 3 answers (the embedded hub is covered by integration.test.ts). */
import { APP_HUB_POLICY } from '../../../shared/app/hub';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designDoc, memberRole, securityDoc } from '../../../shared/sync/hub/design';
import { parseHubUrl } from '../../../shared/sync/hub/fetchTransport';
import type { HubRequest, HubResponse, HubTransport } from '../../../shared/sync/hub/protocol';
import { setupHub } from '../../../shared/sync/hub/setup';

function scripted(answer: (r: HubRequest) => [number, unknown]): { transport: HubTransport; seen: HubRequest[] } {
  const seen: HubRequest[] = [];
  return {
    seen,
    transport: async (r): Promise<HubResponse> => {
      seen.push(r);
      const [status, body] = answer(r);
      return { ok: true, status, body };
    },
  };
}

describe('hub setup on CouchDB 3', () => {
  it('keeps what the operator put in _security and adds only our role; leaves a current design alone', async () => {
    const held = { admins: { names: ['ops'], roles: [] }, members: { names: ['auditor'], roles: ['prefecture'] } };
    const admin = scripted((r) => {
      if (r.path === '') return [200, { couchdb: 'Welcome', version: '3.4.2' }];
      if (r.path === '_session') return [200, { ok: true, userCtx: { name: 'admin', roles: ['_admin'] } }];
      if (r.method === 'PUT' && (r.path === '_users' || r.path === 'league-lt')) return [412, { error: 'file_exists' }];
      if (r.path === 'league-lt/_security' && r.method === 'GET') return [200, held];
      if (r.path === 'league-lt/_security' && r.method === 'PUT') return [200, { ok: true }];
      if (r.path === 'league-lt/_design/league') return [200, { ...designDoc(APP_HUB_POLICY), _rev: '3-abc' }];
      return [500, { error: 'unexpected' }];
    });
    const report = await setupHub({ admin: admin.transport, anonymous: admin.transport, adminName: 'admin', adminPassword: 'x' }, 'league-lt', APP_HUB_POLICY);
    expect(report).toEqual({ admin: 'unchanged', users: 'unchanged', database: 'unchanged', security: 'updated', design: 'unchanged' });
    const put = admin.seen.find((r) => r.method === 'PUT' && r.path === 'league-lt/_security');
    expect(put?.body).toEqual({ admins: held.admins, members: { names: ['auditor'], roles: ['prefecture', memberRole('league-lt')] } });
    expect(securityDoc('league-lt').members.roles).toEqual(['league-device:league-lt']);
  });

  it('creates the admin of an admin-party hub through _node/_local/_config where _config is gone', async () => {
    let adminExists = false;
    const answer = (withCredentials: boolean) => (r: HubRequest): [number, unknown] => {
      if (r.path === '') return [200, { couchdb: 'Welcome' }];
      if (r.path === '_session') {
        if (withCredentials && !adminExists) return [401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }];
        return [200, { userCtx: { name: withCredentials ? 'admin' : null, roles: adminExists && !withCredentials ? [] : ['_admin'] } }];
      }
      if (r.path === '_config/admins/admin') return [404, { error: 'not_found' }];
      if (r.path === '_node/_local/_config/admins/admin') {
        adminExists = true;
        return [200, ''];
      }
      if (r.method === 'PUT' && !r.path.includes('/')) return [201, { ok: true }];
      if (r.path.endsWith('/_security') && r.method === 'GET') return [200, {}];
      if (r.path.endsWith('/_design/league') && r.method === 'GET') return [404, { error: 'not_found' }];
      return [201, { ok: true }];
    };
    const admin = scripted(answer(true));
    const anonymous = scripted(answer(false));
    const report = await setupHub({ admin: admin.transport, anonymous: anonymous.transport, adminName: 'admin', adminPassword: 's3cret' }, 'league-lt', APP_HUB_POLICY);
    expect(report).toEqual({ admin: 'created', users: 'created', database: 'created', security: 'created', design: 'created' });
    expect(anonymous.seen.filter((r) => r.method === 'PUT').map((r) => [r.path, r.body])).toEqual([
      ['_config/admins/admin', 's3cret'],
      ['_node/_local/_config/admins/admin', 's3cret'],
    ]);
  });

  it('refuses a hub set up by a newer League Desk', async () => {
    const admin = scripted((r) => {
      if (r.path === '') return [200, { couchdb: 'Welcome' }];
      if (r.path === '_session') return [200, { userCtx: { name: 'admin', roles: ['_admin'] } }];
      if (r.path.endsWith('/_security')) return [200, { members: { roles: ['league-device:league-lt'] } }];
      if (r.path.endsWith('/_design/league')) return [200, { ...designDoc(APP_HUB_POLICY), leagueDesk: { schema: 99, setupVersion: 9 }, _rev: '9-x' }];
      return [412, { error: 'file_exists' }];
    });
    await expect(setupHub({ admin: admin.transport, anonymous: admin.transport, adminName: 'admin' }, 'league-lt', APP_HUB_POLICY)).rejects.toMatchObject({ reason: 'app-older' });
    expect(admin.seen.some((r) => r.method === 'PUT' && r.path.endsWith('_design/league'))).toBe(false);
  });
});

describe('hub addresses', () => {
  it('reads server, database and credentials, and refuses what is not a hub database address', () => {
    expect(parseHubUrl('http://admin:s%40cret@127.0.0.1:5984/league-lt')).toEqual({ server: 'http://127.0.0.1:5984/', db: 'league-lt', user: 'admin', password: 's@cret' });
    expect(parseHubUrl('https://couch.example/proxy/league-lt/')).toEqual({ server: 'https://couch.example/proxy/', db: 'league-lt', user: undefined, password: undefined });
    for (const bad of ['', 'league-lt', 'ftp://h/league-lt', 'http://h/', 'http://h/League', 'http://h/_users', 'http://a b/x', 'http://h/x?y=1']) expect(parseHubUrl(bad), bad).toBeUndefined();
  });

  it('any valid database name and user survive the round trip through a URL', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/), fc.string({ maxLength: 12 }), (db, user, password) => {
        const parsed = parseHubUrl(`http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@10.1.2.3:5984/${db}`);
        expect(parsed).toEqual({ server: 'http://10.1.2.3:5984/', db, user, password });
      }),
    );
  });
});
