#!/usr/bin/env node
'use strict';
// The auditors' command line (docs/audit/README.md): `npm run audit -- --help`.
// Thin on purpose: the code is the compiled library @kompeten/audit (dist/, built by the npm
// script), and read-models.cjs says which read models of which service a replay can rebuild.
require('../../deploy/register-paths.cjs');
const { main } = require('@kompeten/audit');
const { READ_MODELS } = require('./read-models.cjs');

main({ readModels: READ_MODELS });
