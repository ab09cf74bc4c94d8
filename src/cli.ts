/** The bin's entry: only the argument parser loads up front; each command loads what it needs. */
export { main as runCli } from './cli/main.js';
