import '../node-polyfills.js';
import { runCli } from './run-cli.js';

// `integ check | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
    .then(code => {
        process.exitCode = code;
        // Once the output is flushed, exit without tearing down a heap the size of the estate's syntax trees.
        process.stdout.write('', () => process.exit(code));
    })
    .catch(error => {
        process.stderr.write(`integ: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
