#!/usr/bin/env node
// A check is over in about a second, too soon for V8's optimising compiler to pay for itself: tier
// up later, which saves about a sixth of the CPU time on a large estate (docs/performance.md).
require('node:v8').setFlagsFromString('--interrupt-budget=500000');
require('../dist/cli.cjs');
