import type { FamilyFeature } from '../familyFeature.js';

/** Random forests (models/ensemble/random_forests). */
export const ensembleFeature: FamilyFeature = { id: 'ensemble', model: () => 'random_forest', baseline: false, smallParams: true };
