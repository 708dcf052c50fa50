import path from 'node:path';
import { writeSchemaFiles } from './schemas.ts';

// `npm run schemas`: writes schemas/ for editors (see schemas.ts).
writeSchemaFiles(path.resolve(import.meta.dirname, '../..'));
process.stdout.write('archsite: schemas/ written\n');
