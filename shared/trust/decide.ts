import { canonicalJson } from '../sync/canonical';
import type { Change } from '../sync/change';
import { applyChangeToRow, type MergedRow } from '../sync/row';
import { adoptionIndex, adoptionOf, type Adoption, type AdoptionIndex } from './adoption';
import type { AuthorityRecord } from './authorityRecords';
import { authorize } from './authorize';
import { trustView, type TrustView } from './chain';
import type { Checked, HashedChange, PreparedMaterial } from './material';
import type { AdoptionReason, ChangeReason } from './reasons';
import type { RowFacts, RuleRegistry } from './rules';
import { sealIndex, verifyChange, type SealIndex, type Verification } from './verify';

/*
 * Deciding every change of a set, the same way on every PC, whatever order and grouping the set
 * arrived in.
 *
 * Changes are decided one by one in stamp order (ties, which only a forger makes, by hash). Each is
 * decided against the rows as the changes accepted before it left them — never refused ones — so a
 * refused "approve" cannot unlock or lock anything for what follows. Everything a decision reads is
 * a function of the set: the seals (verify.ts), what the county signed (chain.ts), and the state of
 * the earlier accepted changes, itself decided the same way. Hence the result is a function of the
 * set alone: the order records arrived in, how files grouped them, and duplicates change nothing.
 *
 * A refused change is not dropped: it stays in the set, and when more arrives (a certificate, a
 * seal, an earlier change) it is decided again with the rest (ledger.ts). Decisions can also go the
 * other way — a revocation arriving after a PC's later changes were accepted refuses them — so
 * whoever stores the outcome must be able to take a change's effect back out (the rows are
 * recomputed from the accepted changes).
 *
 * A change the county's checkpoint adopts (checkpoint.ts: written before trust, stamped before the
 * county's first checkpoint) is accepted as the county held it, before seals and rules are asked.
 *
 * Two verified changes with one id and different content (`conflicting-id`) are both refused:
 * the merge orders changes by their stamp, and one stamp cannot hold two values.
 */

export type Decision =
  | { status: 'accepted'; certificate: string }
  /** Adopted by the county's checkpoint (checkpoint.ts): written before trust, as the county held it. */
  | { status: 'accepted'; checkpoint: string }
  | { status: 'refused'; reason: ChangeReason; detail?: Readonly<Record<string, string>> };

export interface DecisionInputs {
  trust: TrustView;
  seals: SealIndex;
  adoption: AdoptionIndex;
  rules: RuleRegistry;
}

/** What deciding needs, from the pinned home and prepared material: the one way every decider builds it. */
export function decisionInputs(home: Checked<AuthorityRecord>, material: Pick<PreparedMaterial, 'successions' | 'certificates' | 'revocations' | 'seals' | 'checkpoints'>, rules: RuleRegistry): DecisionInputs {
  const trust = trustView(home, material);
  return { trust, seals: sealIndex(material.seals), adoption: adoptionIndex(material.checkpoints, trust), rules };
}

/**
 * The rows formed by accepted changes, applied in stamp order (the merge's own per-field rule).
 * `held`, where given, answers for rows no change here has touched: a store deciding new changes
 * on top of the rows it holds (which hold only accepted changes) starts from them.
 */
export class AcceptedRows {
  readonly #tables = new Map<string, Map<string, MergedRow>>();

  constructor(private readonly held?: (table: string, id: string) => MergedRow | undefined) {}

  get(table: string, id: string): MergedRow | undefined {
    const rows = this.#tables.get(table);
    return rows?.has(id) ? rows.get(id) : this.held?.(table, id);
  }

  apply(change: Change): void {
    let rows = this.#tables.get(change.table);
    if (rows === undefined) this.#tables.set(change.table, (rows = new Map()));
    rows.set(change.row, applyChangeToRow(this.get(change.table, change.row), change).row);
  }
}

export const byStampThenHash = (a: HashedChange, b: HashedChange): number =>
  a.change.hlc < b.change.hlc ? -1 : a.change.hlc > b.change.hlc ? 1 : a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;

/**
 * Decides `ordered` (sorted by byStampThenHash) from position `from` on, against `state`, which must
 * hold exactly the accepted changes before `from`; accepted changes are applied to it. `from` must
 * be the first change of its stamp, so that every change sharing an id is decided together.
 */
export function decideInOrder(ordered: readonly HashedChange[], from: number, state: AcceptedRows, inputs: DecisionInputs, out: Map<string, Decision>): void {
  const verified: Verification[] = [];
  const idCount = new Map<string, number>();
  const adopted: Adoption[] = [];
  for (let i = from; i < ordered.length; i++) {
    const adoption = adoptionOf(ordered[i]!, inputs.adoption);
    adopted.push(adoption);
    const verification = verifyChange(ordered[i]!, inputs.seals);
    verified.push(verification);
    if (verification.ok || adoption.status === 'adopted') idCount.set(ordered[i]!.change.id, (idCount.get(ordered[i]!.change.id) ?? 0) + 1);
  }
  for (let i = from; i < ordered.length; i++) {
    const { change, hash } = ordered[i]!;
    const verification = verified[i - from]!;
    const adoption = adopted[i - from]!;
    let decision: Decision;
    if (adoption.status === 'adopted') decision = idCount.get(change.id)! > 1 ? { status: 'refused', reason: 'conflicting-id' } : { status: 'accepted', checkpoint: adoption.checkpoint };
    else if (!verification.ok) decision = { status: 'refused', reason: adoptionReason(adoption) ?? verification.reason };
    else if (idCount.get(change.id)! > 1) decision = { status: 'refused', reason: 'conflicting-id' };
    else {
      const verdict = authorize(change, { trust: inputs.trust, sealed: verification, rules: inputs.rules, facts: factsFor(change, state, inputs.trust.county) });
      const reason = verdict.ok ? undefined : adoptionReason(adoption);
      decision = verdict.ok
        ? { status: 'accepted', certificate: verdict.certificate.id }
        : reason !== undefined
          ? { status: 'refused', reason }
          : { status: 'refused', reason: verdict.reason, ...(verdict.detail === undefined ? {} : { detail: verdict.detail }) };
    }
    if (decision.status === 'accepted') state.apply(change);
    out.set(hash, decision);
  }
}

/** A listing that did not adopt says why, in place of what the seals or the rule said. */
function adoptionReason(adoption: Adoption): AdoptionReason | undefined {
  return adoption.status === 'late' ? 'checkpoint-late' : adoption.status === 'untrusted' ? 'checkpoint-untrusted' : undefined;
}

function factsFor(change: Change, state: AcceptedRows, county: string): RowFacts {
  return { county, before: state.get(change.table, change.row), row: (table, id) => state.get(table, id) };
}

/** Every change of a set decided, by hash: the batch form of ledger.ts, and its specification. */
export function decideAll(home: Checked<AuthorityRecord>, material: PreparedMaterial, rules: RuleRegistry): Map<string, Decision> {
  const byHash = new Map(material.changes.map((c) => [c.hash, c]));
  const ordered = [...byHash.values()].sort(byStampThenHash);
  const out = new Map<string, Decision>();
  decideInOrder(ordered, 0, new AcceptedRows(), decisionInputs(home, material, rules), out);
  return out;
}

export function sameDecision(a: Decision | undefined, b: Decision | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
}
