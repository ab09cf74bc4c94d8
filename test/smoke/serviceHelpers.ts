import { createServer } from 'node:net';

/** A free TCP port on loopback, for a service a smoke test starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The first complete row of a CSV (the sample data has missing values on purpose) as a request record. */
export function recordFromCsv(csv: string, features: readonly string[]): Record<string, unknown> {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header!.split(',');
  const row = rows.map((r) => r.split(',')).find((values) => features.every((w) => values[columns.indexOf(w)] !== ''))!;
  const record: Record<string, unknown> = {};
  for (const feature of features) {
    const value = row[columns.indexOf(feature)]!;
    record[feature] = Number.isNaN(Number(value)) ? value : Number(value);
  }
  return record;
}
