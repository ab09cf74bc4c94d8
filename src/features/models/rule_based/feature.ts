import type { FamilyFeature } from '../familyFeature.js';

/** Rule-based: the naive baseline (majority class / mean). */
export const ruleBasedFeature: FamilyFeature = { id: 'rule_based', model: () => 'naive', baseline: true, smallParams: false };
