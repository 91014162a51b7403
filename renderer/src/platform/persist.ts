/**
 * Browser storage can be evicted under disk pressure unless the site is granted persistent storage
 * (a real complaint about Actual Budget's web version). Ask once at start; Electron's storage is
 * never evicted, and there the call simply reports true.
 */
export async function requestPersistentStorage(nav: Navigator = navigator): Promise<boolean> {
  if (!nav.storage?.persist) return false;
  if (await nav.storage.persisted()) return true;
  return nav.storage.persist();
}

export async function storagePersisted(nav: Navigator = navigator): Promise<boolean | null> {
  if (!nav.storage?.persisted) return null;
  return nav.storage.persisted();
}
