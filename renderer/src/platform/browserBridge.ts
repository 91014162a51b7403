import type { AppInfo, Bridge, BridgeErrorCode, FileFilter, HubBridge, HubConfigInfo, HubConfigureResult, OpenFilesRequest, OpenResult, PickResult, PickedFile, ReadPickedResult, SaveResult, WriteBackupFileResult } from '../../../shared/bridge';
import type { HubResponse } from '../../../shared/sync/hub/protocol';
import { MAX_BRIDGE_FILE_BYTES, MAX_PICKED_FILES } from '../../../shared/bridge';

declare const __APP_VERSION__: string;

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{
    name: string;
    createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
    getFile(): Promise<Blob>;
  }>;
}

function errorReason(error: unknown, fallback: BridgeErrorCode): BridgeErrorCode {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'disk-full';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'no-permission';
  return fallback;
}

function acceptOf(filters: FileFilter[] | undefined): string {
  if (!filters) return '';
  return filters
    .flatMap((f) => f.extensions)
    .filter((e) => e !== '*')
    .map((e) => `.${e}`)
    .join(',');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Shows a file input and resolves with what was chosen (an empty list when cancelled). */
function chooseFiles(doc: Document, { multiple, filters }: OpenFilesRequest): Promise<File[]> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = acceptOf(filters);
    input.addEventListener('cancel', () => resolve([]));
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])));
    input.click();
  });
}

function newToken(win: Window): string {
  const bytes = win.crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The bridge in a plain Chromium tab (browser mode): the File System Access API where the browser
 * has it (the person picks the folder, e.g. the USB drive), else an ordinary download; file input
 * for opening; the browser's print dialog (which offers "Save as PDF") for printing.
 */
export function createBrowserBridge(win: Window): Bridge {
  const doc = win.document;
  const picked = new Map<string, File>();
  return {
    async saveFile({ suggestedName, data }): Promise<SaveResult> {
      const picker = (win as unknown as SaveFilePickerWindow).showSaveFilePicker;
      if (picker) {
        try {
          const handle = await picker.call(win, { suggestedName });
          const writable = await handle.createWritable();
          try {
            await writable.write(data);
            await writable.close();
          } catch (error) {
            // abort() discards the temporary file, so a failed write leaves nothing half-written.
            await writable.abort().catch(() => undefined);
            throw error;
          }
          // Read back what landed on the drive before saying it is done (USB sticks fail).
          const written = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          if (!sameBytes(written, data)) return { status: 'error', reason: 'verify-failed' };
          return { status: 'saved', path: handle.name, verified: true };
        } catch (error) {
          if ((error as { name?: string }).name === 'AbortError') return { status: 'cancelled' };
          return { status: 'error', reason: errorReason(error, 'write-failed') };
        }
      }
      const url = URL.createObjectURL(new Blob([data as BlobPart]));
      try {
        const link = doc.createElement('a');
        link.href = url;
        link.download = suggestedName;
        doc.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Revoke after the download has been handed to the browser, not before.
        win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      // A download cannot be read back: the browser decides where it goes.
      return { status: 'saved', path: suggestedName, verified: false };
    },

    async openFiles(request): Promise<OpenResult> {
      const list = await chooseFiles(doc, request);
      if (list.length === 0) return { status: 'cancelled' };
      if (list.some((f) => f.size > MAX_BRIDGE_FILE_BYTES)) return { status: 'error', reason: 'file-too-large' };
      try {
        const files = await Promise.all(list.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
        return { status: 'opened', files };
      } catch (error) {
        return { status: 'error', reason: errorReason(error, 'read-failed') };
      }
    },

    // The File objects are kept (they are references, not contents) and read one at a time.
    async pickFiles(request): Promise<PickResult> {
      const list = await chooseFiles(doc, request);
      if (list.length === 0) return { status: 'cancelled' };
      if (list.length > MAX_PICKED_FILES) return { status: 'error', reason: 'invalid-request' };
      picked.clear();
      const files: PickedFile[] = [];
      let sliceStart = win.performance.now();
      for (const file of list) {
        // Chromium asks the browser process for a chosen file's size synchronously (a fraction of a
        // millisecond each): in slices, so that 500 photos do not hold up a frame.
        if (win.performance.now() - sliceStart > 8) {
          await new Promise((resolve) => win.setTimeout(resolve, 0));
          sliceStart = win.performance.now();
        }
        if (file.size > MAX_BRIDGE_FILE_BYTES) {
          picked.clear();
          return { status: 'error', reason: 'file-too-large' };
        }
        const token = newToken(win);
        picked.set(token, file);
        files.push({ token, name: file.name, size: file.size });
      }
      return { status: 'picked', files };
    },

    async readPickedFile(token): Promise<ReadPickedResult> {
      const file = picked.get(token);
      if (file === undefined) return { status: 'error', reason: 'unknown-file' };
      picked.delete(token);
      try {
        return { status: 'read', data: new Uint8Array(await file.arrayBuffer()) };
      } catch (error) {
        // Chromium: NotFoundError when the file is gone, NotReadableError when it changed since it was chosen.
        if ((error as { name?: string } | null)?.name === 'NotFoundError') return { status: 'error', reason: 'file-missing' };
        return { status: 'error', reason: errorReason(error, 'read-failed') };
      }
    },

    async printToPdf(): Promise<SaveResult> {
      // The browser cannot write a PDF itself; its print dialog offers "Save as PDF".
      win.print();
      return { status: 'cancelled' };
    },

    async appInfo(): Promise<AppInfo> {
      return {
        name: 'League Desk',
        version: __APP_VERSION__,
        mode: 'browser',
        platform: win.navigator.platform,
        dataFolder: null,
        portable: false,
      };
    },

    async setLanguage(): Promise<void> {
      // No application menu in a browser tab.
    },

    async writeBackupFile(): Promise<WriteBackupFileResult> {
      // No data folder: backups live only in this browser profile (the Sync page says so).
      return { status: 'error', reason: 'unsupported' };
    },

    onMenuCommand(): () => void {
      return () => undefined;
    },

    hub: createBrowserHubBridge(win),
  };
}

/**
 * The hub in browser mode: the local server (scripts/serve.ts) holds the account in its memory
 * and forwards, as the main process does in the desktop app. The header makes a cross-site page's
 * request need a CORS preflight, which that server refuses.
 */
function createBrowserHubBridge(win: Window): HubBridge {
  const call = async (name: string, body: unknown): Promise<Response> =>
    win.fetch(`/bridge/hub/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-League-Desk': '1' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  return {
    async request(request): Promise<HubResponse> {
      try {
        const response = await call('request', request);
        if (response.status === 404) return { ok: false, failure: 'not-configured' };
        if (!response.ok) return { ok: false, failure: 'unreachable' };
        return (await response.json()) as HubResponse;
      } catch {
        // The local server itself is gone (the window outlived it).
        return { ok: false, failure: 'unreachable' };
      }
    },
    async config(): Promise<HubConfigInfo> {
      try {
        const response = await call('config', null);
        return response.ok ? ((await response.json()) as HubConfigInfo) : { configured: false, storage: 'memory' };
      } catch {
        return { configured: false, storage: 'memory' };
      }
    },
    async configure(request): Promise<HubConfigureResult> {
      try {
        const response = await call('configure', request);
        return response.ok ? ((await response.json()) as HubConfigureResult) : { status: 'error', reason: 'write-failed' };
      } catch {
        return { status: 'error', reason: 'write-failed' };
      }
    },
  };
}
