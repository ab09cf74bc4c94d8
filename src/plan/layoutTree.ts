import { ciFeatures } from '../features/ci/ciFeatures.js';

/**
 * The README's layout section, drawn from the planned paths, so it never lists a file that is
 * not there: every top-level entry, and the sub-folders of the folders worth opening.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  // Each CI provider describes its own folders (src/features/ci/<id>/feature.ts).
  ...Object.assign({}, ...Object.values(ciFeatures).map((f) => f.layout)),
  cicd: 'build and release images and scripts (see cicd/README.md)',
  'cicd/build': 'test image: docker/Dockerfile, build.sh, utils/',
  'cicd/release': 'release image: docker/Dockerfile, release.sh',
  'cicd/sample_request.json': "one sample row: the body of the CI's /predict checks",
  configs: 'settings: base.yaml plus integration, staging and production overlays',
  data: 'local data, not in git (see data/README.md)',
  deploy: 'deployment descriptors of the chosen strategies',
  'deploy/k8s': 'Kubernetes: kustomize base and staging/production overlays, training CronJob, apply.sh',
  'deploy/serverless': 'AWS SAM template, Lambda image Dockerfile, sample events',
  jobs: 'batch jobs: README.md, config.yaml and run.sh each',
  notebooks: 'exploration and proofs of concept',
  'notebooks/dummy_data': 'small sample data, kept in git',
  scripts: 'developer helper scripts',
  src: 'the installable Python package',
  'src/<pkg>/data_loaders': 'one loader per source, behind the DataLoader interface',
  'src/<pkg>/database': 'database scoring: reads rows, writes the predictions table',
  'src/<pkg>/engines': 'the batch engine behind one interface: pandas, Dask or PySpark',
  'src/<pkg>/lifecycle': 'model updates: ingest drops, registry, champion/challenger, drift',
  'src/<pkg>/orchestration': 'Prefect flows of the jobs',
  'src/<pkg>/stream': 'stream consumer: Redis Streams or Kafka, one prediction per event',
  'src/<pkg>/features': 'schema checks and fitted feature steps, saved with the model',
  'src/<pkg>/models': 'model families, registered by name',
  'src/<pkg>/pipelines': 'process, train, predict, evaluate',
  'src/<pkg>/service': 'FastAPI app: /health, /ready, /predict, /model',
  'src/<pkg>/serverless': 'AWS Lambda-style handler: event parsing, validation, responses',
  'src/<pkg>/preprocess': 'precomputed predictions: precompute a key space, look keys up',
  'src/<pkg>/run.py': 'the command-line application',
  tests: 'unit/ and integration/ suites, run_tests.py, .coveragerc',
  'build.py': 'builds the wheel and the images; deploys a release',
  Makefile: 'developer commands (make help)',
  'install.sh': 'the system packages the options need (apt; --dry-run lists them)',
  '.env.example': 'the environment variables the code reads, each explained',
  'pyproject.toml': 'package metadata, dependencies, tool settings',
  'CONTRIBUTING.md': 'onboarding and the team workflow',
  '.create-ml-prod.json': 'the answers this project was generated with',
};

/** Descriptions that depend on the components present (notebooks and images are optional). */
function variantDescriptions(paths: readonly string[]): Readonly<Record<string, string>> {
  const variant: Record<string, string> = {};
  if (!paths.some((p) => p.startsWith('notebooks/') && p.endsWith('.ipynb'))) {
    variant.notebooks = 'the sample data (no notebook)';
  }
  if (!paths.some((p) => p.startsWith('cicd/'))) {
    variant['build.py'] = 'checks the version and builds the wheel';
  }
  return variant;
}

/** Folders whose children are listed too (one level). */
const EXPANDED = ['cicd', 'deploy', 'jobs', 'notebooks', 'src/<pkg>', 'tests'];

interface Node {
  readonly path: string;
  readonly name: string;
  readonly isDir: boolean;
  readonly children: Node[];
}

export function layoutTree(projectName: string, packageName: string, paths: readonly string[]): string {
  const expanded = new Set(EXPANDED.map((p) => p.replace('<pkg>', packageName)));
  const variant = variantDescriptions(paths);
  const describe = (p: string) => {
    const key = p.replace(`src/${packageName}`, 'src/<pkg>');
    return variant[key] ?? DESCRIPTIONS[key] ?? '';
  };
  const top = childrenOf('', paths);
  // The package folder is shown as one entry `src/<pkg>/`, since src/ holds nothing else.
  const nodes = top.map((node) =>
    node.path === 'src' ? { ...node, path: `src/${packageName}`, name: `src/${packageName}` } : node,
  );
  for (const node of nodes) {
    if (node.isDir && expanded.has(node.path)) {
      node.children.push(...childrenOf(node.path, paths).filter((c) => c.isDir || DESCRIPTIONS[c.path.replace(`src/${packageName}`, 'src/<pkg>')]));
    }
  }
  const rows: [string, string][] = [[`${projectName}/`, '']];
  nodes.forEach((node, i) => {
    const last = i === nodes.length - 1;
    rows.push([`${last ? '└── ' : '├── '}${label(node)}`, describe(node.path) || (node.path === `src/${packageName}` ? describe('src') : '')]);
    node.children.forEach((child, j) => {
      const lastChild = j === node.children.length - 1;
      rows.push([`${last ? '    ' : '│   '}${lastChild ? '└── ' : '├── '}${label(child)}`, describe(child.path)]);
    });
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, text]) => (text ? `${left.padEnd(width)}${text}` : left)).join('\n');
}

function label(node: Node): string {
  return node.isDir ? `${node.name}/` : node.name;
}

/** Direct children of a folder, folders first, then files, each sorted by name. */
function childrenOf(dir: string, paths: readonly string[]): Node[] {
  const prefix = dir ? `${dir}/` : '';
  const seen = new Map<string, boolean>();
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const [head, ...tail] = rest.split('/');
    if (!head) continue;
    seen.set(head, (seen.get(head) ?? false) || tail.length > 0);
  }
  return [...seen]
    .map(([name, isDir]) => ({ path: `${prefix}${name}`, name, isDir, children: [] as Node[] }))
    .sort((a, b) => Number(b.isDir) - Number(a.isDir) || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}
