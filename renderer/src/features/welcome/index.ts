import type { RendererFeature } from '../../app/feature';

/** The first start (the shell shows it until a choice is made); it has no route of its own. */
export { FirstStart } from './FirstStart';

export const welcomeFeature: RendererFeature = {
  id: 'welcome',
  namespaces: ['welcome', 'pcs'],
  routes: [],
};
