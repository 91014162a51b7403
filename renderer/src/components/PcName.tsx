import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { deviceNames, givenName, shortDeviceId } from '../../../shared/devices/names';
import { isolateLtr, isolateName } from '../../../shared/i18n/format';
import type { Lang } from '../../../shared/i18n/lang';
import type { MergedRow } from '../../../shared/sync/row';
import { useLanguage, useStore } from '../app/context';
import type { PeerEntry } from '../store/db';
import { IDENTITY_KEY, type Identity } from '../store/identity';

/** What people call each PC, by device id. */
export type PcNames = ReadonlyMap<string, string>;

/**
 * The names this PC knows: what each PC wrote about itself in the synced `device` table (the one
 * source that reaches every PC, relayed or through the hub), this PC's own name even before it is
 * written there, and — for a PC that has sent a file but has no row yet — the name its latest file
 * gave. Live: a name that arrives with an import shows at once.
 */
export function usePcNames(): PcNames | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [rows, identity, peers] = await Promise.all([
      store.db.table<MergedRow, string>('device').toArray(),
      store.db.meta.get(IDENTITY_KEY),
      store.db.peers.toArray(),
    ]);
    const names = new Map<string, string>();
    for (const peer of peers as PeerEntry[]) if (peer.name) names.set(peer.device, peer.name);
    for (const [device, name] of deviceNames(rows)) names.set(device, name);
    const own = (identity?.value as Identity | undefined)?.name;
    if (own) names.set(store.identity.device, own);
    return names;
  }, [store]);
}

/**
 * A PC as text for a sentence of either language: its name, isolated (a Chinese name inside Uyghur
 * text and the reverse keep their own order), or — unknown — "电脑 9bc5df", the first six digits of
 * its id, isolated left to right. Never the raw id or the account.
 */
export function pcLabel(device: string, names: PcNames | undefined, t: TFunction, lang: Lang): string {
  const name = names?.get(device);
  if (name) return isolateName(name);
  return t('common:pc.unnamed', { id: isolateLtr(shortDeviceId(device), lang) });
}

/** A PC by the name its certificate or request gives (pcLabel: the stand-in for an unnamed PC as any unnamed PC is shown). */
export function certifiedPcLabel(name: string, device: string, t: TFunction, lang: Lang): string {
  const given = givenName(name, device);
  return pcLabel(device, given ? new Map([[device, given]]) : undefined, t, lang);
}

/** A PC by name (pcLabel), with its full device id on hover for support staff. */
export function PcName({ device, names }: { device: string; names: PcNames | undefined }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (
    <span data-testid="pc-name" data-device={device} data-named={names?.has(device) ? 'true' : 'false'} title={device}>
      {pcLabel(device, names, t, lang)}
    </span>
  );
}
