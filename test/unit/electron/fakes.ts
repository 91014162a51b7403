import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { AppInfo } from '../../../shared/bridge';
import type { Lang } from '../../../shared/i18n/lang';
import { createHubAccountStore, type AccountFs, type SafeStorageLike } from '../../../electron/hubAccount';
import { registerBridgeHandlers, type BridgeDeps } from '../../../electron/ipc/register';
import type { BackupFs } from '../../../electron/ipc/backupFile';
import type { FetchLike } from '../../../shared/sync/hub/fetchTransport';
import type {
  BridgeDialogs,
  BridgeInvokeEvent,
  BridgeIpcMain,
  PdfPrinter,
  SenderFrame,
} from '../../../electron/ipc/types';

/** Our window's main frame, showing our page: the only sender the bridge should serve. */
export const MAIN_FRAME: SenderFrame = {
  url: 'app://league-desk/index.html',
  processId: 7,
  frameToken: 'main-frame-token',
};

export function eventFrom(senderFrame: SenderFrame | null): BridgeInvokeEvent {
  return { senderFrame };
}

/** Senders that must be refused, with the reason they are foreign. */
export const FOREIGN_SENDERS: ReadonlyArray<[string, BridgeInvokeEvent]> = [
  ['a frame that has gone away', eventFrom(null)],
  ['a subframe of our page', eventFrom({ ...MAIN_FRAME, frameToken: 'iframe-token' })],
  ['a frame in another renderer process', eventFrom({ ...MAIN_FRAME, processId: 99 })],
  ['our main frame after navigating to the web', eventFrom({ ...MAIN_FRAME, url: 'https://evil.example/' })],
  ['our main frame showing a local file', eventFrom({ ...MAIN_FRAME, url: 'file:///C:/evil.html' })],
  ['our main frame on a look-alike host', eventFrom({ ...MAIN_FRAME, url: 'app://league-desk.evil/index.html' })],
];

type Listener = (event: BridgeInvokeEvent, ...args: unknown[]) => unknown;

/** Records handlers like ipcMain does and invokes them the way ipcRenderer.invoke would. */
export class FakeIpcMain implements BridgeIpcMain {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  /** A throwing handler becomes a rejected promise, as it does across real IPC. */
  invoke(channel: string, event: BridgeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) return Promise.reject(new Error(`no handler for ${channel}`));
    return Promise.resolve().then(() => listener(event, ...args));
  }
}

export function fsError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated`);
  error.code = code;
  return error;
}

/**
 * An in-memory file system that logs every call. `failWrite` simulates a drive that fills up half
 * way: half the bytes land in the file, then the write throws, which is what makes "no half file
 * under the real name" checkable.
 */
export class MemoryFs implements BackupFs {
  readonly files = new Map<string, Uint8Array>();
  /** Sizes stat reports instead of the real length, to simulate huge files without allocating them. */
  readonly reportedSizes = new Map<string, number>();
  readonly calls: string[] = [];
  failWrite: NodeJS.ErrnoException | null = null;
  failRename: NodeJS.ErrnoException | null = null;
  failRead = new Map<string, NodeJS.ErrnoException>();

  /** Makes the drive hand back different bytes from those written. */
  corruptOnDisk = false;

  async writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void> {
    this.calls.push(`writeFile ${path}`);
    if (options.flag === 'wx' && this.files.has(path)) throw fsError('EEXIST');
    if (this.failWrite !== null) {
      this.files.set(path, data.slice(0, Math.floor(data.byteLength / 2)));
      throw this.failWrite;
    }
    this.files.set(path, data.slice());
  }

  async rename(from: string, to: string): Promise<void> {
    this.calls.push(`rename ${from} -> ${to}`);
    if (this.failRename !== null) throw this.failRename;
    const data = this.files.get(from);
    if (data === undefined) throw fsError('ENOENT');
    // A failing USB stick: the write "succeeds" but a byte comes back different.
    if (this.corruptOnDisk && data.byteLength > 0) data[0] = data[0]! ^ 0xff;
    this.files.set(to, data);
    this.files.delete(from);
  }

  async rm(path: string, _options: { force: true }): Promise<void> {
    this.calls.push(`rm ${path}`);
    this.files.delete(path);
  }

  async stat(path: string): Promise<{ size: number; isFile(): boolean }> {
    this.calls.push(`stat ${path}`);
    const data = this.files.get(path);
    if (data === undefined) throw fsError('ENOENT');
    return { size: this.reportedSizes.get(path) ?? data.byteLength, isFile: () => true };
  }

  async readdir(folder: string): Promise<string[]> {
    this.calls.push(`readdir ${folder}`);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
  }

  async mkdir(folder: string, _options: { recursive: true }): Promise<undefined> {
    this.calls.push(`mkdir ${folder}`);
    if (this.failWrite !== null) throw this.failWrite;
    return undefined;
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.calls.push(`readFile ${path}`);
    const failure = this.failRead.get(path);
    if (failure !== undefined) throw failure;
    const data = this.files.get(path);
    if (data === undefined) throw fsError('ENOENT');
    return data.slice();
  }
}

/** Answers dialogs with what the test queued and records the options it was shown with. */
export class FakeDialogs implements BridgeDialogs {
  readonly saveOptions: SaveDialogOptions[] = [];
  readonly openOptions: OpenDialogOptions[] = [];
  saveAnswer: SaveDialogReturnValue = { canceled: true, filePath: '' };
  openAnswer: OpenDialogReturnValue = { canceled: true, filePaths: [] };

  async showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    this.saveOptions.push(options);
    return this.saveAnswer;
  }

  async showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue> {
    this.openOptions.push(options);
    return this.openAnswer;
  }

  chooseSavePath(filePath: string): void {
    this.saveAnswer = { canceled: false, filePath };
  }

  chooseOpenPaths(...filePaths: string[]): void {
    this.openAnswer = { canceled: false, filePaths };
  }
}

export class FakePrinter implements PdfPrinter {
  readonly calls: PrintToPDFOptions[] = [];
  pdf: Uint8Array = new TextEncoder().encode('%PDF-1.7 fake');
  failure: Error | null = null;

  async printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.calls.push(options);
    if (this.failure !== null) throw this.failure;
    return this.pdf;
  }
}

export const DOCUMENTS = '/home/officer/Documents';

export const TEST_APP_INFO: AppInfo = {
  name: 'League Desk',
  version: '0.1.0',
  mode: 'electron',
  platform: 'linux',
  dataFolder: '/home/officer/.config/League Desk',
  portable: false,
};

/** Every bridge handler registered on a fake ipcMain, with fakes for all of its dependencies. */
export function createBridgeHarness(overrides: Partial<BridgeDeps> = {}) {
  const fs = new MemoryFs();
  const dialogs = new FakeDialogs();
  const printer = new FakePrinter();
  const languageChanges: Lang[] = [];
  let lang: Lang = 'zh-CN';
  const ipc = new FakeIpcMain();
  const keychain = new FakeSafeStorage();
  const accountFs = new MemoryAccountFs();
  const hubCalls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const hubFetch: FetchLike = async (url, init) => {
    hubCalls.push({ url, init });
    return { status: 200, headers: { get: () => null }, text: async () => '{"ok":true}' };
  };
  registerBridgeHandlers(ipc, {
    hubAccounts: createHubAccountStore('/data/hub-account.json', keychain, accountFs),
    hubFetch,
    trustedFrame: () => MAIN_FRAME,
    dialogs,
    fs,
    backupFolder: '/data/backups',
    printer,
    currentLang: () => lang,
    defaultDirectory: () => DOCUMENTS,
    appInfo: TEST_APP_INFO,
    onLanguageChanged: (next) => {
      languageChanges.push(next);
      lang = next;
    },
    ...overrides,
  });
  return {
    ipc,
    fs,
    dialogs,
    printer,
    languageChanges,
    keychain,
    accountFs,
    hubCalls,
    /** Calls a channel as our own page would. */
    invoke: (channel: string, ...args: unknown[]) => ipc.invoke(channel, eventFrom(MAIN_FRAME), ...args),
    invokeAs: (event: BridgeInvokeEvent, channel: string, ...args: unknown[]) => ipc.invoke(channel, event, ...args),
  };
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function text(data: Uint8Array | undefined): string | undefined {
  return data === undefined ? undefined : new TextDecoder().decode(data);
}

/** Electron safeStorage stand-in: "encrypts" by reversing and tagging, and can be switched off. */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Uint8Array {
    return new TextEncoder().encode(`enc:${[...plain].reverse().join('')}`);
  }
  decryptString(encrypted: Buffer): string {
    const text = new TextDecoder().decode(encrypted);
    if (!text.startsWith('enc:')) throw new Error('not ours');
    return [...text.slice(4)].reverse().join('');
  }
}

export class MemoryAccountFs implements AccountFs {
  readonly files = new Map<string, Uint8Array>();
  async readFile(path: string): Promise<Uint8Array> {
    const data = this.files.get(path);
    if (data === undefined) throw fsError('ENOENT');
    return data;
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    this.files.set(path, data.slice());
  }
  async rename(from: string, to: string): Promise<void> {
    const data = this.files.get(from);
    if (data === undefined) throw fsError('ENOENT');
    this.files.set(to, data);
    this.files.delete(from);
  }
  async rm(path: string): Promise<void> {
    this.files.delete(path);
  }
}
