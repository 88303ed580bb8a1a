import { UsageError } from './collect-files.js';

export interface ParsedArgs {
    paths: string[];
    options: Map<string, string>;
    flags: Set<string>;
}

/**
 * `--name value`, `--name=value` and bare flags. `valued` lists the options that take a value, so
 * a path after a flag is never mistaken for its value.
 */
export function parseArgs(args: string[], valued: ReadonlySet<string>, known: ReadonlySet<string>): ParsedArgs {
    const paths: string[] = [];
    const options = new Map<string, string>();
    const flags = new Set<string>();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            paths.push(...args.slice(i + 1));
            break;
        }
        if (arg.startsWith('-') && arg !== '-') {
            const [rawName, inline] = arg.split(/=(.*)/s, 2);
            const name = rawName === '-o' ? '--output' : rawName;
            if (!valued.has(name) && !known.has(name)) throw new UsageError(`unknown option ${rawName}`);
            if (valued.has(name)) {
                const value = inline ?? args[++i];
                if (value === undefined || value === '') throw new UsageError(`${rawName} needs a value`);
                options.set(name, value);
            } else {
                flags.add(name);
            }
        } else {
            paths.push(arg);
        }
    }
    return { paths, options, flags };
}

export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
    const value = args.options.get(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
    }
    return value as T;
}
