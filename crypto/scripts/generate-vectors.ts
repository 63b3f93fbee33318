import { writeFileSync } from 'node:fs';
import { buildVectors } from './vectors.js';

const path = new URL('../vectors.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(await buildVectors(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
