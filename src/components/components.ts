import { ciFeatures } from '../features/ci/ciFeatures.js';
import { adrComponent } from './adrComponent.js';
import { baseComponent } from './baseComponent.js';
import { ciComponent } from './ciComponent.js';
import { depsComponent } from './depsComponent.js';
import { engineComponent } from './engineComponent.js';
import type { Component } from './component.js';
import { licenseComponent } from './licenseComponent.js';
import { loadersComponent } from './loadersComponent.js';
import { lifecycleComponent } from './lifecycleComponent.js';
import { lintComponent } from './lintComponent.js';
import { modelsComponent } from './modelsComponent.js';
import { pythonComponent } from './pythonComponent.js';
import { schedulerComponent } from './schedulerComponent.js';
import { strategiesComponent } from './strategiesComponent.js';
import { taskComponent } from './taskComponent.js';
import { trackerComponent } from './trackerComponent.js';
import { overlayWhen } from './toggleComponent.js';

/** Every component, in layering order: the base first, then one overlay per component. */
export const components: readonly Component[] = [
  baseComponent,
  pythonComponent,
  taskComponent,
  licenseComponent,
  modelsComponent,
  loadersComponent,
  depsComponent,
  lintComponent,
  overlayWhen('service', 'service', (a) => a.service),
  overlayWhen('jobs', 'jobs', (a) => a.jobs),
  overlayWhen('notebooks', 'notebooks', (a) => a.notebooks),
  overlayWhen('docker', 'docker', (a) => a.docker),
  overlayWhen('precommit', 'precommit', (a) => a.precommit),
  trackerComponent,
  ciComponent,
  // The template-sync and conflict-marker scripts every CI provider's jobs call.
  overlayWhen('ci-common', 'ci/common', (a) => ciFeatures[a.ci].runsPipelines),
  lifecycleComponent,
  strategiesComponent,
  engineComponent,
  schedulerComponent,
  adrComponent,
];
