import { describe, expect, it } from 'vitest';
import { integPaths, revisionChoices, validComparison } from '../../../extension/src/compare-base.js';

describe('Compare with…: what git says and what the panel accepts', () => {
    it('offers HEAD, then the local branches, then the recent commits with their subjects', () => {
        const choices = revisionChoices('main\nfeature/crm\n', 'a1b2c3d\tAdd the CRM feed\n0f0f0f0\tTLS 1.3 everywhere\nnot a commit\n');
        expect(choices.map(choice => [choice.revision, choice.description])).toEqual([
            ['HEAD', 'the last commit'], ['main', 'branch'], ['feature/crm', 'branch'],
            ['a1b2c3d', 'Add the CRM feed'], ['0f0f0f0', 'TLS 1.3 everywhere']
        ]);
    });

    it('reads the .integ files of ls-tree -z, leaving out the folders integ diff skips', () => {
        expect(integPaths('a.integ\0docs/readme.md\0sub/b.INTEG\0node_modules/x/c.integ\0out/d.integ\0')).toEqual(['a.integ', 'sub/b.INTEG']);
        expect(integPaths('')).toEqual([]);
    });

    it('accepts a comparison only in the shape the command builds, and copies only its fields', () => {
        const base = { label: 'HEAD', sources: [{ path: 'a.integ', text: 'system A { kind crm }', extra: 1 }] };
        expect(validComparison({ root: 'file:///ws', base })).toEqual({ root: 'file:///ws', base: { label: 'HEAD', sources: [{ path: 'a.integ', text: 'system A { kind crm }' }] } });
        expect(validComparison({ root: 'file:///ws', base: { label: 'HEAD', sources: [{ path: 'a.integ' }] } })).toBeUndefined();
        expect(validComparison({ base })).toBeUndefined();
        expect(validComparison('HEAD')).toBeUndefined();
    });
});
