// Runs ELK in a worker thread so that a large layout never blocks the language server or the CLI.
// Plain CommonJS: loaded as is from the sources (tests) and bundled with esbuild into dist/.
const { parentPort } = require('node:worker_threads');
const ELK = require('elkjs/lib/elk.bundled.js');

const elk = new ELK();

parentPort.on('message', message => {
    elk.layout(message.graph).then(
        result => parentPort.postMessage({ id: message.id, result }),
        error => parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) })
    );
});
