import { main } from '@kompeten/audit';
import { READ_MODELS } from './read-models';

// The auditors' command line (docs/audit/README.md): `npm run audit -- --help`. Built by
// `tsc -b tsconfig.build.json` into dist/tools/audit/src/main.js and run with
// `node -r ./deploy/register-paths.cjs dist/tools/audit/src/main.js …` (what `npm run audit` does).
void main({ readModels: READ_MODELS });
