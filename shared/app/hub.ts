import { REPORT_STATUSES } from '../domain/stats';
import { ORG_TABLE } from '../orgs/tables';
import type { HubPolicy } from '../sync/hub/design';
import { hubPolicy } from '../trust/hubPolicy';
import { APP_REGISTRY } from './registry';

/** What the hub holds device accounts to: the app's trust rules, as one document shows them (`hub setup`). */
export const APP_HUB_POLICY: HubPolicy = hubPolicy(APP_REGISTRY.tables.names, APP_REGISTRY.rules, REPORT_STATUSES, ORG_TABLE.name);
