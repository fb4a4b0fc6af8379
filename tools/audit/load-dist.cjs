'use strict';
// Compiled service code for the catalogue. Libraries may not import services (dependency-cruiser),
// so the audit tool reaches the services' own code through dist/, built by `npm run audit`.
const path = require('node:path');

const dist = path.join(__dirname, '..', '..', 'dist', 'services');

/** An export of a compiled service module, loaded on first use (so one service's build never blocks another's models). */
function load(service, file, name) {
  return () => {
    const mod = require(path.join(dist, service, 'src', file));
    if (!(name in mod)) throw new Error(`dist/services/${service}/src/${file} exports no ${name}`);
    return mod[name];
  };
}

module.exports = { load };
