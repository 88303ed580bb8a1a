// Posts a file as the merge request's one `integ diff` note, or updates the note posted before,
// found by a hidden marker and its author. Run by docs/ci/gitlab-ci.yml in a merge request
// pipeline: `node gitlab-mr-note.mjs integ-diff.md`. The job token cannot write notes, so it takes
// INTEG_NOTE_TOKEN, a project access token with the api scope.
import { readFileSync } from 'node:fs';

const MARKER = '<!-- integ diff -->';

const [file] = process.argv.slice(2);
const { CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID, INTEG_NOTE_TOKEN } = process.env;
if (!file) fail('usage: node gitlab-mr-note.mjs <file.md>');
if (!CI_API_V4_URL || !CI_PROJECT_ID || !CI_MERGE_REQUEST_IID) fail('not in a merge request pipeline (CI_API_V4_URL, CI_PROJECT_ID or CI_MERGE_REQUEST_IID is not set)');
if (!INTEG_NOTE_TOKEN) fail('INTEG_NOTE_TOKEN is not set: add a project access token with the api scope as a masked CI/CD variable');

const headers = { 'PRIVATE-TOKEN': INTEG_NOTE_TOKEN, 'Content-Type': 'application/json' };
const notes = `${CI_API_V4_URL}/projects/${encodeURIComponent(CI_PROJECT_ID)}/merge_requests/${CI_MERGE_REQUEST_IID}/notes`;
const body = `${MARKER}\n${readFileSync(file, 'utf8')}`;

const me = await call('GET', `${CI_API_V4_URL}/user`);
const previous = await findPrevious(me.id);
if (previous) {
    await call('PUT', `${notes}/${previous.id}`, { body });
    console.log(`updated note ${previous.id}`);
} else {
    const note = await call('POST', notes, { body });
    console.log(`posted note ${note.id}`);
}

/** The note this script posted before: the marker first, written by the token's own user. */
async function findPrevious(userId) {
    for (let page = '1'; page;) {
        const response = await request('GET', `${notes}?per_page=100&sort=asc&page=${page}`);
        const found = (await response.json()).find(note => note.author?.id === userId && note.body?.startsWith(MARKER));
        if (found) return found;
        page = response.headers.get('x-next-page');
    }
    return undefined;
}

async function call(method, url, payload) {
    return (await request(method, url, payload)).json();
}

async function request(method, url, payload) {
    const response = await fetch(url, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
    if (!response.ok) fail(`${method} ${url.replace(CI_API_V4_URL, '')}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response;
}

function fail(message) {
    console.error(`gitlab-mr-note: ${message}`);
    process.exit(1);
}
