import type { FamilyFeature } from '../familyFeature.js';

/** Gradient boosting (models/ensemble/boosting). */
export const boostingFeature: FamilyFeature = { id: 'boosting', model: () => 'gradient_boosting', baseline: false, smallParams: true };
