/**
 * WebCrypto answers late in every unit test. IndexedDB commits a transaction as soon as it has
 * nothing pending when the event loop turns, so awaiting WebCrypto (or any other foreign promise)
 * inside a transaction loses it — but only if the answer comes after that turn, which in a real
 * browser depends on load. Here it always does: a test that runs a transactional path with a
 * foreign await in it fails every time (renderer/src/store/tx.ts), instead of now and then on an
 * office PC. test/unit/store/transactions.test.ts runs every transactional path of the app.
 */
const LATE_MS = 2;
const subtle = globalThis.crypto.subtle as unknown as Record<string, unknown>;
for (const name of ['digest', 'sign', 'verify', 'importKey', 'exportKey', 'generateKey', 'deriveKey', 'deriveBits', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey']) {
  const original = subtle[name];
  if (typeof original !== 'function') continue;
  Object.defineProperty(subtle, name, {
    configurable: true,
    value: async function late(this: unknown, ...args: unknown[]) {
      const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(globalThis.crypto.subtle, args);
      await new Promise((resolve) => setTimeout(resolve, LATE_MS));
      return result;
    },
  });
}
