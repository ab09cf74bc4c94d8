import type { Component } from './component.js';

/** The ML task: its sample data and the task-specific settings. */
export const taskComponent: Component = {
  id: 'task',
  contribute: ({ task }) => ({
    overlays: [`task/${task}`],
    data: { isClassification: task === 'classification', isRegression: task === 'regression' },
  }),
};
