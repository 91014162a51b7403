import { adoptionIndex, type AdoptionIndex } from './adoption';
import type { Succession, AuthorityRecord } from './authorityRecords';
import type { Certificate } from './certificate';
import type { Checkpoint } from './checkpoint';
import { trustView, type TrustView } from './chain';
import { AcceptedRows, byStampThenHash, decideInOrder, sameDecision, type Decision } from './decide';
import type { Checked, HashedChange, PreparedMaterial } from './material';
import type { Revocation } from './revocation';
import type { RuleRegistry } from './rules';
import type { Seal } from './seal';
import { indexSeal, sealIndex, type SealIndex } from './verify';

/*
 * A PC's trust decisions, kept up to date as material arrives in any order: the incremental form of
 * decideAll (decide.ts), and equal to it after every step — the property test feeds random orders
 * and groupings of the same material to several ledgers and checks each against decideAll of the
 * union (test/unit/trust/orderIndependence.property.test.ts).
 *
 * Nothing is ever dropped. What arrives is added to the held set, and the changes whose decision it
 * can affect are decided again, from the earliest stamp it can reach:
 * - a change: itself and everything stamped after it (it may change the rows they are judged on);
 * - a seal: the changes it lists, and its device's changes within its span;
 * - a certificate or revocation: its device's changes;
 * - a checkpoint: the changes it lists, and every change from its `issued` on (it may be the first,
 *   and move the cut earlier);
 * - a succession: everything (which keys are the county's may have changed).
 * Changes before that stamp keep their decisions: nothing they depend on has changed. Most
 * imports bring changes newer than all held ones and no new certificate, and then only the new
 * changes are decided, against the rows as they stand.
 */

export interface DecisionChange {
  hash: string;
  id: string;
  before: Decision | undefined;
  after: Decision;
}

export class TrustLedger {
  readonly #home: Checked<AuthorityRecord>;
  readonly #rules: RuleRegistry;
  readonly #successions = new Map<string, Checked<Succession>>();
  readonly #certificates = new Map<string, Checked<Certificate>>();
  readonly #revocations = new Map<string, Checked<Revocation>>();
  readonly #seals = new Map<string, Checked<Seal>>();
  readonly #checkpoints = new Map<string, Checked<Checkpoint>>();
  #adoption: AdoptionIndex;
  readonly #index: SealIndex = sealIndex();
  readonly #changes = new Map<string, HashedChange>();
  /** Held changes, sorted by stamp then hash. */
  #ordered: HashedChange[] = [];
  /** Per device, the least stamp of its held changes. */
  readonly #earliest = new Map<string, string>();
  readonly #decisions = new Map<string, Decision>();
  /** The rows after every accepted change: where a replay that starts past the end goes on from. */
  #stateAtEnd = new AcceptedRows();
  #view: TrustView;

  constructor(home: Checked<AuthorityRecord>, rules: RuleRegistry) {
    this.#home = home;
    this.#rules = rules;
    this.#view = this.#rebuildView();
    this.#adoption = adoptionIndex([], this.#view);
  }

  get view(): TrustView {
    return this.#view;
  }

  decision(hash: string): Decision | undefined {
    return this.#decisions.get(hash);
  }

  /** Every held change's decision, by hash. */
  decisions(): ReadonlyMap<string, Decision> {
    return this.#decisions;
  }

  /** Adds material (prepared: material.ts) and returns the decisions that changed. */
  add(material: PreparedMaterial): DecisionChange[] {
    let from: string | undefined;
    const reach = (stamp: string | undefined) => {
      if (stamp !== undefined && (from === undefined || stamp < from)) from = stamp;
    };
    const lastBefore = this.#ordered[this.#ordered.length - 1]?.change.hlc;

    const fresh = material.changes.filter((c) => !this.#changes.has(c.hash));
    for (const hashed of fresh) {
      this.#changes.set(hashed.hash, hashed);
      const { device, hlc } = hashed.change;
      const earliest = this.#earliest.get(device);
      if (earliest === undefined || hlc < earliest) this.#earliest.set(device, hlc);
      reach(hlc);
    }
    if (fresh.length > 0) this.#ordered = [...this.#ordered, ...fresh].sort(byStampThenHash);

    for (const seal of material.seals) {
      if (this.#seals.has(seal.id)) continue;
      this.#seals.set(seal.id, seal);
      indexSeal(this.#index, seal);
      reach(seal.record.first);
      for (const hash of seal.record.hashes) reach(this.#changes.get(hash)?.change.hlc);
    }
    let viewChanged = false;
    for (const checked of material.certificates) {
      if (this.#certificates.has(checked.id)) continue;
      this.#certificates.set(checked.id, checked);
      reach(this.#earliest.get(checked.record.device));
      viewChanged = true;
    }
    for (const checked of material.revocations) {
      if (this.#revocations.has(checked.id)) continue;
      this.#revocations.set(checked.id, checked);
      reach(this.#earliest.get(checked.record.device));
      viewChanged = true;
    }
    for (const checked of material.successions) {
      if (this.#successions.has(checked.id)) continue;
      this.#successions.set(checked.id, checked);
      reach('');
      viewChanged = true;
    }
    let checkpointsChanged = false;
    for (const checked of material.checkpoints) {
      if (this.#checkpoints.has(checked.id)) continue;
      this.#checkpoints.set(checked.id, checked);
      // The changes it lists, and (if it is the first) every change from its cut on.
      reach(checked.record.issued);
      for (const hash of checked.record.hashes) reach(this.#changes.get(hash)?.change.hlc);
      checkpointsChanged = true;
    }
    if (viewChanged) this.#view = this.#rebuildView();
    if (viewChanged || checkpointsChanged) this.#adoption = adoptionIndex([...this.#checkpoints.values()], this.#view);
    if (from === undefined || this.#ordered.length === 0) return [];
    return this.#replayFrom(from, lastBefore);
  }

  #rebuildView(): TrustView {
    return trustView(this.#home, {
      successions: [...this.#successions.values()],
      certificates: [...this.#certificates.values()],
      revocations: [...this.#revocations.values()],
    });
  }

  /** Decides again every change stamped at or after `from`. */
  #replayFrom(from: string, lastBefore: string | undefined): DecisionChange[] {
    const start = firstAtOrAfter(this.#ordered, from);
    if (start === this.#ordered.length) return [];
    // Past the end of what was held before: go on from the rows as they stand.
    let state: AcceptedRows;
    if (lastBefore !== undefined && from > lastBefore) state = this.#stateAtEnd;
    else if (lastBefore === undefined) state = new AcceptedRows();
    else {
      state = new AcceptedRows();
      for (let i = 0; i < start; i++) {
        const held = this.#ordered[i]!;
        if (this.#decisions.get(held.hash)?.status === 'accepted') state.apply(held.change);
      }
    }
    const decided = new Map<string, Decision>();
    decideInOrder(this.#ordered, start, state, { trust: this.#view, seals: this.#index, adoption: this.#adoption, rules: this.#rules }, decided);
    this.#stateAtEnd = state;
    const changed: DecisionChange[] = [];
    for (const [hash, after] of decided) {
      const before = this.#decisions.get(hash);
      if (sameDecision(before, after)) continue;
      this.#decisions.set(hash, after);
      changed.push({ hash, id: this.#changes.get(hash)!.change.id, before, after });
    }
    return changed;
  }
}

/** The index of the first change stamped at or after `stamp`. */
function firstAtOrAfter(ordered: readonly HashedChange[], stamp: string): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ordered[mid]!.change.hlc < stamp) low = mid + 1;
    else high = mid;
  }
  return low;
}
