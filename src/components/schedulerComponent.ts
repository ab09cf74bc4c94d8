import type { Component } from './component.js';

/** What runs the pipeline job on a schedule (`schedulers/<value>`); without jobs, nothing. */
export const schedulerComponent: Component = {
  id: 'scheduler',
  contribute: ({ scheduler, jobs }) => ({ overlays: jobs ? [`schedulers/${scheduler}`] : [] }),
};
