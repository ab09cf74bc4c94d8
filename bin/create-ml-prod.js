#!/usr/bin/env node
// The bin only hands argv to the library; everything else lives in dist/.
import { runCli } from '../dist/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
