// Builds the dashboard into dist/: one bundle of src/main.js (ECharts, the world's
// shapes from world-atlas, country names from i18n-iso-countries) beside index.html and
// style.css. Everything the page needs is in dist/: it makes no request but to its own
// server (the API of dyad serve).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'assets'), { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outfile: join(dist, 'assets/app.js'),
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));
copyFileSync(join(here, 'src/style.css'), join(dist, 'assets/style.css'));
console.log('dashboard built in ' + dist);
