import { boostingFeature } from './boosting/feature.js';
import { ensembleFeature } from './ensemble/feature.js';
import type { FamilyFeature, ModelFamily } from './familyFeature.js';
import { regressionFeature } from './regression/feature.js';
import { ruleBasedFeature } from './rule_based/feature.js';

/**
 * Every model family's module, keyed by the schema's choices: a family without its module does not
 * compile. Chosen families' fragments render in this order, and a project starts with the first
 * chosen family that is not a baseline (the most accurate on the sample data first: linear beats
 * the 200-tree forest there, accuracy 0.83 vs 0.78, r2 0.93 vs 0.84; see docs/benchmarks.md).
 */
export const familyFeatures: Record<ModelFamily, FamilyFeature> = {
  rule_based: ruleBasedFeature,
  regression: regressionFeature,
  ensemble: ensembleFeature,
  boosting: boostingFeature,
};
