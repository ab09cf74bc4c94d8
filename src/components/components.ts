import { baseComponent } from './baseComponent.js';
import type { Component } from './component.js';
import { licenseComponent } from './licenseComponent.js';
import { pythonComponent } from './pythonComponent.js';
import { taskComponent } from './taskComponent.js';

/** Every component, in layering order: the base first, then one overlay per component. */
export const components: readonly Component[] = [
  baseComponent,
  pythonComponent,
  taskComponent,
  licenseComponent,
];
