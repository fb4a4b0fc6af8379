'use strict';
// Preload for compiled code: `node -r ./deploy/register-paths.cjs dist/services/<name>/src/main.js`.
// The sources import libraries as `@kompeten/<lib>` (tsconfig paths); tsc does not rewrite those
// specifiers, so at run time they are sent to the compiled library under dist/. No dependency
// (tsconfig-paths would read tsconfig.*.json, which the runtime image does not carry).
// Works in the image (/app) and from the repo root after `npx tsc -b tsconfig.build.json`.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const ROOT = path.resolve(__dirname, '..');
// Exactly the bare names tsconfig.base.json maps (`@kompeten/<lib>`); subpaths are not mapped.
const NAME = /^@kompeten\/([a-z0-9][a-z0-9._-]*)$/;

/** The compiled entry for a `@kompeten/<lib>` request, or undefined for any other request. */
function kompetenTarget(request, root = ROOT) {
  const m = NAME.exec(request);
  return m ? path.join(root, 'dist', 'libs', m[1], 'src', 'index.js') : undefined;
}

const HOOKED = Symbol.for('kompeten.register-paths');
if (!Module[HOOKED]) {
  Module[HOOKED] = true;
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveKompeten(request, parent, ...rest) {
    const target = kompetenTarget(request);
    if (target === undefined) return original.call(this, request, parent, ...rest);
    if (fs.existsSync(target)) return target;
    const err = new Error(
      `Cannot find module '${request}': ${target} does not exist (run \`npx tsc -b tsconfig.build.json\`)`,
    );
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  };
}

module.exports = { kompetenTarget, ROOT };
