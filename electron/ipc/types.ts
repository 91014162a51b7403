import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebFrameMain,
} from 'electron';

/*
 * The narrow shapes the bridge handlers depend on. Electron's own objects satisfy them (main.ts
 * passes the real ones), and tests pass small fakes, so nothing here imports Electron at runtime.
 */

/** What a handler needs to know about the frame that called it. */
export type SenderFrame = Pick<WebFrameMain, 'url' | 'processId' | 'frameToken'>;

/** The part of IpcMainInvokeEvent the handlers read. */
export interface BridgeInvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The frame allowed to call the bridge: our window's main frame, or null once the window is gone. */
export type TrustedFrameSource = () => SenderFrame | null;

/** Dialogs already bound to our window, so they open as its modal children. */
export interface BridgeDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** The few fs/promises calls the handlers make; node:fs/promises satisfies it. */
export interface BridgeFs {
  writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
}

export interface PdfPrinter {
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

/** The part of IpcMain that registration uses. */
export interface BridgeIpcMain {
  handle(channel: string, listener: (event: BridgeInvokeEvent, ...args: unknown[]) => unknown): void;
}
