import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { appendLine, insertProperties, type BlockShape } from '../../../language-server/src/fixes/property-edits.js';

function apply(text: string, edit: TextEdit): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x.integ', 'integ', 1, text), [edit]);
}

/** Shape from the first `{` and last `}` of the text (enough for these one-declaration texts). */
function shapeOf(text: string): BlockShape {
    const doc = TextDocument.create('file:///x.integ', 'integ', 1, text);
    const open = text.indexOf('{');
    const close = text.lastIndexOf('}');
    return {
        end: doc.positionAt(text.trimEnd().length),
        open: open >= 0 ? doc.positionAt(open) : undefined,
        close: close >= 0 ? doc.positionAt(close) : undefined
    };
}

const insert = (text: string, properties: string[], where: 'first' | 'last' = 'last') => apply(text, insertProperties(text, shapeOf(text), properties, where));

describe('insertProperties', () => {
    it('adds a block to a declaration without one', () => {
        expect(insert('system Crm\n', ['encryption aes256'])).toBe('system Crm { encryption aes256 }\n');
    });

    it('fills an empty block', () => {
        expect(insert('system Crm {}\n', ['audit'])).toBe('system Crm { audit }\n');
        expect(insert('system Crm {   }\n', ['audit'])).toBe('system Crm { audit }\n');
    });

    it('separates properties by two spaces in a one-line block', () => {
        expect(insert('system Crm { kind crm }\n', ['shadow', 'users 3'])).toBe('system Crm { kind crm  shadow  users 3 }\n');
        expect(insert('system Crm {kind crm}\n', ['shadow'])).toBe('system Crm {kind crm  shadow}\n');
        expect(insert('entity E { field a }\n', ['master Crm'], 'first')).toBe('entity E { master Crm  field a }\n');
    });

    it('uses the indentation of the existing properties in a multi-line block', () => {
        expect(insert('  flow F : A -> B {\n      style api\n  }\n', ['audit'])).toBe('  flow F : A -> B {\n      style api\n      audit\n  }\n');
        expect(insert('flow F : A -> B {\n}\n', ['audit', 'monitored'])).toBe('flow F : A -> B {\n  audit\n  monitored\n}\n');
        expect(insert('entity E {\n\tfield a\n}\n', ['master Crm'], 'first')).toBe('entity E {\n\tmaster Crm\n\tfield a\n}\n');
    });

    it('keeps a closing brace that shares the last property line', () => {
        expect(insert('flow F : A -> B {\n  style api }\n', ['audit'])).toBe('flow F : A -> B {\n  style api\n  audit }\n');
    });

    it('keeps CRLF line endings', () => {
        expect(insert('flow F : A -> B {\r\n  style api\r\n}\r\n', ['audit'])).toBe('flow F : A -> B {\r\n  style api\r\n  audit\r\n}\r\n');
    });
});

describe('appendLine', () => {
    it('leaves one blank line before the appended line', () => {
        expect(apply('system A\n', appendLine('system A\n', 'x'))).toBe('system A\n\nx\n');
        expect(apply('system A', appendLine('system A', 'x'))).toBe('system A\n\nx\n');
        expect(apply('', appendLine('', 'x'))).toBe('x\n');
    });
});
