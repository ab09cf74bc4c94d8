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
  // Handlebars falls back to its own code builder without source-map (27 kB we never use).
  alias: { 'source-map': './scripts/stubs/sourceMap.js' },
  logLevel: 'warning',
});
// The compiler alone, required by the renderer only on a compiled-cache miss.
await build({
  entryPoints: ['src/render/precompiler.cjs'],
  outfile: 'dist/precompiler.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  alias: { 'source-map': './scripts/stubs/sourceMap.js' },
  logLevel: 'warning',
});
// The public API's declarations as one file (a fifth of the size of one .d.ts per module).
execFileSync(
  process.execPath,
  ['node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js', '--silent', '--no-check', '--project', 'tsconfig.build.json', '-o', 'dist/index.d.ts', 'src/index.ts'],
  { stdio: 'inherit' },
);
