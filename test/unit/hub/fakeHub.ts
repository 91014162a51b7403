/** A small in-memory CouchDB database behind a HubTransport: enough protocol for the client. */
import { APP_HUB_POLICY } from '../../../shared/app/hub';
import { designDoc } from '../../../shared/sync/hub/design';
import type { HubRequest, HubResponse, HubTransport } from '../../../shared/sync/hub/protocol';

export interface FakeDoc {
  seq: number;
  doc: Record<string, unknown>;
}

export class FakeHub {
  readonly docs = new Map<string, FakeDoc>();
  readonly requests: HubRequest[] = [];
  seq = 0;
  /** When set, answers instead of the emulation (to script errors). */
  override?: (request: HubRequest) => HubResponse | undefined;
  /** Answer to 409 on existing ids like CouchDB (true) or `forbidden: immutable` like pouchdb-server. */
  couchStyleConflicts = true;
  date?: number;

  constructor(withDesign = true) {
    if (withDesign) this.put(designDoc(APP_HUB_POLICY) as unknown as Record<string, unknown>);
  }

  put(doc: Record<string, unknown>): void {
    this.seq += 1;
    this.docs.set(String(doc['_id']), { seq: this.seq, doc: { ...doc, _rev: `1-${this.seq}` } });
  }

  transport: HubTransport = async (request) => {
    this.requests.push(structuredClone(request));
    const scripted = this.override?.(request);
    if (scripted) return scripted;
    return this.answer(request);
  };

  private ok(status: number, body: unknown): HubResponse {
    return this.date === undefined ? { ok: true, status, body } : { ok: true, status, body, date: this.date };
  }

  private answer(request: HubRequest): HubResponse {
    const { method, path } = request;
    if (method === 'GET' && path === '') return this.ok(200, { db_name: 'league-lt', doc_count: this.docs.size });
    if (method === 'POST' && path === '_bulk_docs') {
      const docs = (request.body as { docs: Record<string, unknown>[] }).docs;
      return this.ok(
        201,
        docs.map((doc) => {
          const id = String(doc['_id']);
          if (this.docs.has(id)) {
            return this.couchStyleConflicts ? { id, error: 'conflict', reason: 'Document update conflict.' } : { id, error: 'forbidden', reason: 'immutable' };
          }
          this.put(doc);
          return { id, ok: true, rev: `1-${this.seq}` };
        }),
      );
    }
    if (method === 'GET' && path === '_changes') {
      const since = Number(request.query?.['since'] ?? '0');
      const limit = Number(request.query?.['limit'] ?? '1000');
      const rows = [...this.docs.entries()].filter(([, d]) => d.seq > since).sort((a, b) => a[1].seq - b[1].seq);
      const page = rows.slice(0, limit);
      const last = page.length > 0 ? page[page.length - 1]![1].seq : since;
      return this.ok(200, {
        results: page.map(([id, d]) => ({ id, seq: d.seq, changes: [{ rev: d.doc['_rev'] }], doc: stripData(d.doc) })),
        last_seq: last,
        pending: rows.length - page.length,
      });
    }
    if (method === 'GET') {
      const id = decodeURIComponent(path);
      const held = this.docs.get(id);
      return held ? this.ok(200, held.doc) : this.ok(404, { error: 'not_found', reason: 'missing' });
    }
    return this.ok(400, { error: 'bad_request' });
  }
}

/** `_changes` gives attachment stubs, not data. */
function stripData(doc: Record<string, unknown>): Record<string, unknown> {
  const attachments = doc['_attachments'] as Record<string, Record<string, unknown>> | undefined;
  if (!attachments) return doc;
  return { ...doc, _attachments: Object.fromEntries(Object.entries(attachments).map(([k, a]) => [k, { content_type: a['content_type'], stub: true }])) };
}
