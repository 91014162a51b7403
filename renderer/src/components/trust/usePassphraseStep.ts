import { useState } from 'react';
import { useNotify } from '../../app/context';
import { describeStoreError } from '../../store/errors';

type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string };

/**
 * A step signed with the county authority's passphrase (issue, revoke, save or restore the
 * authority): the passphrase typed, the step busy while it runs, a wrong passphrase said in the
 * field (not as a message, and nothing done), any other refusal as its localized message
 * (`pcs:refusal.<reason>`), a fault as the store's message.
 */
export function usePassphraseStep() {
  const notify = useNotify();
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run<T>(step: (passphrase: string) => Promise<Outcome<T>>, then: (value: { ok: true } & T) => void | Promise<void>): Promise<void> {
    setBusy(true);
    setWrong(false);
    try {
      const outcome = await step(passphrase);
      if (!outcome.ok) {
        if (outcome.reason === 'wrong-passphrase') setWrong(true);
        else notify({ severity: 'error', key: `pcs:refusal.${outcome.reason}` });
        return;
      }
      await then(outcome);
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    passphrase,
    run,
    /** What the PassphraseField takes. */
    field: { value: passphrase, onChange: (value: string) => (setPassphrase(value), setWrong(false)), problem: wrong ? ('wrong' as const) : undefined, disabled: busy },
  };
}
