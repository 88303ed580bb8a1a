#!/usr/bin/env node
const { compileCli, runCli } = require('./load-cli.cjs');

runCli(compileCli());
