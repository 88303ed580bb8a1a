import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

/**
 * The estate a change is reviewed against. Customer names and e-mails are PII (GDPR):
 * CustomerFeed carries them over TLS 1.0 (security/tls, an error); Rekey is manual re-entry at
 * 10 h/week; Erp has an explicit title, so renaming it changes nothing else.
 */
export const PEOPLE = `
department Ops "Ops" { champions "Ana", "Ben" }
`;

export const SYSTEMS = `
entity Customer "Customer" { master Crm  field name: PII  field email: PII }
system Crm "CRM" { kind crm  department Ops  owner "Ana"  hosting saas  stores Customer  encryption aes256  supports sso-saml }
system Erp "ERP" { kind erp  department Ops  owner "Ben"  hosting saas  stores Customer  encryption aes256  supports sso-saml }
flow CustomerFeed "Customer feed" : Crm -> Erp { carries Customer.name, Customer.email  style api  auth oauth2  tls 1.0  audit  monitored  owner "Ana" }
flow Rekey "Orders re-keyed" : Crm -> Erp { carries Customer.name  style manual  effort 10 hours per week }
`;

export async function tempFolder(prefix: string): Promise<string> {
    return fs.mkdtemp(path.join(os.tmpdir(), `integ-diff-${prefix}-`));
}

export async function writeFiles(folder: string, files: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
        await fs.writeFile(path.join(folder, name), text);
    }
}

/** Git with an identity and no user or system configuration, so the tests run the same anywhere. */
export function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull }
    });
}

/** Replaces the repository's files with `files` and commits them. */
export async function commit(repo: string, message: string, files: Record<string, string>): Promise<void> {
    for (const entry of await fs.readdir(repo)) if (entry !== '.git') await fs.rm(path.join(repo, entry), { recursive: true, force: true });
    await writeFiles(repo, files);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--allow-empty', '-m', message);
}

export async function integ(cwd: string, ...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd });
    return { code, stdout, stderr };
}
