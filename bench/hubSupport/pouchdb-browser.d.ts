// The little of pouchdb-browser 9 the hub benchmark uses (the package ships no types).
declare module 'pouchdb-browser' {
  interface PouchInfo {
    doc_count: number;
    update_seq: number | string;
  }
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }
  interface Replication extends Promise<ReplicationResult> {
    on(event: 'change' | 'complete' | 'error' | 'denied', listener: (info: unknown) => void): Replication;
    cancel(): void;
  }
  interface AllDocsResult {
    total_rows: number;
    rows: { id: string }[];
  }
  class PouchDB {
    constructor(name: string, options?: { auth?: { username: string; password: string }; skip_setup?: boolean; adapter?: string });
    info(): Promise<PouchInfo>;
    allDocs(options?: { startkey?: string; endkey?: string; limit?: number; include_docs?: boolean }): Promise<AllDocsResult>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    adapter: string;
    replicate: {
      from(source: string | PouchDB, options?: { batch_size?: number; batches_limit?: number; retry?: boolean }): Replication;
    };
  }
  export default PouchDB;
}
