// Loads dist/cli.cjs the way `require` would, but compiles it with the V8 code cache that the build
// made by running a check (dist/cli.cjs.code-cache): a check then starts from compiled code instead
// of compiling Langium, Chevrotain and the rules function by function as they are first called.
// A cache from another Node or V8 build is rejected by V8 and the code is compiled as usual.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const CLI = path.join(__dirname, '..', 'dist', 'cli.cjs');
const CODE_CACHE = `${CLI}.code-cache`;

// A check is over in about a second, too soon for V8's optimising compiler to pay for itself and with
// most of what it allocates kept to the end: tier up later and grow the young generation faster.
// Set before compiling, since V8 accepts a code cache only under the flags it was made with.
for (const flag of ['--interrupt-budget=500000', '--min-semi-space-size=16', '--max-semi-space-size=128', '--semi-space-growth-factor=8']) {
    v8.setFlagsFromString(flag);
}

function readCodeCache() {
    try {
        return fs.readFileSync(CODE_CACHE);
    } catch {
        return undefined;
    }
}

/** The compiled CLI bundle, with the build's code cache when there is one. */
function compileCli(useCodeCache = true) {
    return new vm.Script(Module.wrap(fs.readFileSync(CLI, 'utf8')), { filename: CLI, cachedData: useCodeCache ? readCodeCache() : undefined });
}

/** Runs the compiled bundle as the module dist/cli.cjs, which starts the command in process.argv. */
function runCli(script) {
    const cli = new Module(CLI, module);
    cli.filename = CLI;
    cli.paths = Module._nodeModulePaths(path.dirname(CLI));
    script.runInThisContext().call(cli.exports, cli.exports, id => cli.require(id), cli, CLI, path.dirname(CLI));
}

module.exports = { CODE_CACHE, compileCli, runCli };
