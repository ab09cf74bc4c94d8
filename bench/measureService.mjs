/** @import { Project, Section } from './types.js' */
import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
import { benchEnv } from './benchEnv.mjs';
import { benchVenv } from './benchVenv.mjs';
import { formatMs, formatPercent } from './format.mjs';
import { freePort } from './freePort.mjs';
import { freshDir } from './freshDir.mjs';
import { median } from './median.mjs';
import { projectIn, projectPhases, uvEnv } from './projectPhases.mjs';
import { runPhases } from './runPhases.mjs';
import { sampleRecord } from './sampleRecord.mjs';
import { startServer } from './startServer.mjs';
import { lastLine } from './timingTable.mjs';
import { waitForHttp } from './waitForHttp.mjs';

const CONNECTIONS = 8;
const SECONDS = 5;

/**
 * The generated REST service on one uvicorn worker on 127.0.0.1, under a fixed number of
 * connections: GET /health (the framework's floor) and POST /predict with one record, alternated
 * round by round so both see the same machine. Uses the green measure's project when given.
 * @param {{ runs: number | undefined, project: Project | undefined, log: (line: string) => void }} options
 * @returns {Promise<Section>}
 */
export async function measureService({ runs, project, log }) {
  const env = benchEnv(uvEnv(benchVenv().bin('uv')));
  /** @type {string[]} */
  const notes = [];
  let own;
  if (!project) {
    log('  generating and installing a project (uv)');
    own = freshDir('service');
    const setup = runPhases(projectPhases(own.dir).slice(0, 2), env, log);
    const failed = setup.find((r) => r.status !== 'ok');
    if (failed) {
      own.remove();
      return failedSection(`${failed.name} failed: ${lastLine(failed.output)}`);
    }
    project = projectIn(own.dir);
  }
  try {
    return await underLoad(project, runs ?? 3, env, notes, log);
  } finally {
    own?.remove();
  }
}

/**
 * @param {Project} project
 * @param {number} rounds
 * @param {Record<string, string>} env
 * @param {string[]} notes
 * @param {(line: string) => void} log
 * @returns {Promise<Section>}
 */
async function underLoad(project, rounds, env, notes, log) {
  const { root, packageName } = project;
  const training = runPhases(
    ['process', 'train'].map((step) => ({ name: `run ${step}`, file: project.python, args: ['-m', `${packageName}.run`, step], cwd: root, timeoutMs: 600_000, required: true })),
    env,
    log,
  );
  const failed = training.find((r) => r.status !== 'ok');
  if (failed) return failedSection(`${failed.name} failed: ${lastLine(failed.output)}`);
  const record = sampleRecord(root);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(
    project.bin('uvicorn'),
    [`${packageName}.service.app:app`, '--host', '127.0.0.1', '--port', String(port), '--workers', '1'],
    { cwd: root, env, logFile: path.join(root, 'bench-uvicorn.log') },
  );
  try {
    await waitForHttp(`${base}/ready`, { timeoutMs: 60_000, gaveUp: server.gone });
    const body = JSON.stringify(record);
    const headers = { 'content-type': 'application/json' };
    const probe = await fetch(`${base}/predict`, { method: 'POST', headers, body });
    if (!probe.ok) return failedSection(`POST /predict answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);

    const targets = {
      health: { url: `${base}/health` },
      predict: { url: `${base}/predict`, method: 'POST', headers, body },
    };
    /** @type {Record<'health' | 'predict', { rps: number[], p50: number[], p99: number[], bad: number }>} */
    const seen = { health: { rps: [], p50: [], p99: [], bad: 0 }, predict: { rps: [], p50: [], p99: [], bad: 0 } };
    // A short warm-up of each: imports, first-call caches, the JIT of the load generator.
    for (const options of Object.values(targets)) await autocannon({ ...options, connections: CONNECTIONS, duration: 1 });
    for (let round = 0; round < rounds; round += 1) {
      for (const name of /** @type {const} */ (['health', 'predict'])) {
        const result = await autocannon({ ...targets[name], connections: CONNECTIONS, duration: SECONDS, timeout: 10 });
        const rps = result.requests.total / result.duration;
        seen[name].rps.push(rps);
        seen[name].p50.push(result.latency.p50);
        seen[name].p99.push(result.latency.p99);
        seen[name].bad += result.non2xx + result.errors + result.timeouts;
        log(`    round ${round + 1}/${rounds} ${name}: ${rps.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
      }
    }
    // One connection: the service time of a single prediction, without the queueing of 8.
    const alone = await autocannon({ ...targets.predict, connections: 1, duration: SECONDS, timeout: 10 });
    log(`    predict, 1 connection: ${(alone.requests.total / alone.duration).toFixed(0)} req/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms`);
    const m = (/** @type {'health' | 'predict'} */ name) => ({
      rps: median(seen[name].rps), p50: median(seen[name].p50), p99: median(seen[name].p99), bad: seen[name].bad,
    });
    const health = m('health');
    const predict = m('predict');
    const share = predict.rps / health.rps;
    const aloneBad = alone.non2xx + alone.errors + alone.timeouts;
    const clean = health.bad === 0 && predict.bad === 0 && aloneBad === 0;
    notes.push(
      `${rounds} round${rounds === 1 ? '' : 's'} of ${SECONDS} s per endpoint, alternated, after 1 s of warm-up each; ${CONNECTIONS} connections (the info row: one ${SECONDS} s run with 1 connection, the time of one prediction without queueing); autocannon runs in the bench's node process on the same machine, so client and server share its ${os.availableParallelism()} cores.`,
      `/predict body: ${body}`,
    );
    if (!clean) notes.push(`Non-2xx responses, errors or timeouts: /health ${health.bad}, /predict ${predict.bad + aloneBad}; server log: ${lastLine(server.log())}`);
    return {
      id: 'service',
      title: 'Generated REST service under load (one uvicorn worker, 127.0.0.1)',
      tables: [{
        headers: ['endpoint', 'req/s (median)', 'p50', 'p99', 'non-2xx, errors'],
        rows: [
          ['GET /health', health.rps.toFixed(0), formatMs(health.p50), formatMs(health.p99), String(health.bad)],
          ['POST /predict (1 record)', predict.rps.toFixed(0), formatMs(predict.p50), formatMs(predict.p99), String(predict.bad)],
          ['POST /predict, 1 connection (info)', (alone.requests.total / alone.duration).toFixed(0), formatMs(alone.latency.p50), formatMs(alone.latency.p99), String(aloneBad)],
        ],
      }],
      targets: [
        { name: 'service: /predict req/s vs /health', target: '>= 50%', measured: formatPercent(share), status: !clean ? 'fail' : share >= 0.5 ? 'pass' : 'miss' },
        { name: 'service: /predict p99', target: '< 50 ms', measured: formatMs(predict.p99), status: !clean ? 'fail' : predict.p99 < 50 ? 'pass' : 'miss' },
      ],
      notes,
    };
  } catch (error) {
    return failedSection(`${error instanceof Error ? error.message : String(error)}; server log: ${lastLine(server.log())}`);
  } finally {
    await server.stop();
  }
}

/** @param {string} reason @returns {Section} */
function failedSection(reason) {
  return {
    id: 'service',
    title: 'Generated REST service under load (one uvicorn worker, 127.0.0.1)',
    tables: [],
    targets: [
      { name: 'service: /predict req/s vs /health', target: '>= 50%', measured: 'failed', status: 'fail' },
      { name: 'service: /predict p99', target: '< 50 ms', measured: 'failed', status: 'fail' },
    ],
    notes: [`Not measured: ${reason}`],
  };
}
