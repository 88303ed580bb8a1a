import { describe, expect, test } from 'vitest';
import { languageDiagnostics, loadTexts, uri } from '../helpers/workspace.js';

describe('linking across files', () => {
    test('references resolve by name across files, Entity.field to the field', async () => {
        const ws = await loadTexts({
            'data.integ': 'entity Customer { master Crm  field email: PII  field tier }',
            'systems.integ': 'system Crm { stores Customer }\nsystem Erp { stores Customer }',
            'flows.integ': 'flow Sync : Crm -> Erp { carries Customer.email, Customer.tier  via Boomi }'
        });
        expect(languageDiagnostics(ws)).toEqual([]);
        const flow = ws.analysis.estate.flows.get('Sync');
        expect(flow).toMatchObject({ sourceSystem: 'Crm', targetSystem: 'Erp', via: 'Boomi', carries: [{ entity: 'Customer', fields: ['email', 'tier'] }] });
        const model = ws.documents[2].parseResult.value as unknown as { elements: Array<{ carries: Array<{ field: { ref?: { name: string; $container: { name: string } } } }> }> };
        const field = model.elements[0].carries[0].field.ref;
        expect([field?.$container.name, field?.name]).toEqual(['Customer', 'email']);
    });

    test('initiatives nested in a roadmap are referable from another file', async () => {
        const ws = await loadTexts({
            'a.integ': 'roadmap R { start 2027-01  initiative First { months 1 to 2 } }',
            'b.integ': 'roadmap S { start 2027-01  initiative Second { months 3  depends-on First } }\naccept "roadmap/wip-limit" on First "known"'
        });
        expect(languageDiagnostics(ws)).toEqual([]);
        expect(ws.analysis.estate.initiatives.get('Second')?.dependsOn).toEqual(['First']);
        expect(ws.analysis.estate.waivers[0].target).toBe('First');
    });

    test('a duplicate name is an error on both declarations, each pointing at the other', async () => {
        const ws = await loadTexts({
            'a.integ': 'system Crm { kind crm }',
            'b.integ': '\n\nentity Crm { field x }'
        });
        const a = ws.diagnostics.get(uri('a.integ'))!.filter(d => d.code === 'duplicate-name');
        const b = ws.diagnostics.get(uri('b.integ'))!.filter(d => d.code === 'duplicate-name');
        expect(a.map(d => [d.severity, d.range.start, d.message])).toEqual([[1, { line: 0, character: 7 }, "Duplicate name 'Crm': it is also declared elsewhere in the workspace."]]);
        expect(a[0].relatedInformation).toEqual([{ location: { uri: uri('b.integ'), range: { start: { line: 2, character: 7 }, end: { line: 2, character: 10 } } }, message: "'Crm' is also declared here (entity)" }]);
        expect(b[0].relatedInformation?.[0].location.uri).toBe(uri('a.integ'));
    });

    test('names are one namespace: an initiative and a system cannot share a name', async () => {
        const ws = await loadTexts({ 'a.integ': 'system Launch { }\nroadmap R { initiative Launch { } }' });
        expect(languageDiagnostics(ws).filter(line => line.includes('Duplicate name'))).toHaveLength(2);
    });

    test('a user declaration replaces the standard library entry of the same name, without a duplicate error', async () => {
        const ws = await loadTexts({
            'platforms.integ': 'platform Zapier "Zapier Enterprise" { kind automation  agreements dpa, baa  volume high }',
            'flows.integ': 'system A { }\nsystem B { }\nflow F : A -> B { via Zapier }'
        });
        expect(languageDiagnostics(ws)).toEqual([]);
        expect(ws.analysis.estate.platforms.get('Zapier')).toMatchObject({ title: 'Zapier Enterprise', agreements: ['dpa', 'baa'], volume: 'high' });
        const model = ws.documents[1].parseResult.value as unknown as { elements: Array<{ via?: { ref?: { $document?: unknown; $container?: unknown } } }> };
        expect(model.elements[2].via?.ref?.$container).toBe(ws.documents[0].parseResult.value);
    });

    test('the standard library is in scope without declaring anything', async () => {
        const ws = await loadTexts({ 'a.integ': 'entity Patient { field record: PHI }\nclassification Mine { regulations HIPAA, SOX, GDPR, PCI-DSS }\nsystem A { }\nsystem B { }\nflow F : A -> B { via MuleSoft }' });
        expect(languageDiagnostics(ws)).toEqual([]);
        expect(ws.analysis.estate.classifications.get('PHI')?.requires).toMatchObject({ minTls: 1.2, encryption: 'aes256', audit: true, retentionMonths: 72 });
        expect(ws.analysis.estate.regulations.get('SOX')?.retentionMonths).toBe(84);
        expect(ws.analysis.estate.regulations.get('PCI-DSS')?.retentionMonths).toBe(12);
        expect(ws.analysis.estate.platforms.get('MuleSoft')).toMatchObject({ volume: 'high', bestFor: 'Enterprise API management' });
        expect([...ws.analysis.estate.platforms.keys()]).toEqual(['Zapier', 'Make', 'MuleSoft', 'Boomi', 'Workato']);
    });

    test('a reference of the wrong kind does not resolve', async () => {
        const ws = await loadTexts({ 'a.integ': 'entity Customer { field x }\nsystem A { stores A }' });
        expect(languageDiagnostics(ws)).toEqual(["a.integ:2 Unknown entity 'A'."]);
    });
});
