import { orgSchema } from '../domain/org';
import type { FeatureTable } from '../feature/module';
import { ORG_RULE } from './rules';

/** The organisation tree: one row per league organisation, the county's at its root. */
export const ORG_TABLE: FeatureTable = { name: 'org', row: orgSchema, indexes: { 1: 'id, code, parentId, kind' }, rule: ORG_RULE };
