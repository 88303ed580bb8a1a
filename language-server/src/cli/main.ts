import '../node-polyfills.cjs';
import { UsageError, describe } from './collect-files.js';
import { runCli } from './run-cli.js';
import { visible } from '../render/visible-text.js';

// `integ check | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

/** The working folder, or a usage error when it is gone (deleted while the shell stood in it). */
function workingFolder(): string {
    try {
        return process.cwd();
    } catch (error) {
        throw new UsageError(`the working folder cannot be read: ${describe(error)}`);
    }
}

Promise.resolve()
    .then(() => runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: workingFolder() }))
    .then(code => {
        process.exitCode = code;
        // Once the output is flushed, exit without tearing down a heap the size of the estate's syntax trees.
        process.stdout.write('', () => process.exit(code));
    })
    .catch(error => {
        const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
        process.stderr.write(`integ: ${visible(message)}\n`);
        process.exitCode = 2;
    });
