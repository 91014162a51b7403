import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait for what the app does after a database write: on a loaded two-core CI machine
// that can take longer than the library's 1 s default (a PC's name written after the demo loads
// failed there once). A test that waits for something that never happens still fails, later.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.location.hash = '';
});
