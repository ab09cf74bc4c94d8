import { classicFeature } from './classic/feature.js';
import type { LintFeature, LintStack } from './lintFeature.js';
import { ruffFeature } from './ruff/feature.js';

/** Every lint stack's module, keyed by the schema's choices: a stack without its module does not compile. */
export const lintFeatures: Record<LintStack, LintFeature> = {
  ruff: ruffFeature,
  classic: classicFeature,
};
