#!/usr/bin/env node
// The bin only hands argv to the library; everything else lives in dist/. A lone --version is
// answered from package.json before any of it loads: scripts and CI probe the tool with it.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${manifest.version}\n`);
} else {
  const { runCli } = await import('../dist/cli.js');
  process.exitCode = await runCli(args);
}
