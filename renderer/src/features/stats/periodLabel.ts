// Moved to components/ so that features other than stats (conflicts, overview, dashboard, reports)
// can name a period without importing the stats feature; importers here may switch at leisure.
export { periodLabel } from '../../components/periodLabel';
