import { csvFeature } from './csv/feature.js';
import type { DataLoader, LoaderFeature } from './loaderFeature.js';
import { parquetFeature } from './parquet/feature.js';
import { sqlFeature } from './sql/feature.js';

/**
 * Every data loader's module, keyed by the schema's choices: a loader without its module does not
 * compile. Where several chosen loaders have a fragment of the same name, they render in this order.
 */
export const loaderFeatures: Record<DataLoader, LoaderFeature> = {
  csv: csvFeature,
  parquet: parquetFeature,
  sql: sqlFeature,
};
