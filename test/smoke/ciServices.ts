/**
 * A CI job's service containers, started the way its runner would start them, from Debian's
 * servers instead of images: redis-server and PostgreSQL (initdb and pg_ctl, as the `postgres`
 * user when run as root). Each listens on a free loopback port; the job's settings that name the
 * container's port on localhost are rewritten to that port (on a hosted runner the port is
 * published as is; here other jobs may hold it). An image missing from SERVICES fails.
 */
import { execa } from 'execa';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './serviceHelpers.js';

export interface RunningService {
  readonly image: string;
  readonly containerPort: number;
  readonly port: number;
  stop(): Promise<void>;
}

type Starter = (dir: string, port: number, env: Readonly<Record<string, string>>) => Promise<() => Promise<void>>;

/** Image name (without the tag's variant) -> the container's port and how Debian's server starts. */
export const SERVICES: Readonly<Record<string, { containerPort: number; start: Starter }>> = {
  redis: { containerPort: 6379, start: startRedis },
  postgres: { containerPort: 5432, start: startPostgres },
};

export async function startService(image: string, dir: string, env: Readonly<Record<string, string>> = {}): Promise<RunningService> {
  const name = image.split('/').pop()!.split(':')[0]!;
  const service = SERVICES[name];
  if (!service) throw new Error(`no local server for the service image ${image}: add it to SERVICES in ciServices.ts`);
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const stop = await service.start(dir, port, env);
  return { image, containerPort: service.containerPort, port, stop };
}

/** localhost:<container port> (and 127.0.0.1:) -> the port the service really listens on. */
export function rewritePorts(value: string, services: readonly RunningService[]): string {
  let result = value;
  for (const s of services) result = result.replace(new RegExp(`(localhost|127\\.0\\.0\\.1):${s.containerPort}\\b`, 'g'), `$1:${s.port}`);
  return result;
}

async function startRedis(dir: string, port: number): Promise<() => Promise<void>> {
  const server = execa('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    reject: false, stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const ping = await execa('redis-cli', ['-p', String(port), 'ping'], { reject: false });
    if (ping.stdout.trim() === 'PONG') return async () => { server.kill('SIGTERM'); await server; };
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port}`);
}

async function startPostgres(dir: string, port: number, env: Readonly<Record<string, string>>): Promise<() => Promise<void>> {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort().pop() : undefined;
  if (!version) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql');
  const bin = path.join(root, version, 'bin');
  // The server refuses to run as root: the postgres image runs it as its own user too.
  const prefix = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (prefix.length) chownSync(dir, Number((await execa('id', ['-u', 'postgres'])).stdout), Number((await execa('id', ['-g', 'postgres'])).stdout));
  const data = path.join(dir, 'data');
  const user = env.POSTGRES_USER ?? 'postgres';
  const run = (args: readonly string[], reject = true) => {
    const argv = [...prefix, ...args];
    return execa(argv[0]!, argv.slice(1), { all: true, reject });
  };
  // trust: the password the job's URL carries (POSTGRES_PASSWORD) is accepted, as in the image.
  await run([path.join(bin, 'initdb'), '-D', data, '-U', user, '-A', 'trust']);
  await run([path.join(bin, 'pg_ctl'), '-D', data, '-w', '-o', `-h 127.0.0.1 -p ${port} -k ${dir}`, '-l', path.join(dir, 'server.log'), 'start']);
  return async () => { await run([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', 'stop'], false); };
}
