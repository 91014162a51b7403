/**
 * Browser storage can be evicted under disk pressure unless the site is granted persistent storage
 * (a real complaint about Actual Budget's web version). Ask once at start; Electron's storage is
 * never evicted, and there the call simply reports true.
 *
 * The answer is kept per navigator: main.tsx asks without waiting, and the banner that warns of a
 * refusal asks again and gets the same promise, so it never reads a pending request as refused.
 * A browser without the Storage API cannot persist: that is a refusal too.
 */
const answers = new WeakMap<Navigator, Promise<boolean>>();

export function requestPersistentStorage(nav: Navigator = navigator): Promise<boolean> {
  let answer = answers.get(nav);
  if (!answer) {
    answer = ask(nav);
    answers.set(nav, answer);
  }
  return answer;
}

async function ask(nav: Navigator): Promise<boolean> {
  if (!nav.storage?.persist) return false;
  try {
    if (await nav.storage.persisted()) return true;
    return await nav.storage.persist();
  } catch {
    // A profile that cannot answer (a locked-down browser) keeps the data no safer than a "no".
    return false;
  }
}

export async function storagePersisted(nav: Navigator = navigator): Promise<boolean | null> {
  if (!nav.storage?.persisted) return null;
  return nav.storage.persisted();
}
