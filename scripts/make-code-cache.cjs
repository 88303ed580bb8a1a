// Writes dist/cli.cjs.code-cache: V8's compiled code for the CLI bundle after a check of the reference
// sample, so that the functions a check calls are in it (see bin/load-cli.cjs).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { CODE_CACHE, compileCli, runCli } = require('../bin/load-cli.cjs');

const script = compileCli(false);
process.argv = [process.argv[0], 'integ', 'check', path.join(__dirname, '..', 'samples', 'reference'), '--format', 'json', '-o', path.join(os.tmpdir(), `integ-code-cache-${process.pid}.json`)];
process.on('exit', code => {
    fs.rmSync(process.argv[process.argv.length - 1], { force: true });
    // The reference sample has findings (exit code 1); 2 means the check itself failed.
    if (code > 1) return;
    fs.writeFileSync(CODE_CACHE, script.createCachedData());
    process.exitCode = 0;
});
runCli(script);
