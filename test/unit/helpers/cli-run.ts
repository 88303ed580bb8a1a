import { runCli } from '../../../language-server/src/cli/run-cli.js';

export interface CliRun { code: number; stdout: string; stderr: string }

/** Runs the CLI in-process from `cwd`, collecting what it prints. */
export async function runCliIn(cwd: string, ...args: string[]): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd });
    return { code, stdout, stderr };
}
