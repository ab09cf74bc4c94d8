#!/usr/bin/env node
// The bin only hands argv to the library; everything else lives in dist/. A lone --version is
// answered from package.json before any of it loads: scripts and CI probe the tool with it.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${manifest.version}\n`);
} else {
  // A signal after the run's work is done must not turn its exit code into 130: the command
  // installs its own handlers while it works; these keep later signals from killing the process.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
  const { runCli } = await import('../dist/cli.js');
  process.exitCode = await runCli(args);
}
