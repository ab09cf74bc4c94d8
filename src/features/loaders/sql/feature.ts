import type { LoaderFeature } from '../loaderFeature.js';

/** SQL tables or query files through SQLAlchemy, tested on SQLite and a throwaway PostgreSQL. */
export const sqlFeature: LoaderFeature = { id: 'sql' };
