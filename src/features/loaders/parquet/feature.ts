import type { LoaderFeature } from '../loaderFeature.js';

/** Parquet files through pyarrow. */
export const parquetFeature: LoaderFeature = { id: 'parquet' };
