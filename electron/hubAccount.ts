import type { HubAccount } from '../shared/sync/hub/relay';

/** Electron's safeStorage, as much as the store uses (tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
}

export interface AccountFs {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface HubAccountStore {
  load(): Promise<HubAccount | undefined>;
  save(account: HubAccount): Promise<'saved' | 'no-safe-storage' | 'write-failed'>;
  forget(): Promise<void>;
}

interface StoredAccount {
  server: string;
  db: string;
  user: string;
  scope: string;
  /** safeStorage ciphertext, base64. */
  password: string;
}

/**
 * The hub account, in `hub-account.json` in the data folder: address, user and scope in clear,
 * the password encrypted by the OS keychain (Electron safeStorage: DPAPI on Windows, libsecret or
 * kwallet on Linux). Where the OS offers no keychain the account is not stored at all — the UI
 * says so — rather than kept in a file anyone can read. Nothing here is ever logged.
 */
export function createHubAccountStore(file: string, safeStorage: SafeStorageLike, fs: AccountFs): HubAccountStore {
  let cached: HubAccount | undefined;
  let loaded = false;
  return {
    async load() {
      if (loaded) return cached;
      loaded = true;
      try {
        const stored = JSON.parse(new TextDecoder().decode(await fs.readFile(file))) as StoredAccount;
        if (!safeStorage.isEncryptionAvailable()) return (cached = undefined);
        const password = safeStorage.decryptString(Buffer.from(stored.password, 'base64'));
        cached = { server: stored.server, db: stored.db, user: stored.user, scope: stored.scope, password };
      } catch {
        // No file yet, or one this keychain cannot read (copied from another PC): no account.
        cached = undefined;
      }
      return cached;
    },
    async save(account) {
      if (!safeStorage.isEncryptionAvailable()) return 'no-safe-storage';
      const stored: StoredAccount = {
        server: account.server,
        db: account.db,
        user: account.user,
        scope: account.scope,
        password: Buffer.from(safeStorage.encryptString(account.password)).toString('base64'),
      };
      try {
        const temp = `${file}.tmp`;
        await fs.writeFile(temp, new TextEncoder().encode(`${JSON.stringify(stored, null, 2)}\n`));
        await fs.rename(temp, file);
      } catch {
        return 'write-failed';
      }
      cached = account;
      loaded = true;
      return 'saved';
    },
    async forget() {
      await fs.rm(file, { force: true });
      cached = undefined;
      loaded = true;
    },
  };
}
