/** The one liveness rule (deleted and incomplete rows left out), from the sync core. */
export { liveRows } from '../../../shared/sync/validate';
