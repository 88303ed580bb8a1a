import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PEOPLE, SYSTEMS, commit, git, tempFolder } from './diff-fixture.js';

/**
 * The CI files of docs/ci.md, read as GitHub and GitLab read them: their structure, then every
 * `integ …` line they run, through the built command (bin/integ.cjs, as `npm ci` builds it), in a
 * repository whose last commit adds a flow without authentication (a new error) to an estate that
 * already has one (CustomerFeed's TLS 1.0). Then the steps around them, in bash as the runners run
 * them: exit statuses, the GitHub comment script against a stand-in of its API, the GitLab note
 * script against a stand-in of GitLab's.
 */
const root = path.join(__dirname, '..', '..', '..');
const INTEG = path.join(root, 'bin', 'integ.cjs');
const BILLING = 'system Billing "Billing" { kind finance  department Ops  owner "Ben"  hosting saas  encryption aes256 }\n'
    + 'flow BillingFeed "Billing feed" : Crm -> Billing { carries Customer.name  style api  auth none  tls 1.2  audit  monitored  owner "Ben" }\n';
const MARKER = '<!-- integ diff -->';

interface Step { name?: string; uses?: string; run?: string; if?: string; id?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface GitHubJob { if?: string; permissions: Record<string, string>; steps: Step[] }
interface GitLabJob { extends?: string; rules?: Array<{ if: string }>; variables?: Record<string, unknown>; script: string[]; before_script?: string[]; artifacts?: Record<string, unknown> }

let github: { on: Record<string, unknown>; permissions: Record<string, string>; env: Record<string, string>; jobs: Record<string, GitHubJob> };
let gitlab: Record<string, GitLabJob> & { variables: Record<string, string> };
let repo: string;
let baseSha: string;
/** A folder with `integ` in it, linked to bin/integ.cjs as the workflows' install step links it. */
let binFolder: string;

beforeAll(async () => {
    github = parse(await fs.readFile(path.join(root, 'docs/ci/github-workflow.yml'), 'utf8'));
    gitlab = parse(await fs.readFile(path.join(root, 'docs/ci/gitlab-ci.yml'), 'utf8'));
    repo = await tempFolder('ci');
    git(repo, 'init', '-q');
    await commit(repo, 'the estate', { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS });
    baseSha = git(repo, 'rev-parse', 'HEAD').trim();
    await commit(repo, 'billing', { 'people.integ': PEOPLE, 'systems.integ': SYSTEMS, 'billing.integ': BILLING });
    binFolder = await tempFolder('ci-bin');
    await fs.symlink(INTEG, path.join(binFolder, 'integ'));
});

afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
    await fs.rm(binFolder, { recursive: true, force: true });
});

/** The `integ …` commands of a script, each cut before a `||` that handles its exit status. */
function integLines(script: string): string[] {
    return script.split('\n').map(line => line.trim()).filter(line => line.startsWith('integ ')).map(line => line.split(' || ')[0]);
}

/** Shell words: `"…"` with `$VAR` expanded, `'…'` as written, bare words with `$VAR` expanded. A variable not in `vars` fails the test. */
function words(command: string, vars: Record<string, string>): string[] {
    const expand = (text: string) => text.replace(/\$\{?(\w+)\}?/g, (_, name: string) => {
        if (!(name in vars)) throw new Error(`no test value for $${name} in: ${command}`);
        return vars[name];
    });
    return [...command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map(match => match[2] ?? expand(match[1] ?? match[3]));
}

function run(file: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise(resolve => {
        execFile(file, args, { cwd: options.cwd, encoding: 'utf8', env: { ...process.env, ...options.env } }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
        });
    });
}

/** A step's script as the runner runs it: bash, stopping at the first failure, `integ` on the PATH. */
function bash(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: repo, env: { PATH: [binFolder, path.dirname(process.execPath), process.env.PATH].join(path.delimiter), ...env }
    });
}

function outputOf(args: string[]): string {
    const index = args.indexOf('-o');
    expect(index, args.join(' ')).toBeGreaterThan(0);
    return args[index + 1];
}

/** What a written report must be, by the format asked for. */
async function expectReport(args: string[]): Promise<void> {
    const text = await fs.readFile(path.join(repo, outputOf(args)), 'utf8');
    const format = args[args.indexOf('--format') + 1];
    if (format === 'sarif') {
        const sarif = JSON.parse(text);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].results.some((result: { ruleId: string; level: string }) => result.ruleId === 'security/tls' && result.level === 'error')).toBe(true);
    } else if (format === 'codequality') {
        const issues = JSON.parse(text) as Array<Record<string, unknown>>;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
        expect(issues).toContainEqual(expect.objectContaining({ check_name: 'security/tls', severity: 'major', location: { path: 'systems.integ', lines: { begin: 5 } } }));
    } else if (format === 'md') {
        expect(text).toMatch(/^\*\*Estate diff\*\* `[^`]+` → `HEAD`: \d+ added; [1-9]\d* new errors?, /);
    } else {
        throw new Error(`no check for --format ${format}`);
    }
}

/** What a command's exit status must be in this repository: the estate has errors, the change adds one. */
const EXPECTED_EXIT: Record<string, number> = { check: 1, diff: 1 };

describe('the GitHub Actions workflow (docs/ci/github-workflow.yml)', () => {
    it('runs on pushes to main and on pull requests, a check job with code scanning and a diff job with a comment', () => {
        expect(Object.keys(github.on).sort()).toEqual(['pull_request', 'push']);
        expect(github.permissions).toEqual({ contents: 'read' });
        const { check, diff } = github.jobs;
        expect(check.permissions).toMatchObject({ contents: 'read', 'security-events': 'write' });
        const upload = check.steps.find(step => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
        expect(upload?.if).toBe("github.event_name == 'push' || github.event.pull_request.head.repo.full_name == github.repository");
        expect(upload?.with?.sarif_file).toBe(outputOf(words(integLines(check.steps.map(step => step.run ?? '').join('\n'))[0], {})));
        expect(diff.if).toBe("github.event_name == 'pull_request'");
        expect(diff.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write' });
        expect(diff.steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { 'fetch-depth': 2 } });
        expect(diff.steps.some(step => step.uses?.startsWith('actions/github-script@'))).toBe(true);
        for (const job of [check, diff]) {
            const install = job.steps.find(step => step.name === 'Install integ')!.run!;
            expect(install).toContain('git clone --quiet "$INTEG_REPOSITORY" "$RUNNER_TEMP/integ"');
            expect(install).toContain('ln -s "$RUNNER_TEMP/integ/bin/integ.cjs" "$RUNNER_TEMP/bin/integ"');
        }
    });

    it('every integ command line runs against a repository of two commits and writes what the next step reads', async () => {
        const lines = Object.values(github.jobs).flatMap(job => job.steps.flatMap(step => integLines(step.run ?? '')));
        expect(lines.map(line => line.split(' ')[1])).toEqual(['check', 'diff']);
        for (const line of lines) {
            const args = words(line, {}).slice(1);
            const result = await run(process.execPath, [INTEG, ...args], { cwd: repo });
            expect(result.code, `${line}\n${result.stderr}`).toBe(EXPECTED_EXIT[args[0]]);
            await expectReport(args);
        }
    });

    it('the check step tolerates error findings (exit 1) and fails on a usage error (exit 2)', async () => {
        const step = github.jobs.check.steps.find(candidate => candidate.name === 'Check the estate')!;
        expect((await bash(step.run!, {})).code).toBe(0);
        const usage = await bash(step.run!.replace('--format sarif', '--format nonsense'), {});
        expect(usage.stderr).toContain('--format must be one of');
        expect(usage.code).not.toBe(0);
    });

    it('keeps the diff exit status for the last step, which fails the job on new errors', async () => {
        const steps = github.jobs.diff.steps;
        const outputs = path.join(repo, '.github-output');
        const diff = steps.find(step => step.id === 'diff')!;
        expect((await bash(diff.run!, { GITHUB_OUTPUT: outputs })).code).toBe(0);
        expect(await fs.readFile(outputs, 'utf8')).toBe('status=1\n');
        const gate = steps.at(-1)!;
        expect(gate.if).toBe("steps.diff.outputs.status != '0'");
        const failed = await bash(gate.run!, { STATUS: '1' });
        expect(failed.code).toBe(1);
        expect(failed.stdout).toContain('::error::The change introduces error findings');
    });

    it('posts one comment per pull request and updates it on the next push, leaving other comments alone', async () => {
        const step = github.jobs.diff.steps.find(candidate => candidate.uses?.startsWith('actions/github-script@'))!;
        const script = String(step.with!.script);
        const diffFile = path.join(repo, step.env!.DIFF_FILE);
        const comments: Array<{ id: number; user: { type: string }; body: string }> = [{ id: 1, user: { type: 'User' }, body: `${MARKER} quoted by a person` }];
        const calls: string[] = [];
        const octokit = {
            paginate: async (list: (params: object) => Promise<{ data: unknown[] }>, params: object) => (await list(params)).data,
            rest: {
                issues: {
                    listComments: async () => ({ data: comments }),
                    createComment: async (params: { issue_number: number; body: string }) => {
                        calls.push(`create on #${params.issue_number}`);
                        comments.push({ id: 2, user: { type: 'Bot' }, body: params.body });
                    },
                    updateComment: async (params: { comment_id: number; body: string }) => {
                        calls.push(`update ${params.comment_id}`);
                        comments.find(comment => comment.id === params.comment_id)!.body = params.body;
                    }
                }
            }
        };
        const context = { repo: { owner: 'acme', repo: 'estate' }, issue: { number: 12 } };
        const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
        // As actions/github-script calls it; `process` stands in for the step's environment.
        const post = new AsyncFunction('github', 'context', 'require', 'process', script);
        const env = { env: { DIFF_FILE: diffFile } };
        await post(octokit, context, createRequire(__filename), env);
        await fs.appendFile(diffFile, 'one more line\n');
        await post(octokit, context, createRequire(__filename), env);
        expect(calls).toEqual(['create on #12', 'update 2']);
        expect(comments).toHaveLength(2);
        expect(comments[1].body.startsWith(`${MARKER}\n**Estate diff**`)).toBe(true);
        expect(comments[1].body.endsWith('one more line\n')).toBe(true);
        expect(comments[0].body).toBe(`${MARKER} quoted by a person`);
    });
});

describe('the GitLab CI file (docs/ci/gitlab-ci.yml)', () => {
    it('has a Code Quality job for merge requests and the default branch and a diff job for merge requests', () => {
        const check = gitlab['integ-check'];
        const diff = gitlab['integ-diff'];
        expect(check.rules!.map(rule => rule.if)).toEqual(['$CI_PIPELINE_SOURCE == "merge_request_event"', '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH']);
        expect(check.artifacts).toMatchObject({ when: 'always', reports: { codequality: outputOf(words(integLines(check.script.join('\n'))[0], {})) } });
        expect(diff.rules!.map(rule => rule.if)).toEqual(['$CI_PIPELINE_SOURCE == "merge_request_event"']);
        expect(diff.variables).toMatchObject({ GIT_DEPTH: 0 });
        expect(diff.artifacts).toMatchObject({ when: 'always', paths: ['integ-diff.md'] });
        const install = gitlab['.integ'].before_script!.join('\n');
        expect(install).toContain('git clone --quiet "$INTEG_REPOSITORY" "$INTEG_HOME"');
        expect(install).toContain('ln -s "$INTEG_HOME/bin/integ.cjs" /usr/local/bin/integ');
        expect(gitlab.variables.INTEG_HOME).toBe('/opt/integ');
    });

    it('every integ command line runs against a repository of two commits and writes what the report or note reads', async () => {
        const lines = ['integ-check', 'integ-diff'].flatMap(name => integLines(gitlab[name].script.join('\n')));
        expect(lines.map(line => line.split(' ')[1])).toEqual(['check', 'diff']);
        for (const line of lines) {
            const args = words(line, { CI_MERGE_REQUEST_DIFF_BASE_SHA: baseSha }).slice(1);
            const result = await run(process.execPath, [INTEG, ...args], { cwd: repo });
            expect(result.code, `${line}\n${result.stderr}`).toBe(EXPECTED_EXIT[args[0]]);
            await expectReport(args);
        }
    });

    it('the check job tolerates error findings (exit 1)', async () => {
        expect((await bash(gitlab['integ-check'].script.join('\n'), {})).code).toBe(0);
    });

    describe('the diff job posts one note per merge request, then updates it, and fails on new errors', () => {
        let server: Server;
        let notes: Array<{ id: number; author: { id: number }; body: string }>;
        const requests: string[] = [];

        beforeAll(async () => {
            // A person's note that quotes the marker, on a first page of its own.
            notes = [];
            const personal = { id: 1, author: { id: 7 }, body: `${MARKER} quoted` };
            server = createServer((request, response) => {
                void answer(request).then(([status, body, headers]) => {
                    response.writeHead(status, { 'content-type': 'application/json', ...headers });
                    response.end(JSON.stringify(body));
                });
            });
            const answer = async (request: IncomingMessage): Promise<[number, unknown, Record<string, string>?]> => {
                let text = '';
                for await (const chunk of request) text += chunk;
                const url = new URL(request.url!, 'http://localhost');
                requests.push(`${request.method} ${url.pathname}${url.searchParams.has('page') ? `?page=${url.searchParams.get('page')}` : ''}`);
                if (request.headers['private-token'] !== 'secret') return [401, { message: '401 Unauthorized' }];
                if (url.pathname === '/api/v4/user') return [200, { id: 42 }];
                const base = '/api/v4/projects/acme%2Festate/merge_requests/5/notes';
                if (request.method === 'GET' && url.pathname === base) {
                    return url.searchParams.get('page') === '1' ? [200, [personal], { 'x-next-page': '2' }] : [200, notes, { 'x-next-page': '' }];
                }
                if (request.method === 'POST' && url.pathname === base) {
                    notes.push({ id: 9, author: { id: 42 }, body: JSON.parse(text).body });
                    return [201, notes.at(-1)];
                }
                const note = notes.find(candidate => `${base}/${candidate.id}` === url.pathname);
                if (request.method === 'PUT' && note) {
                    note.body = JSON.parse(text).body;
                    return [200, note];
                }
                return [404, { message: '404 Not Found' }];
            };
            await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        });

        afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

        it('posts, updates, and exits 1', async () => {
            const env = {
                CI_MERGE_REQUEST_DIFF_BASE_SHA: baseSha, INTEG_HOME: root, INTEG_NOTE_TOKEN: 'secret', CI_PROJECT_ID: 'acme/estate', CI_MERGE_REQUEST_IID: '5',
                CI_API_V4_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`
            };
            const script = gitlab['integ-diff'].script.join('\n');
            const first = await bash(script, env);
            expect(first.code, first.stderr).toBe(1);
            expect(first.stdout).toContain('posted note 9');
            const second = await bash(script, env);
            expect(second.code, second.stderr).toBe(1);
            expect(second.stdout).toContain('updated note 9');
            expect(notes).toHaveLength(1);
            expect(notes[0].body).toMatch(new RegExp(`^${MARKER}\\n\\*\\*Estate diff\\*\\* \`${baseSha}\` → \`HEAD\`: `));
            expect(requests.filter(request => !request.startsWith('GET'))).toEqual([
                'POST /api/v4/projects/acme%2Festate/merge_requests/5/notes', 'PUT /api/v4/projects/acme%2Festate/merge_requests/5/notes/9'
            ]);
        });

        it('says what is missing without a token, and fails', async () => {
            const result = await bash(`node "${root}/docs/ci/gitlab-mr-note.mjs" integ-diff.md`, { CI_API_V4_URL: 'http://127.0.0.1:9/api/v4', CI_PROJECT_ID: '1', CI_MERGE_REQUEST_IID: '1', INTEG_NOTE_TOKEN: '' });
            expect(result.code).toBe(1);
            expect(result.stderr).toContain('INTEG_NOTE_TOKEN is not set');
        });
    });
});
