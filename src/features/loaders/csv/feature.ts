import type { LoaderFeature } from '../loaderFeature.js';

/** CSV: the sample data's format, always chosen (a schema constraint). */
export const csvFeature: LoaderFeature = { id: 'csv' };
