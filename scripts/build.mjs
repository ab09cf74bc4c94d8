// Bundles the library and CLI into one ESM file with every dependency inlined (zero runtime deps),
// then emits the type declarations of the public API.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  // Two entries sharing chunks: the library (index.js) and the bin's lean start (cli.js).
  entryPoints: ['src/index.ts', 'src/cli.ts'],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // Bundled CommonJS code (handlebars) calls require() for Node built-ins.
  banner: { js: "import { createRequire as __cmpRequire } from 'node:module'; const require = __cmpRequire(import.meta.url);" },
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
