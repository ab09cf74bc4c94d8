import type { FamilyFeature } from '../familyFeature.js';

/** Linear and logistic regression; it serves a record in well under a millisecond. */
export const regressionFeature: FamilyFeature = {
  id: 'regression',
  model: (task) => (task === 'regression' ? 'linear_regression' : 'logistic_regression'),
  baseline: false,
  smallParams: false,
};
