import '../node-polyfills.js';
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
    .then(code => { process.exitCode = code; })
    .catch(error => {
        process.stderr.write(`integ: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
